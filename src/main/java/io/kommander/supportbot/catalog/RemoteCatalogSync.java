package io.kommander.supportbot.catalog;

import io.kommander.supportbot.catalog.RemoteCatalogClient.Failed;
import io.kommander.supportbot.catalog.RemoteCatalogClient.NotModified;
import io.kommander.supportbot.catalog.RemoteCatalogClient.Result;
import io.kommander.supportbot.catalog.RemoteCatalogClient.Updated;
import io.kommander.supportbot.timing.Timers;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the live catalog in step with a remote policy service, off the request path: Slack acks
 * never wait on the network. When the service stops answering, the last good catalog stays and
 * every reply says it may be stale.
 */
public final class RemoteCatalogSync implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RemoteCatalogSync.class);

  private final RemoteCatalogClient client;
  private final LiveCatalog live;
  private final Clock clock;
  private final Duration staleAfter;
  private final ScheduledExecutorService timer = Timers.daemon("policy-service-sync");
  private String etag;
  private Instant lastGood;

  /**
   * @param lastGood when the catalog {@code live} holds was last known good (start-up time for a
   *     local fallback, or null to mark it stale at once)
   */
  public RemoteCatalogSync(
      RemoteCatalogClient client,
      LiveCatalog live,
      Clock clock,
      Duration staleAfter,
      Instant lastGood) {
    this.client = client;
    this.live = live;
    this.clock = clock;
    this.staleAfter = staleAfter;
    this.lastGood = lastGood;
  }

  public RemoteCatalogSync start(Duration interval) {
    timer.scheduleWithFixedDelay(
        this::refresh, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  /** One fetch; returns whether the service answered. */
  public synchronized boolean refresh() {
    Result result = client.fetch(etag);
    if (result instanceof Updated u) {
      etag = u.etag();
      if (live.replace(u.catalog())) {
        log.info("Catalog updated from {} (version {})", client.url(), u.catalog().version());
        Metrics.counter("catalog.reloads", "source", "remote", "outcome", "changed").increment();
      }
    } else if (result instanceof Failed f) {
      log.warn("Policy service unavailable, answering from the last good catalog: {}", f.reason());
      Metrics.counter("catalog.reloads", "source", "remote", "outcome", "unavailable").increment();
      if (lastGood == null
          || Duration.between(lastGood, clock.instant()).compareTo(staleAfter) > 0) {
        live.caveat(Optional.of(staleNote()));
      }
      return false;
    }
    assert result instanceof Updated || result instanceof NotModified;
    lastGood = clock.instant();
    live.caveat(Optional.empty());
    return true;
  }

  private String staleNote() {
    return "The policy service is not answering"
        + (lastGood == null
            ? ""
            : " (last answer " + lastGood.truncatedTo(ChronoUnit.SECONDS) + ")")
        + "; this answer comes from the last good data and may be stale.";
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
