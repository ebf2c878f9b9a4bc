package io.kommander.supportbot;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import io.kommander.supportbot.http.SlackGate;
import io.kommander.supportbot.slack.BoltServlet;
import io.kommander.supportbot.slack.SlackApp;
import io.kommander.supportbot.slack.SlackConnection;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack half of the bot, started once Slack has answered ({@link SlackConnection}): Bolt behind
 * {@code /slack/events} (HTTP mode, through the gate) or a Socket Mode session.
 */
final class SlackSide implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SlackSide.class);

  private final Config config;
  private final SlackApp.Parts parts;
  private final SlackConnection connection;
  private final SlackGate gate;
  private volatile App app;
  private volatile SocketModeApp socket;

  /**
   * @param gate where Bolt goes in HTTP mode (unused in Socket Mode)
   */
  SlackSide(Config config, SlackApp.Parts parts, SlackConnection connection, SlackGate gate) {
    this.config = config;
    this.parts = parts;
    this.connection = connection;
    this.gate = gate;
  }

  /**
   * Connects now if Slack answered at start, else once it does.
   *
   * @param refused told why when Slack later refuses the token
   */
  void start(Consumer<String> refused) {
    connection.whenAnswered(this::connect, refused);
  }

  private synchronized void connect() {
    if (app != null) {
      return;
    }
    App started = SlackApp.create(parts).start(); // Bolt asks auth.test again here
    if (config.slackMode() == Config.SlackMode.SOCKET) {
      try {
        SocketModeApp session = new SocketModeApp(config.appToken().orElseThrow(), started);
        session.startAsync();
        socket = session;
      } catch (Exception e) {
        started.stop();
        throw new IllegalStateException("Socket Mode did not start: " + e.getMessage(), e);
      }
    } else {
      gate.open(new BoltServlet(started));
    }
    app = started;
  }

  /** Empty when Slack is connected; else why not, for readiness. */
  Optional<String> problem() {
    SocketModeApp session = socket;
    return connection
        .problem()
        .or(
            () ->
                session != null && session.isClientStopped()
                    ? Optional.of("the Socket Mode session is not open")
                    : Optional.empty());
  }

  /** No more connecting, and no more Socket Mode requests; HTTP ones in flight may finish. */
  synchronized void stopReceiving() {
    connection.close();
    SocketModeApp session = socket;
    socket = null;
    if (session != null) {
      try {
        session.close();
      } catch (Exception e) {
        log.warn("Socket Mode did not close cleanly: {}", e.getMessage());
      }
    }
  }

  /** After the server has stopped: Bolt's own threads. */
  @Override
  public synchronized void close() {
    stopReceiving();
    if (app != null) {
      app.stop();
    }
  }
}
