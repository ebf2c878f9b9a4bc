package io.kommander.supportbot.testing;

import io.kommander.supportbot.Config;
import io.kommander.supportbot.TestCatalogs;
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
}
