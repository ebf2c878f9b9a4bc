package io.kommander.supportbot.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.policy.Catalog;
import io.kommander.supportbot.policy.Minor;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.policy.Product;
import io.kommander.supportbot.policy.Question;
import io.kommander.supportbot.policy.Question.AboutLine;
import io.kommander.supportbot.policy.ReleaseLine;
import io.kommander.supportbot.policy.Reply;
import io.kommander.supportbot.query.QueryParser;
import io.kommander.supportbot.slack.blocks.BlockKitRenderer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A team's clusters in one message: each cluster named as written, in order, with one compact
 * answer each; phrasings that name no cluster are not mistaken for one.
 */
class ClusterAnswersTest {
  static final PolicyService POLICY =
      new PolicyService(
          TestCatalogs.shipped(),
          Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC));
  static final QueryParser PARSER = new QueryParser();

  static Reply ask(String text) {
    return POLICY.answer(PARSER.parse(text));
  }

  /** The clusters read, in order, as "name=PRODUCT version" ("-" for none named). */
  static String clusters(String text) {
    List<String> out = new ArrayList<>();
    for (Question q : PARSER.parse(text).questions()) {
      if (q instanceof AboutLine l) {
        out.add(l.cluster().orElse("-") + "=" + l.product() + " " + l.version());
      } else {
        out.add(q.getClass().getSimpleName());
      }
    }
    return String.join("; ", out);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          prod on dkp 2.6, staging on nkp 2.13, dev on nkp 2.17.1 | prod=DKP 2.6; staging=NKP 2.13; dev=NKP 2.17.1
          prod on dkp 2.6 staging on nkp 2.13                      | prod=DKP 2.6; staging=NKP 2.13
          prod: nkp 2.16\\nstaging: nkp 2.17                       | prod=NKP 2.16; staging=NKP 2.17
          the prod cluster runs nkp 2.16 and dev is still on nkp 2.17 | prod=NKP 2.16; dev=NKP 2.17
          edge-01 (NKP 2.15), edge-02 (NKP 2.17.1)                 | edge-01=NKP 2.15; edge-02=NKP 2.17.1
          *prod* is on `nkp 2.16`                                  | prod=NKP 2.16
          we are on nkp 2.16                                       | -=NKP 2.16
          they're on nkp 2.17.0                                    | -=NKP 2.17.0
          we’re on nkp 2.16, it's at nkp 2.17                      | -=NKP 2.16; -=NKP 2.17
          is nkp 2.16 still supported?                             | -=NKP 2.16
          Kommander 1.2 on Konvoy 1.7                              | AboutPair
          kubernetes 1.30 on nkp 2.15                              | OnKubernetes
          upgrade from nkp 2.15 to nkp 2.17                        | UpgradePath
          """)
  void clustersAreNamedAsWrittenAndOnlyWhenNamed(String text, String expected) {
    assertThat(clusters(text.replace("\\n", "\n"))).isEqualTo(expected);
  }

  @Test
  void eachClusterGetsOneCompactAnswerInOrderUnderTheSummary() {
    Catalog c = POLICY.catalog();
    ReleaseLine dkp26 = c.line(Product.DKP, Minor.parse("2.6")).orElseThrow();
    ReleaseLine ender = c.lines().get(c.lines().indexOf(dkp26) + c.settings().window());
    String text =
        new TextRenderer().render(ask("prod on dkp 2.6, staging on nkp 2.13, dev on nkp 2.17.1"));
    assertThat(text)
        .startsWith(
            "3 clusters: prod (DKP 2.6) and staging (NKP 2.13) expired; dev (NKP 2.17.1)"
                + " supported.\n\nprod on DKP 2.6: expired\n  Support ended on "
                + ender.released()
                + ", when "
                + ender.label()
                + " shipped. Upgrade to DKP 2.7.")
        .contains("\nstaging on NKP 2.13: expired\n  ", "\ndev on NKP 2.17.1: supported\n  ");
    assertThat(text.indexOf("prod on")).isLessThan(text.indexOf("staging on"));
    assertThat(text.indexOf("staging on")).isLessThan(text.indexOf("dev on"));
    // Two lines a cluster, and each caveat said once for all of them.
    assertThat(text.split("\n", -1)).hasSizeLessThanOrEqualTo(1 + 1 + 6 + 1 + 2 + 1 + 1);
    assertThat(text.split(ReplyPhrases.DERIVED, -1)).hasSize(2);
  }

  @Test
  void inBlockKitEachClusterIsOneSectionWithoutDividersBetween() throws Exception {
    JsonNode blocks =
        new ObjectMapper()
            .readTree(
                new BlockKitRenderer()
                    .render(ask("prod on dkp 2.6, staging on nkp 2.13, dev on nkp 2.17.1"))
                    .blocksJson());
    List<String> types = new ArrayList<>();
    blocks.forEach(b -> types.add(b.get("type").asText()));
    assertThat(types.subList(0, 4)).containsExactly("section", "section", "section", "section");
    assertThat(types).doesNotContain("divider", "header");
    assertThat(blocks.get(1).at("/text/text").asText())
        .startsWith(":x: *prod on DKP 2.6*: expired\nSupport ended on");
    assertThat(blocks.toString().split(ReplyPhrases.DERIVED, -1)).hasSize(2);
  }

  @Test
  void twoVersionsWithoutClusterNamesKeepTheirFullAnswers() {
    String text = new TextRenderer().render(ask("is 1.3 still supported, and 1.4?"));
    assertThat(text).contains("\n\nKommander 1.4").contains("Konvoy 1.8");
    assertThat(ClusterPhrases.compact(ask("nkp 2.16 and nkp 2.17"))).isFalse();
    assertThat(ClusterPhrases.compact(ask("prod on nkp 2.16 and dev on nkp 2.17"))).isTrue();
    assertThat(PARSER.parse("prod on nkp 2.16").questions().get(0))
        .isEqualTo(
            new AboutLine(
                Product.NKP,
                io.kommander.supportbot.policy.Version.parse("2.16"),
                true,
                Optional.of("prod")));
  }
}
