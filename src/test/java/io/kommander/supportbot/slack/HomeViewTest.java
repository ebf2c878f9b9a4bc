package io.kommander.supportbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.slack.api.util.json.GsonFactory;
import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.policy.PolicyService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The App Home: the timeline picture where Slack can fetch it, and no broken image otherwise. */
class HomeViewTest {
  static final PolicyService POLICY =
      new PolicyService(
          TestCatalogs.shipped(),
          Clock.fixed(Instant.parse("2026-11-30T09:00:00Z"), ZoneOffset.UTC));

  static JsonArray blocks(Optional<String> pageUrl) {
    String json =
        GsonFactory.createSnakeCase()
            .toJson(new HomeView(new SlackAnswers(() -> POLICY, pageUrl)).view().getBlocks());
    return JsonParser.parseString(json).getAsJsonArray();
  }

  @Test
  void theHomeTabShowsTheTimelineOnlyWithAPublicUrl() {
    JsonArray with = blocks(Optional.of("https://support.example.com"));
    JsonElement image = null;
    for (JsonElement b : with) {
      if (b.getAsJsonObject().get("type").getAsString().equals("image")) {
        image = b;
      }
    }
    assertThat(image).isNotNull();
    assertThat(image.getAsJsonObject().get("image_url").getAsString())
        .isEqualTo("https://support.example.com/timeline.png?asOf=2026-11-30");
    assertThat(image.getAsJsonObject().get("alt_text").getAsString())
        .contains("NKP 2.18 supported", "NKP 2.19 may have shipped, not confirmed");
    assertThat(blocks(Optional.empty()).toString()).doesNotContain("timeline.png");
  }
}
