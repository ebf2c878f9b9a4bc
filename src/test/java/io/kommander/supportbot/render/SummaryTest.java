package io.kommander.supportbot.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.policy.Reply;
import io.kommander.supportbot.query.QueryParser;
import io.kommander.supportbot.slack.blocks.BlockKitRenderer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Answers to what people ask in sentences: several clusters summed up in one line first, and the
 * Kubernetes a line runs.
 */
class SummaryTest {
  static final PolicyService POLICY =
      new PolicyService(
          TestCatalogs.shipped(),
          Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC));

  static Reply ask(String text) {
    return POLICY.answer(new QueryParser().parse(text));
  }

  @Test
  void severalVersionsAreSummedUpFirstGroupedByStatusInTheOrderAsked() {
    Reply reply = ask("dkp 2.6, nkp 2.13 and nkp 2.17.1");
    String summary = "3 versions: DKP 2.6 and NKP 2.13 expired; NKP 2.17.1 supported.";
    assertThat(new TextRenderer().render(reply)).startsWith(summary + "\n\nDKP 2.6: expired\n");
    assertThat(new BlockKitRenderer().render(reply).blocksJson()).contains("*" + summary + "*");
  }

  @Test
  void oneVersionOrAnUnknownOneHasNoSummary() {
    assertThat(ReplyPhrases.summary(ask("nkp 2.17").answers())).isEmpty();
    assertThat(ReplyPhrases.summary(ask("nkp 2.17 and 9.9").answers())).isEmpty();
    assertThat(ReplyPhrases.summary(ask("nkp 2.16 nkp 2.17").answers()))
        .contains("2 versions: NKP 2.16 in doubt: may have ended; NKP 2.17 supported.");
  }

  @Test
  void whichKubernetesALineRunsIsInItsAnswer() {
    assertThat(new TextRenderer().render(ask("which kubernetes does nkp 2.17 support?")))
        .startsWith("NKP 2.17: supported")
        .contains("\n  Deploys Kubernetes 1.34.\n");
    assertThat(new TextRenderer().render(ask("nkp 2.18")))
        .contains("\n  Deploys Kubernetes 1.34 to 1.35 (default 1.35.2).\n");
  }
}
