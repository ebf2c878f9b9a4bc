package io.kommander.supportbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.util.json.GsonFactory;
import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.policy.Catalog;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.query.QueryParser;
import io.kommander.supportbot.slack.blocks.BlockKitRenderer;
import io.kommander.supportbot.slack.blocks.SlackLimits;
import io.kommander.supportbot.slack.blocks.SlackMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The largest replies stay within Slack's Block Kit limits, checked on the JSON Slack receives. */
class BlockKitLimitsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Catalog hugeCatalog() {
    return TestCatalogs.forty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "matrix",
        "1.0 1.1 1.2 1.3 1.4 1.5 1.6 1.7 1.8 1.9 2.0 2.1 2.2",
        "kubernetes 1.20 k8s 1.21 1.22 1.23 1.24 1.25 1.26 1.27 1.28 1.29",
        "stable-1.20-1.0.0 stable-1.21-1.0.0 stable-1.22-1.0.0 nkp 1.0 on kubernetes 1.29",
        "1.0 on konvoy 2.0, 1.1 on 2.1, 1.2 on 2.2, 1.3 on 2.3, 1.4 on 2.4, 1.5 on 2.5, 1.6 on 2.6, 1.7 on 2.7, 1.8 on 2.8, 1.9 on 2.9",
        "experimental secondary matrix help",
        "1.4.2.1 -1.4 99999999999.1 2.x 1.4rc1 abc 1.1000 2021-02-30 1.9.9.9.9 -2.0 3.x 7.7rc"
      })
  void theLargestRepliesStayWithinSlacksLimits(String question) throws Exception {
    PolicyService service =
        new PolicyService(
            hugeCatalog(), Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC));
    BlockKitRenderer renderer =
        new BlockKitRenderer(java.util.Optional.of("https://support.example.com"));
    SlackMessage message =
        renderer.withShareButton(
            renderer.render(service.answer(new QueryParser().parse(question))), question);
    JsonNode blocks = JSON.readTree(GsonFactory.createSnakeCase().toJson(message.blocks()));
    assertThat(blocks.size()).isBetween(2, SlackLimits.MESSAGE_BLOCKS);
    for (JsonNode block : blocks) {
      switch (block.get("type").asText()) {
        case "header" ->
            assertThat(block.at("/text/text").asText())
                .hasSizeLessThanOrEqualTo(SlackLimits.HEADER_TEXT);
        case "section" -> {
          assertThat(block.at("/text/text").asText())
              .hasSizeLessThanOrEqualTo(SlackLimits.SECTION_TEXT);
          JsonNode fields = block.path("fields");
          assertThat(fields.size()).isLessThanOrEqualTo(SlackLimits.FIELDS);
          fields.forEach(
              f ->
                  assertThat(f.get("text").asText())
                      .hasSizeLessThanOrEqualTo(SlackLimits.FIELD_TEXT));
          assertThat(block.has("text") || fields.size() > 0)
              .as("a section needs text or fields")
              .isTrue();
        }
        case "context" -> assertThat(block.get("elements").size()).isBetween(1, 10);
        case "actions" ->
            assertThat(block.at("/elements/0/value").asText())
                .hasSizeLessThanOrEqualTo(SlackLimits.BUTTON_VALUE);
        case "divider" -> {}
        case "image" -> {
          assertThat(block.get("image_url").asText())
              .startsWith("https://support.example.com/timeline.png?asOf=")
              .hasSizeLessThanOrEqualTo(3000);
          assertThat(block.get("alt_text").asText())
              .isNotBlank()
              .hasSizeLessThanOrEqualTo(SlackLimits.ALT_TEXT);
        }
        default -> throw new AssertionError("unexpected block " + block);
      }
    }
    assertThat(message.text()).isNotBlank();
  }

  @org.junit.jupiter.api.Test
  void repliesLinkToTheSupportPageOnlyWhenItsUrlIsSet() throws Exception {
    PolicyService service =
        new PolicyService(
            io.kommander.supportbot.TestCatalogs.april(),
            Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC));
    var reply = service.answer(new QueryParser().parse("2.15"));
    String with =
        String.valueOf(
            new BlockKitRenderer(java.util.Optional.of("https://support.example.com"))
                .render(reply)
                .blocks());
    assertThat(with).contains("<https://support.example.com/|The whole matrix on the web>");
    String without =
        GsonFactory.createSnakeCase().toJson(new BlockKitRenderer().render(reply).blocks());
    assertThat(without).doesNotContain("on the web");
  }

  @org.junit.jupiter.api.Test
  void theMatrixShowsTheTimelineImageOnlyWhereSlackCanFetchIt() throws Exception {
    PolicyService service =
        new PolicyService(
            TestCatalogs.april(),
            Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC));
    var reply = service.answer(new QueryParser().parse("matrix"));
    JsonNode with =
        JSON.readTree(
            new BlockKitRenderer(java.util.Optional.of("https://support.example.com"))
                .render(reply)
                .blocksJson());
    JsonNode image = null;
    for (JsonNode block : with) {
      if (block.get("type").asText().equals("image")) {
        assertThat(image).as("one image").isNull();
        image = block;
      }
    }
    assertThat(image).as("the timeline image").isNotNull();
    assertThat(image.get("image_url").asText())
        .isEqualTo("https://support.example.com/timeline.png?asOf=2026-11-25");
    assertThat(image.get("alt_text").asText())
        .startsWith("Support timeline as of 2026-11-25")
        .contains("NKP 2.17 supported", "DKP 2.8 expired");
    String without = new BlockKitRenderer().render(reply).blocksJson();
    assertThat(without).doesNotContain("\"image\"", "timeline.png");
  }
}
