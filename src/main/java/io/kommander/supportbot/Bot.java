package io.kommander.supportbot;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import io.kommander.supportbot.announce.AnnouncementScheduler;
import io.kommander.supportbot.announce.AnnouncementSettings;
import io.kommander.supportbot.announce.AnnouncementSettingsLoader;
import io.kommander.supportbot.announce.ScheduleMessage;
import io.kommander.supportbot.api.ApiServlet;
import io.kommander.supportbot.http.AskServlet;
import io.kommander.supportbot.http.BotServer;
import io.kommander.supportbot.http.HealthServlet;
import io.kommander.supportbot.http.MetricsServlet;
import io.kommander.supportbot.http.ReadinessServlet;
import io.kommander.supportbot.http.SlackEventsServlet;
import io.kommander.supportbot.http.SlackOffServlet;
import io.kommander.supportbot.metrics.BotMetrics;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.slack.BoltServlet;
import io.kommander.supportbot.slack.ChannelLines;
import io.kommander.supportbot.slack.SlackAnswers;
import io.kommander.supportbot.slack.SlackApp;
import io.kommander.supportbot.slack.blocks.SlackMessage;
import io.kommander.supportbot.slack.listeners.SubscriptionCommand;
import io.kommander.supportbot.web.SupportSite;
import jakarta.servlet.http.HttpServlet;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running bot: the HTTP server, and Slack over HTTP or Socket Mode when configured. */
public final class Bot implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Bot.class);

  private final BotServer server;
  private final App app;
  private final SocketModeApp socket;
  private final Optional<Delivery> owned;

  private Bot(BotServer server, App app, SocketModeApp socket, Optional<Delivery> owned) {
    this.server = server;
    this.app = app;
    this.socket = socket;
    this.owned = owned;
  }

  /** The bot alone, with its own outbox (no announcements). */
  public static Bot start(Config config, String host, Supplier<PolicyService> policy)
      throws Exception {
    Optional<Delivery> delivery =
        config.slackMode() == Config.SlackMode.OFF
            ? Optional.empty()
            : Delivery.open(config, settings(config), Clock.systemUTC());
    try {
      Bot bot = start(config, host, policy, Optional.empty(), delivery);
      return new Bot(bot.server, bot.app, bot.socket, delivery);
    } catch (Exception | Error e) {
      delivery.ifPresent(Delivery::close);
      throw e;
    }
  }

  static AnnouncementSettings settings(Config config) {
    return AnnouncementSettingsLoader.load(config.announceConfig(), config.announceChannels());
  }

  /**
   * @param announcements the running scheduler, for {@code /kommander-support announcements}
   * @param delivery the outbox and handled clicks, owned by the caller; empty when Slack is off
   */
  static Bot start(
      Config config,
      String host,
      Supplier<PolicyService> policy,
      Optional<AnnouncementScheduler> announcements,
      Optional<Delivery> delivery)
      throws Exception {
    SlackAnswers answers = new SlackAnswers(policy, config.publicUrl());
    AnnouncementSettings announcing = settings(config); // read once: the API and Slack use it
    Supplier<SlackMessage> schedule = () -> ScheduleMessage.render(announcements);
    AtomicBoolean ready = new AtomicBoolean();
    Map<String, HttpServlet> servlets = new LinkedHashMap<>();
    servlets.put("/healthz", new HealthServlet(ready::get));
    servlets.put("/metrics", new MetricsServlet(BotMetrics.registry(), policy));
    servlets.put("/ask", new AskServlet(policy));
    servlets.putAll(SupportSite.servlets(policy));
    servlets.put("/api/v1/*", new ApiServlet(policy, announcing, config.publicUrl()));

    App app = null;
    SocketModeApp socket = null;
    if (config.slackMode() != Config.SlackMode.OFF) {
      Delivery d = delivery.orElseThrow();
      SubscriptionCommand subscriptions =
          new SubscriptionCommand(
              new ChannelLines(answers),
              d.subscriptions(),
              d.outbox(),
              announcing.enabled() ? Set.copyOf(announcing.channels()) : Set.of(),
              lines -> announcements.flatMap(s -> s.nextFor(lines)).map(ScheduleMessage::summary),
              Clock.systemUTC());
      app =
          SlackApp.create(
              new SlackApp.Parts(
                  config.botToken().orElseThrow(),
                  config.slackApiUrl(),
                  answers,
                  schedule,
                  d.outbox(),
                  d.once(),
                  subscriptions,
                  config.publicUrl()));
    }
    switch (config.slackMode()) {
      case HTTP ->
          servlets.put(
              "/slack/events",
              new SlackEventsServlet(
                  new BoltServlet(app), config.signingSecret().orElseThrow(), Clock.systemUTC()));
      case SOCKET -> socket = new SocketModeApp(config.appToken().orElseThrow(), app);
      case OFF -> {
        servlets.put("/slack/events", new SlackOffServlet(config.slackOffReason()));
        log.warn(
            "{}. Serving the support page, the API, /ask, /healthz, /readyz and /metrics.",
            config.slackOffReason());
      }
    }
    if (app != null) {
      app.start(); // calls auth.test: a wrong token or an unreachable Slack stops here
    }
    SocketModeApp session = socket;
    Map<String, Supplier<Optional<String>>> checks = new LinkedHashMap<>();
    checks.put(
        "catalog",
        () -> policy.get() == null ? Optional.of("not loaded") : Optional.<String>empty());
    checks.put(
        "slack",
        () ->
            session != null && session.isClientStopped()
                ? Optional.of("the Socket Mode session is not open")
                : Optional.<String>empty());
    config
        .ledgerDatabaseUrl()
        .ifPresent(url -> checks.put("database", () -> Database.problem(url)));
    delivery.ifPresent(d -> checks.put("outbox", d::ledgerProblem));
    servlets.put("/readyz", new ReadinessServlet(checks));
    BotServer server = new BotServer(host, config.port(), servlets).start();
    if (socket != null) {
      socket.startAsync();
    }
    ready.set(true);
    delivery.ifPresent(Delivery::openLedger); // now that the first requests can be served
    log.info(
        "kommander-support-bot listening on port {} (Slack: {})",
        server.port(),
        config.slackMode());
    return new Bot(server, app, socket, Optional.empty());
  }

  public int port() {
    return server.port();
  }

  public void join() throws InterruptedException {
    server.join();
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (Exception e) {
        log.warn("Socket Mode did not close cleanly: {}", e.getMessage());
      }
    }
    server.close();
    if (app != null) {
      app.stop();
    }
    owned.ifPresent(Delivery::close); // lets replies in flight finish
  }
}
