package io.kommander.supportbot;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import java.util.Map;
import net.logstash.logback.encoder.LogstashEncoder;

/**
 * The one logging setup (found by Logback through {@code META-INF/services}), in code rather than
 * {@code logback.xml}: reading XML cost start-up some 150 ms of parser classes. Standard error, one
 * text line per event, or one JSON object per line with {@code LOG_FORMAT=json} (request and event
 * ids from the MDC) for cluster log pipelines.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
  static final String TEXT_PATTERN =
      "%d{HH:mm:ss.SSS} [%thread] %-5level %logger{36}%replace( [%mdc]){' \\[\\]', ''} - %msg%n";

  /** Loggers whose level is not the root's, and why. */
  static final Map<String, Level> LEVELS =
      Map.of(
          // Bolt logs the whole body of a request it cannot classify at WARN (up to 256 KiB, from
          // anyone who can sign); SlackEventsServlet logs one truncated line for those instead.
          "com.slack.api.bolt.util.SlackRequestParser", Level.ERROR,
          // Jetty 12 logs every unparseable authority ("CONNECT /path") at WARN before its 400:
          // anyone could fill the log. The 400 is the answer; nothing to act on.
          "org.eclipse.jetty.util.HostPort", Level.ERROR,
          // The pool's start-up chatter at INFO is enough once.
          "com.zaxxer.hikari", Level.WARN,
          // Flyway describes its environment at INFO on every start; which migrations ran is kept.
          "org.flywaydb", Level.WARN,
          "org.flywaydb.core.internal.command.DbMigrate", Level.INFO);

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    // Logback's own status lines are not log events (and not JSON): keep them off the output.
    context.getStatusManager().add(new NopStatusListener());
    String format = System.getProperty("LOG_FORMAT", System.getenv("LOG_FORMAT"));
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(context);
    appender.setName("json".equals(format) ? "json" : "text");
    appender.setTarget("System.err");
    appender.setEncoder("json".equals(format) ? json(context) : text(context));
    appender.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(appender);
    LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  private static Encoder<ILoggingEvent> text(LoggerContext context) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(TEXT_PATTERN);
    encoder.start();
    return encoder;
  }

  private static Encoder<ILoggingEvent> json(LoggerContext context) {
    LogstashEncoder encoder = new LogstashEncoder();
    encoder.setContext(context);
    encoder.setIncludeCallerData(false);
    encoder.start();
    return encoder;
  }
}
