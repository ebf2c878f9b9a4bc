package io.kommander.supportbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.policy.PolicyService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Slack's answers are read from the text exactly as typed (issue 35): they were computed from the
 * cache key, the text lower-cased with its whitespace collapsed, so a pasted listing lost its
 * newlines before the parser saw it (a slash command got the help text) and a cluster's name lost
 * its case.
 */
class SlackReadsWhatWasTypedTest {
  static final PolicyService POLICY =
      new PolicyService(
          TestCatalogs.shipped(),
          Clock.fixed(Instant.parse("2026-12-08T12:00:00Z"), ZoneOffset.UTC));

  static final String NODES =
      "NAME     STATUS   ROLES           AGE   VERSION\n"
          + "cp-1     Ready    control-plane   10d   v1.32.3\n"
          + "w-1      Ready    <none>          10d   v1.32.3\n";

  @Test
  void aPastedListingIsReadInASlashCommandAndAMention() {
    SlackAnswers answers = new SlackAnswers(() -> POLICY);
    assertThat(answers.commandReply(NODES)).contains("Kubernetes 1.32").doesNotContain("Examples");
    assertThat(answers.reply(NODES).text()).contains("Kubernetes 1.32");
  }

  @Test
  void aClusterKeepsTheCaseItWasNamedIn() {
    SlackAnswers answers = new SlackAnswers(() -> POLICY);
    answers.commandReply("prod-east on nkp 2.16, dev on nkp 2.17, qa on nkp 2.18");
    assertThat(answers.commandReply("prod-East on nkp 2.16, dev on nkp 2.17, qa on nkp 2.18"))
        .contains("prod-East");
  }
}
