package io.kommander.supportbot.testing;

import io.kommander.supportbot.Config;
import io.kommander.supportbot.TestCatalogs;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Settings for a bot under test, by what it talks to. */
public final class TestConfigs {
  private TestConfigs() {}

  /** HTTP mode against a mock Web API, on a free port. */
  public static Config http(String apiUrl, String botToken, String signingSecret) {
    return Config.of(
        0,
        TestCatalogs.APRIL,
        Optional.of(botToken),
        Optional.of(signingSecret),
        Optional.empty(),
        apiUrl);
  }

  /** No Slack at all: the local server only. */
  public static Config withoutSlack() {
    return Config.of(
        0,
        TestCatalogs.APRIL,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        "http://127.0.0.1:1/api/");
  }

  /**
   * The environment of a replica in HTTP mode on a shared database, against a mock Web API, on a
   * free port: a map the caller may add to before {@code Config.fromEnv}.
   */
  public static Map<String, String> replicaEnv(
      String apiUrl, String botToken, String signingSecret, String databaseUrl) {
    Map<String, String> env = new HashMap<>();
    env.put("PORT", "0");
    env.put("SLACK_BOT_TOKEN", botToken);
    env.put("SLACK_SIGNING_SECRET", signingSecret);
    env.put("SLACK_API_URL", apiUrl);
    env.put("LEDGER_DATABASE_URL", databaseUrl);
    return env;
  }
}
