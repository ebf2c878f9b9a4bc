package io.kommander.supportbot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kommander.supportbot.policy.Minor;
import io.kommander.supportbot.policy.Product;
import io.kommander.supportbot.policy.ReleaseLine;
import io.kommander.supportbot.testing.SlackMock;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /kommander-support subscribe | unsubscribe | subscriptions} over real HTTP: Slack's signed
 * slash command in; the channel's one-line notice ({@code chat.postMessage}) and the person's
 * ephemeral answer ({@code response_url}) out, on WireMock.
 */
class SubscriptionCommandTest {
  static final String SECRET = "subscription-secret-0123456789abcd";
  static final ObjectMapper JSON = new ObjectMapper();
  static final AtomicInteger TRIGGERS = new AtomicInteger();

  @RegisterExtension
  static final SignedBot it = new SignedBot(SECRET, SignedBot.notInChannel("CNOTIN"), c -> c);

  private static HttpResponse<String> command(String channel, String user, String text)
      throws Exception {
    return it.requests.post(
        "/slack/events",
        SlackRequests.slashCommand(
            text, it.slack.responseUrl(), channel, user, "trigger." + TRIGGERS.incrementAndGet()),
        "application/x-www-form-urlencoded");
  }

  /** The ephemeral text of an ack that answered at once. */
  private static String answeredAtOnce(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).isEqualTo(200);
    var body = JSON.readTree(r.body());
    assertThat(body.get("response_type").asText()).isEqualTo("ephemeral");
    return body.get("text").asText();
  }

  /** The follow-up the person got through response_url. */
  private static String followUp() throws Exception {
    var body = JSON.readTree(it.slack.awaitCalls("/response", 1).get(0).getBodyAsString());
    assertThat(body.get("response_type").asText()).isEqualTo("ephemeral");
    return body.get("text").asText();
  }

  private static String label(String kommanderMinor) {
    return SignedBot.APRIL
        .catalog()
        .line(Product.KOMMANDER, Minor.parse(kommanderMinor))
        .map(ReleaseLine::label)
        .orElseThrow();
  }

  @Test
  void aChannelSubscribesToALineSeesItListedAndUnsubscribes() throws Exception {
    assertThat(answeredAtOnce(command("CSUBS1", "U0ALICE", "subscriptions")))
        .startsWith("This channel gets no end-of-support announcements.");

    HttpResponse<String> r = command("CSUBS1", "U0ALICE", "subscribe nkp 2.16");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEmpty(); // acked at once; the person hears after the notice was posted
    Map<String, String> notice =
        SlackMock.form(it.slack.awaitCalls("/api/chat.postMessage", 1).get(0).getBodyAsString());
    assertThat(notice.get("channel")).isEqualTo("CSUBS1");
    assertThat(notice.get("text"))
        .isEqualTo(
            ":mega: <@U0ALICE> subscribed this channel to end-of-support announcements for "
                + label("2.16")
                + ".");
    assertThat(followUp()).startsWith("Subscribed this channel: " + label("2.16") + ".");

    it.slack.server().resetRequests();
    assertThat(answeredAtOnce(command("CSUBS1", "U0BOB", "subscriptions")))
        .contains("• " + label("2.16") + ": subscribed by <@U0ALICE> on ");
    assertThat(answeredAtOnce(command("CSUBS1", "U0BOB", "subscribe NKP 2.16")))
        .isEqualTo("This channel already gets announcements for " + label("2.16") + ".");
    it.slack.awaitNoCalls("/api/chat.postMessage"); // nothing changed, nothing announced

    // Anyone in the channel may change it, under any of the line's names.
    command("CSUBS1", "U0BOB", "unsubscribe kommander 2.16");
    assertThat(
            SlackMock.form(it.slack.awaitCalls("/api/chat.postMessage", 1).get(0).getBodyAsString())
                .get("text"))
        .isEqualTo(
            ":mega: <@U0BOB> unsubscribed this channel from end-of-support announcements for "
                + label("2.16")
                + ".");
    assertThat(answeredAtOnce(command("CSUBS1", "U0BOB", "subscriptions")))
        .startsWith("This channel gets no end-of-support announcements.");
  }

  @Test
  void everyLineIsOneSubscriptionThatLinesCannotBeTakenOutOf() throws Exception {
    command("CSUBS2", "U0ALICE", "subscribe");
    assertThat(followUp()).startsWith("Subscribed this channel: every line.");
    assertThat(answeredAtOnce(command("CSUBS2", "U0ALICE", "subscribe nkp 2.17")))
        .isEqualTo("This channel already gets every line's announcements.");
    assertThat(answeredAtOnce(command("CSUBS2", "U0ALICE", "unsubscribe nkp 2.17")))
        .contains("`/kommander-support unsubscribe` stops them all");
    it.slack.server().resetRequests();
    command("CSUBS2", "U0ALICE", "unsubscribe");
    assertThat(followUp()).startsWith("Unsubscribed this channel: every line.");
  }

  @Test
  void aChannelTheBotIsNotInIsNotSubscribedAndThePersonIsToldHowToInviteIt() throws Exception {
    command("CNOTIN", "U0ALICE", "subscribe nkp 2.17");
    assertThat(followUp())
        .isEqualTo(io.kommander.supportbot.slack.listeners.SubscriptionCommand.NOT_IN_CHANNEL);
    assertThat(answeredAtOnce(command("CNOTIN", "U0ALICE", "subscriptions")))
        .startsWith("This channel gets no end-of-support announcements.");
  }

  @Test
  void linesThatCannotBeSubscribedToAreRefusedWithTheReason() throws Exception {
    assertThat(answeredAtOnce(command("CSUBS3", "U0ALICE", "subscribe nkp 2.40")))
        .startsWith("NKP 2.40 is not a line I know.");
    assertThat(answeredAtOnce(command("CSUBS3", "U0ALICE", "subscribe dkp 2.6")))
        .isEqualTo(
            label("2.6") + "'s support has ended: there is nothing more to announce for it.");
    assertThat(answeredAtOnce(command("CSUBS3", "U0ALICE", "subscribe lunch please")))
        .startsWith("I found no line in \"lunch please\".");
    assertThat(answeredAtOnce(command("CSUBS3", "U0ALICE", "subscribe " + "9".repeat(5_000))))
        .contains("Name lines like `nkp 2.16`");
    it.slack.awaitNoCalls("/api/chat.postMessage");
    assertThat(answeredAtOnce(command("CSUBS3", "U0ALICE", "subscriptions")))
        .startsWith("This channel gets no end-of-support announcements.");
  }

  @Test
  void appHomeListsThePersonsChannelsThatGetAnnouncements() throws Exception {
    command("CHOME1", "U0HOME", "subscribe nkp 2.17");
    followUp();
    // users.conversations as Slack answers it: the person's channels, over two pages.
    it.slack
        .server()
        .stubFor(
            post("/api/users.conversations")
                .withRequestBody(containing("cursor=page2"))
                .atPriority(1)
                .willReturn(
                    okJson(
                        "{\"ok\":true,\"channels\":[{\"id\":\"CHOME1\",\"name\":\"nkp-team\"}],"
                            + "\"response_metadata\":{\"next_cursor\":\"\"}}")));
    it.slack
        .server()
        .stubFor(
            post("/api/users.conversations")
                .atPriority(2)
                .willReturn(
                    okJson(
                        "{\"ok\":true,\"channels\":[{\"id\":\"CQUIET\",\"name\":\"random\"}],"
                            + "\"response_metadata\":{\"next_cursor\":\"page2\"}}")));
    it.slack.server().resetRequests();
    String opened =
        "{\"token\":\"legacy\",\"team_id\":\"T0001\",\"api_app_id\":\"A0001\","
            + "\"type\":\"event_callback\",\"event_id\":\"Ev-home-subs\",\"event_time\":1700000000,"
            + "\"event\":{\"type\":\"app_home_opened\",\"user\":\"U0HOME\",\"channel\":\"D0001\","
            + "\"tab\":\"home\",\"event_ts\":\"1700000000.1\"}}";
    assertThat(it.requests.post("/slack/events", opened, "application/json").statusCode())
        .isEqualTo(200);
    assertThat(it.slack.calls("/api/users.conversations")).hasSize(2);
    Map<String, String> published =
        SlackMock.form(it.slack.awaitCalls("/api/views.publish", 1).get(0).getBodyAsString());
    assertThat(SlackMock.form(it.slack.calls("/api/users.conversations").get(0).getBodyAsString()))
        .containsEntry("user", "U0HOME")
        .containsEntry("exclude_archived", "1");
    // Parsed: Slack's SDK writes ' and < as JSON escapes.
    assertThat(JSON.readTree(published.get("view")).findValues("text").toString())
        .contains("Your channels' announcements")
        .contains("<#CHOME1>: " + label("2.17"))
        .doesNotContain("CQUIET");
  }

  @Test
  void garbageAfterTheVerbIsAnsweredNeverAFailure() throws Exception {
    java.util.Random random = new java.util.Random(24);
    String alphabet =
        "nkp dkp kommander konvoy 2.16 1.4 ,;:-_*`~<>&%\u00e9\u2603\ud83d\ude00\t\n0123456789.";
    for (int i = 0; i < 150; i++) {
      StringBuilder text = new StringBuilder(i % 3 == 0 ? "unsubscribe " : "subscribe ");
      int length = random.nextInt(i % 10 == 0 ? 3_000 : 40);
      for (int c = 0; c < length; c++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      HttpResponse<String> r = command("CFUZZ" + (i % 5), "U0FUZZ", text.toString());
      assertThat(r.statusCode()).as("%s", text).isEqualTo(200);
      if (!r.body().isEmpty()) {
        assertThat(JSON.readTree(r.body()).get("text").asText()).as("%s", text).isNotBlank();
      }
    }
  }

  @Test
  void aMentionAskingToSubscribeIsPointedToTheCommandNotAnsweredAsAVersion() throws Exception {
    String event = SlackRequests.mention("Ev-sub-mention", "<@UBOT> subscribe nkp 2.16", null);
    assertThat(it.requests.post("/slack/events", event, "application/json").statusCode())
        .isEqualTo(200);
    Map<String, String> reply =
        SlackMock.form(it.slack.awaitCalls("/api/chat.postMessage", 1).get(0).getBodyAsString());
    assertThat(reply.get("text"))
        .isEqualTo(io.kommander.supportbot.slack.listeners.MentionListener.USE_THE_COMMAND);
    assertThat(reply.get("thread_ts")).isEqualTo(SlackRequests.tsOf("Ev-sub-mention"));
    assertThat(answeredAtOnce(command("C0001", "U0001", "subscriptions")))
        .startsWith("This channel gets no end-of-support announcements."); // nothing changed
  }

  @Test
  void severalLinesInOneCommandAreAnnouncedTogether() throws Exception {
    command("CSUBS4", "U0ALICE", "subscribe nkp 2.16, nkp 2.17 and nkp 2.16.1");
    assertThat(
            SlackMock.form(it.slack.awaitCalls("/api/chat.postMessage", 1).get(0).getBodyAsString())
                .get("text"))
        .endsWith("for " + label("2.16") + " and " + label("2.17") + ".");
  }
}
