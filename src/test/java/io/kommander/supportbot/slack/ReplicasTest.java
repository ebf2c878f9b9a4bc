package io.kommander.supportbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kommander.supportbot.Bot;
import io.kommander.supportbot.Config;
import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.testing.EmbeddedDatabase;
import io.kommander.supportbot.testing.SlackMock;
import io.kommander.supportbot.testing.TestConfigs;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two replicas behind one load balancer share a PostgreSQL database: Slack's redelivery of an event
 * can land on the other replica, and must still be answered once; so must a share click.
 */
class ReplicasTest {
  static final String SECRET = "replicas-signing-secret-5e6f";
  @RegisterExtension static final EmbeddedDatabase postgres = new EmbeddedDatabase();
  static SlackMock slack;
  static Bot one;
  static Bot two;

  @BeforeAll
  static void start() throws Exception {
    slack = SlackMock.start();
    Config config =
        Config.fromEnv(
            TestConfigs.replicaEnv(slack.apiUrl(), "xoxb-replicas", SECRET, postgres.jdbcUrl()));
    PolicyService policy = new PolicyService(TestCatalogs.april(), Clock.systemUTC());
    one = Bot.start(config, "127.0.0.1", () -> policy);
    two = Bot.start(config, "127.0.0.1", () -> policy);
  }

  @AfterAll
  static void stop() throws Exception {
    one.close();
    two.close();
    slack.close();
  }

  static SlackRequests to(Bot bot) {
    return new SlackRequests("http://127.0.0.1:" + bot.port(), SECRET);
  }

  @Test
  void bothReplicasAreReadyWhileTheSharedDatabaseAnswers() throws Exception {
    for (Bot bot : new Bot[] {one, two}) {
      // The database is checked in the background: "not checked yet" until the first answer.
      var ready =
          await()
              .atMost(Duration.ofSeconds(10))
              .until(() -> to(bot).get("/readyz"), r -> !r.body().contains("not checked yet"));
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(ready.body()).isEqualTo("ready\n");
    }
  }

  @Test
  void theSameEventDeliveredToBothReplicasIsAnsweredOnce() throws Exception {
    String event = SlackRequests.mention("Ev-replicas-1", "<@UBOT> nkp 2.16", null);
    assertThat(to(one).post("/slack/events", event, "application/json").statusCode())
        .isEqualTo(200);
    assertThat(to(two).post("/slack/events", event, "application/json").statusCode())
        .isEqualTo(200);
    assertThat(slack.awaitCalls("/api/chat.postMessage", 1)).hasSize(1);
  }

  @Test
  void aShareClickDeliveredToBothReplicasSharesOnce() throws Exception {
    String click = SlackRequests.shareClick(slack.responseUrl(), "nkp 2.15");
    String form = "application/x-www-form-urlencoded";
    assertThat(to(one).post("/slack/events", click, form).statusCode()).isEqualTo(200);
    assertThat(to(two).post("/slack/events", click, form).statusCode()).isEqualTo(200);
    assertThat(slack.calls("/response")).hasSize(1);
  }
}
