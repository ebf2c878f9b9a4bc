package io.kommander.supportbot.upstream;

import io.kommander.supportbot.catalog.LiveCatalog;
import io.kommander.supportbot.delivery.Outbox;
import io.kommander.supportbot.delivery.Post;
import io.kommander.supportbot.policy.FoundRelease;
import io.kommander.supportbot.policy.Product;
import io.kommander.supportbot.policy.ReleaseLine;
import io.kommander.supportbot.policy.Support;
import io.kommander.supportbot.policy.SupportPolicy;
import io.kommander.supportbot.policy.Version;
import io.kommander.supportbot.timing.Timers;
import io.kommander.supportbot.upstream.GitHubTags.Dated;
import io.kommander.supportbot.upstream.GitHubTags.Failed;
import io.kommander.supportbot.upstream.GitHubTags.NotModified;
import io.kommander.supportbot.upstream.GitHubTags.RateLimited;
import io.kommander.supportbot.upstream.GitHubTags.Tags;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches upstream's release tags so the bot is never wrong for long: every final tag the reviewed
 * catalog lacks (for a line that still matters) is dated from its commit and merged into the
 * answers at once as a provisional release, kept across restarts, and announced once to the catalog
 * maintainers with the YAML to add. Offline or refused, it keeps the last good state and logs one
 * line. Turned off (no {@link GitHubTags}), it stops looking but not knowing: what was found before
 * (and, in a shared database, what other replicas find) still applies.
 */
public final class UpstreamWatcher implements AutoCloseable, MeterBinder {
  private static final Logger log = LoggerFactory.getLogger(UpstreamWatcher.class);

  private final Optional<GitHubTags> tags;
  private final UpstreamStore store;
  private final LiveCatalog live;
  private final Clock clock;
  private final Duration every;
  private final Optional<Outbox> outbox;
  private final Optional<String> maintainers;
  private final ScheduledExecutorService timer = Timers.daemon("upstream-watcher");
  private final AtomicReference<Outcome> outcome = new AtomicReference<>(Outcome.NOT_YET);
  private volatile String lastProblem;
  private volatile Instant lastChecked;
  private UpstreamState applied;

  /**
   * @param tags where to look; empty for {@code UPSTREAM_TAGS_URL=off}: never asks upstream, and
   *     applies what the store holds, read again every {@code every} / 6
   */
  public UpstreamWatcher(
      Optional<GitHubTags> tags,
      UpstreamStore store,
      LiveCatalog live,
      Clock clock,
      Duration every,
      Optional<Outbox> outbox,
      Optional<String> maintainers) {
    this.tags = tags;
    this.store = store;
    this.live = live;
    this.clock = clock;
    this.every = every;
    this.outbox = outbox;
    this.maintainers = maintainers;
    try {
      apply(store.load());
    } catch (RuntimeException e) {
      // A database down at start: read again at the first look, which saves nothing until then.
      problem("what upstream showed before cannot be read yet: " + firstLine(e));
    }
  }

  /** Its gauges: the last successful look, its outcome, and the releases found unreviewed. */
  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder(
            "upstream_last_success_seconds",
            () -> lastChecked == null ? 0 : lastChecked.getEpochSecond())
        .description("When upstream's release tags were last read (epoch seconds; 0: never)")
        .register(registry);
    Gauge.builder("upstream_unreviewed_releases", () -> live.unreviewed().size())
        .description("Final releases found upstream that the reviewed catalog lacks")
        .register(registry);
    // A state set: 1 for the last look's outcome, 0 for the others.
    for (Outcome o : Outcome.values()) {
      Gauge.builder("upstream_last_outcome", () -> outcome.get() == o ? 1 : 0)
          .tag("outcome", o.label())
          .description("The last look at upstream's release tags: 1 for its outcome")
          .register(registry);
    }
  }

  /** Looks now and then every {@code every} (or as GitHub asks), in the background. */
  public UpstreamWatcher start() {
    if (tags.isPresent()) {
      log.info("Watching {} for new releases every {}", tags.get().url(), every);
    } else {
      log.info(
          "Upstream watcher off (UPSTREAM_TAGS_URL=off): answering with the {} release(s) found"
              + " before, not looking for new ones",
          live.unreviewed().size());
    }
    timer.scheduleWithFixedDelay(
        this::lookSafely, 0, Math.max(1, every.toSeconds() / 6), TimeUnit.SECONDS);
    return this;
  }

  /** What the last look found. */
  public enum Outcome {
    NOT_YET,
    CHANGED,
    UNCHANGED,
    RATE_LIMITED,
    FAILED;

    /** The metric label: "rate-limited". */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Upstream was read: what the catalog lacks is known. */
    public boolean read() {
      return this == CHANGED || this == UNCHANGED;
    }
  }

  /** The last look's outcome. */
  public Outcome outcome() {
    return outcome.get();
  }

  private void lookSafely() {
    try {
      look();
    } catch (RuntimeException e) {
      problem("look failed: " + firstLine(e));
    }
  }

  /** One look, unless the last one said to wait; returns whether it asked upstream. */
  public synchronized boolean look() {
    Instant now = clock.instant();
    UpstreamState state = store.load();
    if (tags.isEmpty() || now.isBefore(state.notBefore())) {
      if (!state.equals(applied)) {
        publish(state); // another replica's find (a shared store) applies here too
      }
      return false;
    }
    GitHubTags github = tags.get();
    GitHubTags.Result result = github.tags(state.etag(), now);
    if (result instanceof NotModified n) {
      state = state.checked(state.etag(), now, next(now, n.pollInterval()));
      outcome.set(Outcome.UNCHANGED);
    } else if (result instanceof Tags t) {
      for (GitHubTags.Tag tag : t.finals()) {
        if (state.knows(tag.version()) || !matters(tag.version())) {
          continue;
        }
        GitHubTags.Result dated = github.commitDate(tag, now);
        if (!(dated instanceof Dated d)) {
          result = dated; // the etag is not kept: the next look reads the tags again
          break;
        }
        state = state.with(new FoundRelease(tag.version(), d.date(), today(now)));
      }
      if (result == t) {
        state = state.checked(t.etag(), now, next(now, t.pollInterval()));
        outcome.set(Outcome.CHANGED);
      } else {
        state = state.waitUntil(result(result, now));
      }
    } else {
      state = state.waitUntil(result(result, now));
    }
    if (!(result instanceof Failed) && !(result instanceof RateLimited)) {
      if (lastProblem != null) {
        log.info("Upstream answers again ({})", github.url());
      }
      lastProblem = null;
    }
    store.save(state);
    publish(state);
    return true;
  }

  /** When to look again after a failure or a rate limit, logging it once. */
  private Instant result(GitHubTags.Result r, Instant now) {
    if (r instanceof RateLimited limited) {
      outcome.set(Outcome.RATE_LIMITED);
      problem("rate limited by " + url() + " until " + limited.until());
      return limited.until();
    }
    outcome.set(Outcome.FAILED);
    problem("cannot read " + url() + ": " + ((Failed) r).reason() + "; keeping what I know");
    return now.plus(every.dividedBy(4));
  }

  /** A failure in one line: Flyway's messages run to a dozen. */
  private static String firstLine(RuntimeException e) {
    return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
  }

  private String url() {
    return tags.map(GitHubTags::url).orElse("upstream");
  }

  private void problem(String what) {
    if (!what.equals(lastProblem)) {
      log.warn("Upstream watcher: {}", what);
      lastProblem = what;
    }
  }

  private Instant next(Instant now, Optional<Duration> pollInterval) {
    Duration wait = pollInterval.filter(p -> p.compareTo(every) > 0).orElse(every);
    return now.plus(wait);
  }

  /**
   * Only releases that can change an answer are dated (one request each): a patch of a line not
   * expired today, or a line newer than every released one. Old lines' missing patches are not.
   */
  private boolean matters(Version v) {
    SupportPolicy policy = live.get().policy();
    LocalDate today = live.get().today();
    Optional<ReleaseLine> line = live.reviewed().line(Product.KOMMANDER, v.line());
    if (line.isEmpty()) {
      ReleaseLine newest = live.reviewed().lines().get(live.reviewed().lines().size() - 1);
      return v.line().compareTo(newest.kommander()) > 0;
    }
    if (line.get().patches().stream().anyMatch(p -> p.version().equals(v))) {
      return false;
    }
    return !(policy.support(line.get(), today) instanceof Support.Expired);
  }

  private void apply(UpstreamState state) {
    applied = state;
    lastChecked = state.lastChecked();
    live.upstream(state.found(), Optional.ofNullable(state.lastChecked()));
  }

  private void publish(UpstreamState state) {
    apply(state);
    if (outbox.isEmpty() || maintainers.isEmpty()) {
      return;
    }
    for (FoundRelease f : live.unreviewed()) {
      Post post = MaintainerNotice.post(maintainers.get(), f, live);
      if (outbox.get().send(post)) {
        log.info("Told {} about upstream release v{}", maintainers.get(), f.version());
      }
    }
  }

  private static LocalDate today(Instant now) {
    return now.atZone(ZoneOffset.UTC).toLocalDate();
  }

  @Override
  public void close() {
    Timers.stop(timer, Duration.ofSeconds(5));
  }
}
