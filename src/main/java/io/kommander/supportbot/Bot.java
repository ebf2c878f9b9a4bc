package io.kommander.supportbot;

import com.github.benmanes.caffeine.cache.Ticker;
import io.kommander.supportbot.announce.AnnouncementScheduler;
import io.kommander.supportbot.announce.AnnouncementSettings;
import io.kommander.supportbot.announce.AnnouncementSettingsLoader;
import io.kommander.supportbot.announce.ScheduleMessage;
import io.kommander.supportbot.api.ApiServlet;
import io.kommander.supportbot.http.AskServlet;
import io.kommander.supportbot.http.BotServer;
import io.kommander.supportbot.http.CachedCheck;
import io.kommander.supportbot.http.HealthServlet;
import io.kommander.supportbot.http.MetricsServlet;
import io.kommander.supportbot.http.ReadinessServlet;
import io.kommander.supportbot.http.ReadinessServlet.Check;
import io.kommander.supportbot.http.SlackEventsServlet;
import io.kommander.supportbot.http.SlackGate;
import io.kommander.supportbot.http.SlackOffServlet;
import io.kommander.supportbot.metrics.BotMetrics;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.slack.ChannelLines;
import io.kommander.supportbot.slack.SlackAnswers;
import io.kommander.supportbot.slack.SlackApp;
import io.kommander.supportbot.slack.SlackConnection;
import io.kommander.supportbot.slack.listeners.SubscriptionCommand;
import io.kommander.supportbot.timing.Timers;
import io.kommander.supportbot.web.SupportSite;
import jakarta.servlet.http.HttpServlet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running bot: the HTTP server, and Slack over HTTP or Socket Mode when configured, connected
 * as soon as Slack answers (the page, the API and {@code /ask} do not wait for it).
 */
public final class Bot implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Bot.class);

  /** A flood of readiness probes costs one database round trip per this. */
  static final Duration DATABASE_CHECKED_EVERY = Duration.ofSeconds(2);

  private final BotServer server;
  private final Optional<SlackSide> slack;
  private final ExecutorService checks;
  private final List<AutoCloseable> owned = new CopyOnWriteArrayList<>();
  private volatile String refused;

  private Bot(BotServer server, Optional<SlackSide> slack, ExecutorService checks) {
    this.server = server;
    this.slack = slack;
    this.checks = checks;
  }

  /** What the bot runs on, owned by whoever made them. */
  record Parts(
      Optional<AnnouncementScheduler> announcements,
      Optional<Delivery> delivery,
      Optional<Database> db,
      Optional<SlackConnection> slack) {}

  /** The bot alone, with its own database pool and outbox (no announcements). */
  public static Bot start(Config config, String host, Supplier<PolicyService> policy)
      throws Exception {
    Optional<SlackConnection> slack = connect(config); // a refused token stops here
    Optional<Database> db = Optional.empty();
    Optional<Delivery> delivery = Optional.empty();
    try {
      db = Database.open(config);
      delivery = Delivery.open(config, settings(config), Clock.systemUTC(), db.map(Database::pool));
      Bot bot = start(config, host, policy, new Parts(Optional.empty(), delivery, db, slack));
      delivery.ifPresent(bot.owned::add);
      db.ifPresent(bot.owned::add);
      return bot;
    } catch (Exception | Error e) {
      delivery.ifPresent(Delivery::close);
      db.ifPresent(Database::close);
      slack.ifPresent(SlackConnection::close);
      throw e;
    }
  }

  /**
   * Asks Slack who the bot is, once, before anything else starts: a token Slack refuses stops the
   * start with that reason; a Slack that cannot be reached is retried in the background.
   */
  static Optional<SlackConnection> connect(Config config) {
    return config.slackMode() == Config.SlackMode.OFF
        ? Optional.empty()
        : Optional.of(
            SlackConnection.open(
                config.slackApiUrl(), config.botToken().orElseThrow(), SlackConnection.BACKOFF));
  }

  static AnnouncementSettings settings(Config config) {
    return AnnouncementSettingsLoader.load(config.announceConfig(), config.announceChannels());
  }

  static Bot start(Config config, String host, Supplier<PolicyService> policy, Parts parts)
      throws Exception {
    SlackAnswers answers = new SlackAnswers(policy, config.publicUrl());
    AnnouncementSettings announcing = settings(config); // read once: the API and Slack use it
    AtomicBoolean ready = new AtomicBoolean();
    Map<String, HttpServlet> servlets = new LinkedHashMap<>();
    servlets.put("/healthz", new HealthServlet(ready::get));
    servlets.put("/metrics", new MetricsServlet(BotMetrics.registry(), policy));
    servlets.put("/ask", new AskServlet(policy));
    servlets.putAll(SupportSite.servlets(policy));
    servlets.put("/api/v1/*", new ApiServlet(policy, announcing, config.publicUrl()));

    SlackGate gate =
        new SlackGate(() -> parts.slack().flatMap(SlackConnection::problem).orElse("starting"));
    Optional<SlackSide> slack =
        parts
            .slack()
            .map(
                c ->
                    new SlackSide(config, slackParts(config, answers, announcing, parts), c, gate));
    switch (config.slackMode()) {
      case HTTP ->
          servlets.put(
              "/slack/events",
              new SlackEventsServlet(
                  gate, config.signingSecret().orElseThrow(), Clock.systemUTC()));
      case SOCKET -> {
        // Slack's requests come over the session SlackSide opens
      }
      case OFF -> {
        servlets.put("/slack/events", new SlackOffServlet(config.slackOffReason()));
        log.warn(
            "{}. Serving the support page, the API, /ask, /healthz, /readyz and /metrics.",
            config.slackOffReason());
      }
    }
    ExecutorService checks = Timers.pool("readiness-check", 1);
    ReadinessServlet readiness = new ReadinessServlet(checks(policy, parts, slack, checks));
    BotMetrics.measure("readiness", readiness::bindTo);
    servlets.put("/readyz", readiness);
    Bot bot = new Bot(new BotServer(host, config.port(), servlets), slack, checks);
    // Slack's side first when Slack has answered, so /slack/events serves from the first request.
    slack.ifPresent(s -> s.start(bot::refused));
    BotServer server = bot.server.start();
    ready.set(true);
    parts.delivery().ifPresent(Delivery::openLedger); // now that the first requests can be served
    log.info(
        "kommander-support-bot listening on port {} (Slack: {})",
        server.port(),
        config.slackMode());
    return bot;
  }

  private static SlackApp.Parts slackParts(
      Config config, SlackAnswers answers, AnnouncementSettings announcing, Parts parts) {
    Delivery d = parts.delivery().orElseThrow();
    Optional<AnnouncementScheduler> announcements = parts.announcements();
    SubscriptionCommand subscriptions =
        new SubscriptionCommand(
            new ChannelLines(answers),
            d.subscriptions(),
            d.outbox(),
            announcing.enabled() ? Set.copyOf(announcing.channels()) : Set.of(),
            lines -> announcements.flatMap(s -> s.nextFor(lines)).map(ScheduleMessage::summary),
            Clock.systemUTC());
    return new SlackApp.Parts(
        config.botToken().orElseThrow(),
        config.slackApiUrl(),
        answers,
        () -> ScheduleMessage.render(announcements),
        d.outbox(),
        d.once(),
        subscriptions,
        config.publicUrl());
  }

  /**
   * What readiness asks: the catalog, Slack and the outbox's journal take the pod out of service;
   * the database only degrades it (the page, the API and slash commands do not need it).
   */
  private static List<Check> checks(
      Supplier<PolicyService> policy,
      Parts parts,
      Optional<SlackSide> slack,
      ExecutorService executor) {
    List<Check> checks = new ArrayList<>();
    checks.add(
        Check.required(
            "catalog",
            () -> policy.get() == null ? Optional.of("not loaded") : Optional.<String>empty()));
    slack.ifPresent(s -> checks.add(Check.required("slack", s::problem)));
    parts.delivery().ifPresent(d -> checks.add(Check.required("outbox", () -> outboxProblem(d))));
    parts
        .db()
        .ifPresent(
            db ->
                checks.add(
                    Check.degrading(
                        "database",
                        new CachedCheck(
                            db::problem,
                            DATABASE_CHECKED_EVERY,
                            Ticker.systemTicker(),
                            executor))));
    return checks;
  }

  /** The journal's state in fixed words: its failure's text (a path) is for the log only. */
  private static Optional<String> outboxProblem(Delivery d) {
    return d.ledgerProblem()
        .map(
            p ->
                Set.of("opening", "not opened yet").contains(p)
                    ? p
                    : "cannot be opened (see the log)");
  }

  /** Slack refused the token after an outage at start: the bot stops, saying so. */
  private void refused(String why) {
    refused = why;
    server.close();
  }

  public int port() {
    return server.port();
  }

  /**
   * Until the server stops.
   *
   * @throws IllegalArgumentException when it stopped because Slack refused the token
   */
  public void join() throws InterruptedException {
    server.join();
    if (refused != null) {
      throw new IllegalArgumentException(refused);
    }
  }

  @Override
  public void close() {
    slack.ifPresent(SlackSide::stopReceiving);
    server.close(); // in-flight requests finish
    slack.ifPresent(SlackSide::close);
    checks.shutdownNow();
    for (AutoCloseable o : owned) { // the outbox first: it lets replies in flight finish
      try {
        o.close();
      } catch (Exception e) {
        log.warn("{} did not close cleanly: {}", o.getClass().getSimpleName(), e.getMessage());
      }
    }
  }
}
