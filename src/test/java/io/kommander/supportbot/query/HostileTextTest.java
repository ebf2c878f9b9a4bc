package io.kommander.supportbot.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.cli.AskCommand;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.policy.Query;
import io.kommander.supportbot.policy.Question;
import io.kommander.supportbot.policy.Reply;
import io.kommander.supportbot.render.TextRenderer;
import io.kommander.supportbot.slack.SlackAnswers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The texts of issue 34 that stopped or stalled the reader, each answered now: with a reply, at
 * once. Three of them backtracked for minutes, so those tests hold a generous guard (10 s, where
 * the fixed reader takes microseconds) that only a hang can reach: without it a regression would
 * hang the build instead of failing it. How fast parsing is, is measured by PasteBenchmark, not
 * here.
 */
class HostileTextTest {
  static final Duration HANG = Duration.ofSeconds(10);
  static final PolicyService POLICY =
      new PolicyService(
          TestCatalogs.shipped(),
          Clock.fixed(Instant.parse("2026-12-08T12:00:00Z"), ZoneOffset.UTC));
  static final QueryParser PARSER = new QueryParser();

  /** Issue 34's shape: kubectl's YAML key, then indented lines with no gitVersion. */
  static final String YAML_TEN_LINES =
      "serverVersion:\n" + "                              x\n".repeat(10);

  /** Openings of kubectl's JSON server version, each with a git version, never closed. */
  static final String JSON_UNCLOSED =
      "\"serverVersion\": {\"gitVersion\": \"v1.1 ".repeat(QueryParser.MAX_LENGTH / 40);

  /** The old {@code version.Info} form, the same way. */
  static final String INFO_UNCLOSED =
      "Server Version: version.Info{GitVersion:\"v1.1 ".repeat(QueryParser.MAX_LENGTH / 48);

  @Test
  void tenIndentedLinesUnderServerVersionAreReadAtOnce() {
    // Before: 2 s on five lines, a minute on six, forever on ten (exponential backtracking).
    Query q = assertTimeoutPreemptively(HANG, () -> PARSER.parse(YAML_TEN_LINES));
    assertThat(q.questions()).isEmpty();
    assertThat(q.notes()).noneMatch(n -> n.equals(QueryParser.UNREADABLE));
    // What the YAML recognizer is for still works with any number of lines before gitVersion.
    String real =
        "serverVersion:\n"
            + "  compiler: gc\n".repeat(500)
            + "  gitVersion: v1.29.6\n  major: \"1\"\n";
    assertThat(PARSER.parse(real).questions())
        .containsExactly(
            new Question.AboutKubernetes(io.kommander.supportbot.policy.Minor.parse("1.29")));
  }

  @Test
  void unclosedJsonAndInfoServerVersionsAreReadAtOnce() {
    // Before: cubic in the text's length (minutes at Slack's 40,000 characters).
    assertThat(assertTimeoutPreemptively(HANG, () -> PARSER.parse(JSON_UNCLOSED)).notes())
        .doesNotContain(QueryParser.UNREADABLE);
    assertThat(assertTimeoutPreemptively(HANG, () -> PARSER.parse(INFO_UNCLOSED)).notes())
        .doesNotContain(QueryParser.UNREADABLE);
  }

  @Test
  void aVersionOfTwoThousandPartsIsAProblemNotAStackOverflow() {
    Query q = PARSER.parse("1" + ".1".repeat(1999));
    assertThat(q.questions()).isEmpty();
    assertThat(q.notes()).singleElement().asString().contains("it has 2000 parts");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "server version: v99999999999.1.1",
        "Server Version: version.Info{Major:\"1\", GitVersion:\"v1.99999999999.1\"}",
        "NAME STATUS ROLES AGE VERSION\nn-1 Ready cp 1d v1.99999999999.1",
        "kommander: v2.99999999999.1",
        "kind: Cluster\nspec:\n  topology:\n    class: nkp-nutanix-v2.99999999999.1\n    version: v1.99999999999.1",
        "kubernetes 99999999999999999999.1 and nkp 2.99999999999"
      })
  void numbersTooLongForAnIntAreOutOfRangeNotAnException(String text) {
    Query q = PARSER.parse(text);
    assertThat(q.notes()).doesNotContain(QueryParser.UNREADABLE);
    assertThat(q.questions()).noneMatch(HostileTextTest::namesAHugeNumber);
    // Every entry answers it: the CLI, a slash command (not an empty 200), a mention.
    assertThat(new AskCommand(POLICY).ask(text)).contains("N-2");
    SlackAnswers slack = new SlackAnswers(() -> POLICY);
    assertThat(slack.commandReply(text)).contains("\"text\"");
    assertThat(slack.reply(text).text()).isNotBlank();
  }

  private static boolean namesAHugeNumber(Question q) {
    return q.toString().contains("99999");
  }

  @Test
  void aFailureWhileAnsweringIsAShortReplyNotAnException() {
    // A clock that fails once, as a bug in the core would: the asker still gets an answer.
    Clock failingOnce =
        new Clock() {
          private boolean failed;

          @Override
          public ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            if (!failed) {
              failed = true;
              throw new StackOverflowError("a bug deep in the core");
            }
            return Instant.parse("2026-12-08T12:00:00Z");
          }
        };
    PolicyService policy = new PolicyService(TestCatalogs.shipped(), failingOnce);
    Reply reply = new Answering().answer(policy, "nkp 2.17");
    assertThat(reply.answers()).isEmpty();
    assertThat(new TextRenderer().render(reply)).startsWith("Note: " + QueryParser.UNREADABLE);
  }
}
