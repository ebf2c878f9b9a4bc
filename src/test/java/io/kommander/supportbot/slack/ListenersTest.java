package io.kommander.supportbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.events.payload.AppMentionPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppMentionEvent;
import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.delivery.FileLedger;
import io.kommander.supportbot.delivery.Outbox;
import io.kommander.supportbot.delivery.SlackPoster;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.slack.blocks.SlackMessage;
import io.kommander.supportbot.slack.listeners.MentionListener;
import io.kommander.supportbot.slack.listeners.SupportCommand;
import io.kommander.supportbot.testing.SlackMock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The listeners called directly, as Bolt calls them (Slack's Web API is the mock over HTTP). */
class ListenersTest {
  static final ObjectMapper JSON = new ObjectMapper();
  final SlackAnswers answers =
      new SlackAnswers(
          () ->
              new PolicyService(
                  TestCatalogs.april(),
                  Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC)));
  SlackMock slack;
  @TempDir Path dir;

  @BeforeEach
  void start() {
    slack = SlackMock.start();
  }

  @AfterEach
  void stop() {
    slack.close();
  }

  static SlashCommandRequest command(String text) {
    return new SlashCommandRequest(
        SlackRequests.slashCommand(text, "http://127.0.0.1:1/response"),
        new RequestHeaders(Map.of()));
  }

  @Test
  void theCommandAnswersInTheAckEphemeralWithAShareButton() throws Exception {
    SupportCommand command =
        new SupportCommand(answers, () -> new SlackMessage("schedule", List.of(), true), null);
    SlashCommandRequest req = command("dkp 2.4");
    Response r = command.apply(req, req.getContext());
    assertThat(r.getStatusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(r.getBody());
    assertThat(body.get("response_type").asText()).isEqualTo("ephemeral");
    assertThat(body.get("text").asText()).contains("DKP 2.4: expired");
    assertThat(body.toString()).contains("share_in_channel");
    SlashCommandRequest schedule = command(" Announcements ");
    assertThat(
            JSON.readTree(command.apply(schedule, schedule.getContext()).getBody())
                .get("text")
                .asText())
        .isEqualTo("schedule");
  }

  static EventContext context(SlackMock slack) {
    EventContext ctx = EventContext.builder().build();
    ctx.setSlack(SlackClients.forApi(slack.apiUrl()));
    ctx.setBotToken("xoxb-listener-test");
    return ctx;
  }

  static AppMentionPayload mention(String eventId, String text, String botId) {
    AppMentionEvent event = new AppMentionEvent();
    event.setText(text);
    event.setChannel("C0001");
    event.setTs("1700000000.000100");
    event.setUser(botId == null ? "U0001" : null);
    event.setBotId(botId);
    AppMentionPayload payload = new AppMentionPayload();
    payload.setEventId(eventId);
    payload.setEvent(event);
    return payload;
  }

  /** An outbox on {@code ledger} posting to the mock Slack, once, without retries. */
  Outbox outbox(FileLedger ledger) {
    return new Outbox(
        ledger,
        new SlackPoster(
            SlackClients.forApi(slack.apiUrl()),
            "xoxb-listener-test",
            1,
            Duration.ZERO,
            Duration.ZERO),
        Clock.systemUTC(),
        Duration.ofMinutes(3),
        2);
  }

  @Test
  void aMentionIsAnsweredInItsThreadOnceAndBotsAreIgnored() throws Exception {
    Outbox outbox = outbox(new FileLedger(dir.resolve("outbox.jsonl")));
    MentionListener listener = new MentionListener(answers, outbox);
    assertThat(
            listener
                .apply(mention("Ev1", "<@UBOT> nkp 2.15", null), context(slack))
                .getStatusCode())
        .isEqualTo(200);
    assertThat(
            listener
                .apply(mention("Ev1", "<@UBOT> nkp 2.15", null), context(slack))
                .getStatusCode())
        .isEqualTo(200); // Slack's redelivery: acked, not answered again
    listener.apply(mention("Ev2", "<@UBOT> 1.4", "B0002"), context(slack));
    outbox.close(); // waits for the replies in flight
    var posts = slack.calls("/api/chat.postMessage");
    assertThat(posts).hasSize(1);
    Map<String, String> form = SlackMock.form(posts.get(0).getBodyAsString());
    assertThat(form)
        .containsEntry("channel", "C0001")
        .containsEntry("thread_ts", "1700000000.000100");
    assertThat(form.get("text")).contains("NKP 2.15: supported");
  }

  @Test
  void aMentionIsRecordedAsAskedAndReadOnlyWhenItsReplyIsPosted() throws Exception {
    FileLedger ledger = new FileLedger(dir.resolve("questions.jsonl"));
    Outbox outbox = outbox(ledger);
    MentionListener listener = new MentionListener(answers, outbox);
    String asked = "<@UBOT> subscribe nkp 2.16";
    assertThat(listener.apply(mention("Ev3", asked, null), context(slack)).getStatusCode())
        .isEqualTo(200);
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !slack.calls("/api/chat.postMessage").isEmpty());
    // The journal's first line is the record the ack waited for: the question as asked, nothing
    // read from it yet; the words posted are its answerer's (channels subscribe by the command).
    String first = java.nio.file.Files.readAllLines(dir.resolve("questions.jsonl")).get(0);
    JsonNode record = JSON.readTree(first).get("post");
    assertThat(record.get("question").asText()).isEqualTo(asked);
    assertThat(record.get("answerer").asText()).isEqualTo(MentionListener.ANSWERER);
    assertThat(record.has("text")).isFalse();
    outbox.close();
    Map<String, String> form =
        SlackMock.form(slack.calls("/api/chat.postMessage").get(0).getBodyAsString());
    assertThat(form.get("text")).isEqualTo(MentionListener.USE_THE_COMMAND);
  }
}
