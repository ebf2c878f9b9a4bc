package io.kommander.supportbot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

import io.kommander.supportbot.Bot;
import io.kommander.supportbot.Config;
import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.testing.SlackMock;
import io.kommander.supportbot.testing.TestConfigs;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The bot in HTTP mode on a free port, with a fresh WireMock as Slack's Web API, and a client that
 * signs requests as Slack does; started once per test class ({@code @RegisterExtension}), with
 * Slack's recorded requests cleared before each test.
 */
final class SignedBot implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
  /** The April catalog on a fixed day, so expected facts do not move. */
  static final PolicyService APRIL =
      new PolicyService(
          TestCatalogs.april(), Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC));

  private final String secret;
  private final Consumer<SlackMock> stubs;
  private final UnaryOperator<Config> config;
  SlackMock slack;
  Bot bot;
  SlackRequests requests;

  /**
   * @param stubs more of Slack's answers, set up before the bot starts
   * @param config changes to the HTTP-mode settings (e.g. a public URL)
   */
  SignedBot(String secret, Consumer<SlackMock> stubs, UnaryOperator<Config> config) {
    this.secret = secret;
    this.stubs = stubs;
    this.config = config;
  }

  /** Slack refusing posts to {@code channel} as it does where the bot was never invited. */
  static Consumer<SlackMock> notInChannel(String channel) {
    return s ->
        s.server()
            .stubFor(
                post("/api/chat.postMessage")
                    .atPriority(1)
                    .withRequestBody(containing("channel=" + channel))
                    .willReturn(okJson("{\"ok\":false,\"error\":\"not_in_channel\"}")));
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    slack = SlackMock.start();
    stubs.accept(slack);
    bot =
        Bot.start(
            config.apply(TestConfigs.http(slack.apiUrl(), "xoxb-signed-bot", secret)),
            "127.0.0.1",
            () -> APRIL);
    requests = new SlackRequests("http://127.0.0.1:" + bot.port(), secret);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    slack.server().resetRequests();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    bot.close();
    slack.close();
  }
}
