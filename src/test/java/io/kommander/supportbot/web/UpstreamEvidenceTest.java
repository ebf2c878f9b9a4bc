package io.kommander.supportbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kommander.supportbot.Bot;
import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.catalog.LiveCatalog;
import io.kommander.supportbot.slack.SlackAnswers;
import io.kommander.supportbot.testing.ManualClock;
import io.kommander.supportbot.testing.TestConfigs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a successful look at upstream changes outside the answers' facts: the page and the API say
 * when upstream was last checked, the stale warning goes, and cached answers and ETags follow.
 */
class UpstreamEvidenceTest {
  // The April catalog on 2026-11-25: reviewed 209 days ago, stale unless upstream vouches.
  private final ManualClock clock = new ManualClock("2026-11-25T12:00:00Z");
  private final LiveCatalog live = new LiveCatalog(TestCatalogs.april(), clock);
  private final HttpClient http = HttpClient.newHttpClient();
  private Bot bot;

  @BeforeEach
  void start() throws Exception {
    bot = Bot.start(TestConfigs.withoutSlack(), "127.0.0.1", live);
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private void upstreamCheckedAt(String instant) {
    live.upstream(List.of(), Optional.of(Instant.parse(instant)));
  }

  @Test
  void thePageSaysWhenUpstreamWasCheckedAndALookEndsTheStaleBanner() throws Exception {
    HttpResponse<String> before = get("/");
    assertThat(before.body())
        .contains("id=\"stale\"")
        .contains("Release data reviewed 2026-04-30 (209 days ago)")
        .contains("Upstream release tags not checked yet.");

    upstreamCheckedAt("2026-11-25T11:40:00Z");
    HttpResponse<String> after = get("/");
    assertThat(after.body())
        .doesNotContain("id=\"stale\"")
        .contains("Upstream release tags last checked 2026-11-25 11:40 UTC: nothing unreviewed.");
    assertThat(after.headers().firstValue("ETag"))
        .isNotEqualTo(before.headers().firstValue("ETag"));
  }

  @Test
  void theApiReportsTheLastCheckAndItsETagChangesWithIt() throws Exception {
    HttpResponse<String> before = get("/api/v1/matrix");
    JsonNode freshness = new ObjectMapper().readTree(before.body()).get("freshness");
    assertThat(freshness.get("mayBeStale").asBoolean()).isTrue();
    assertThat(freshness.has("upstreamLastChecked")).as("absent: never checked").isFalse();

    upstreamCheckedAt("2026-11-25T11:40:00Z");
    HttpResponse<String> after = get("/api/v1/matrix");
    freshness = new ObjectMapper().readTree(after.body()).get("freshness");
    assertThat(freshness.get("mayBeStale").asBoolean()).isFalse();
    assertThat(freshness.get("upstreamLastChecked").asText()).isEqualTo("2026-11-25T11:40:00Z");
    assertThat(freshness.get("unreviewedReleases").asInt()).isZero();
    assertThat(after.headers().firstValue("ETag"))
        .isNotEqualTo(before.headers().firstValue("ETag"));
  }

  @Test
  void aCachedSlackAnswerDropsItsStaleLineOnceUpstreamVouches() {
    SlackAnswers answers = new SlackAnswers(live);
    assertThat(answers.commandReply("nkp 2.16")).contains("Release data last reviewed 2026-04-30");
    upstreamCheckedAt("2026-11-25T11:40:00Z");
    assertThat(answers.commandReply("nkp 2.16")).doesNotContain("Release data last reviewed");
  }
}
