package io.kommander.supportbot;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Logback is set up by {@link LogSetup} (found through META-INF/services), not by XML. */
class LogSetupTest {
  @Test
  void oneAppenderAtInfoAndTheQuietedLoggersAreSetInCode() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getLevel()).isEqualTo(Level.INFO);
    assertThat(root.getAppender("text")).isNotNull();
    assertThat(context.getLogger("org.eclipse.jetty.util.HostPort").getLevel())
        .isEqualTo(Level.ERROR);
    assertThat(context.getLogger("com.slack.api.bolt.util.SlackRequestParser").getLevel())
        .isEqualTo(Level.ERROR);
    assertThat(context.getLogger("com.zaxxer.hikari").getLevel()).isEqualTo(Level.WARN);
  }
}
