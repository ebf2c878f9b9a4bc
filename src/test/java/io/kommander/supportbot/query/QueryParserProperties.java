package io.kommander.supportbot.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.policy.Query;
import io.kommander.supportbot.policy.Question;
import io.kommander.supportbot.policy.Reply;
import io.kommander.supportbot.render.TextRenderer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/**
 * The parser, and the whole text pipeline, never throw whatever the input, and answer what they
 * read: each version read is named in the answer.
 */
class QueryParserProperties {
  private static final QueryParser PARSER = new QueryParser();
  private static final PolicyService SERVICE =
      new PolicyService(
          TestCatalogs.withPlanned(),
          Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC));
  private static final TextRenderer RENDERER = new TextRenderer();

  @Property(tries = 2000)
  void anyStringParsesWithoutThrowing(@ForAll @StringLength(max = 1200) String text) {
    Query q = PARSER.parse(text);
    assertThat(q.questions().size()).isLessThanOrEqualTo(QueryParser.MAX_QUESTIONS);
  }

  @Property(tries = 2000)
  void everyVersionReadIsAnsweredByName(@ForAll("versionish") String text) {
    Query q = PARSER.parse(text);
    Reply reply = SERVICE.answer(q);
    String out = RENDERER.render(reply);
    assertThat(out).doesNotContain("Exception");
    if (q.asOf().flatMap(SERVICE::beforeHistory).isPresent()) {
      // A day the catalog cannot speak for: it says so instead of answering.
      assertThat(out).contains("The catalog's history starts on");
      return;
    }
    // At most one answer per question read (a line asked twice is answered once), or the help
    // when nothing was; each names what it was asked.
    assertThat(reply.answers())
        .isNotEmpty()
        .hasSizeLessThanOrEqualTo(Math.max(1, q.questions().size()));
    for (Question question : q.questions()) {
      if (question instanceof Question.AboutLine line) {
        assertThat(out).as(text).contains(line.version().line().toString());
      } else if (question instanceof Question.AboutPair pair) {
        assertThat(out)
            .as(text)
            .contains(pair.kommander().line().toString(), pair.konvoy().line().toString());
      }
    }
  }

  @Property(tries = 2000)
  void slackFormattingAndInvisibleCharactersDoNotChangeWhatIsRead(
      @ForAll("versionish") String text, @ForAll long seed) {
    java.util.Random random = new java.util.Random(seed);
    StringBuilder decorated = new StringBuilder();
    for (String token : text.split(" ", -1)) {
      String t =
          switch (random.nextInt(8)) {
            case 0 -> "*" + token + "*";
            case 1 -> "`" + token + "`";
            case 2 -> "_" + token + "_";
            case 3 -> "~" + token + "~";
            case 4 -> token.isEmpty() ? token : token.charAt(0) + "\u200b" + token.substring(1);
            case 5 -> "\ufeff" + token + "\u2060";
            case 6 -> ":white_check_mark: " + token;
            default -> token;
          };
      decorated.append(t).append(random.nextBoolean() ? " " : "\u00a0");
    }
    assertThat(PARSER.parse(decorated.toString()).questions())
        .as("%s read as %s", text, decorated)
        .isEqualTo(PARSER.parse(text).questions());
  }

  @Property(tries = 500)
  void aLoneKnownVersionIsReadAsThatVersion(@ForAll("knownLines") String line) {
    Query q = PARSER.parse("is " + line + " supported?");
    assertThat(q.questions())
        .singleElement()
        .isInstanceOfSatisfying(
            Question.AboutLine.class,
            about -> assertThat(about.version().line().toString()).isEqualTo(line));
  }

  @Provide
  Arbitrary<String> knownLines() {
    return Arbitraries.of(
        SERVICE.catalog().lines().stream().map(l -> l.kommander().toString()).toList());
  }

  @Provide
  Arbitrary<String> versionish() {
    Arbitrary<String> piece =
        Arbitraries.oneOf(
            Arbitraries.of(
                "1.4",
                "v2.1.5",
                "konvoy",
                "kommander",
                "on",
                "with",
                "and",
                ",",
                "?",
                "-",
                ".",
                "x",
                "*",
                "2021-06-01",
                "2019-01-01",
                "2099-12-31",
                "9999-99-99",
                "<@U1>",
                "&amp;",
                "matrix",
                "experimental",
                "secondary",
                "help",
                "1.",
                ".1",
                "0.0",
                "999.999.999",
                "1000.1"),
            Arbitraries.strings().withChars("0123456789.-vVxX*+ ").ofMaxLength(12),
            Arbitraries.integers().between(-5, 100_000).map(String::valueOf));
    return piece.list().ofMaxSize(25).map(l -> String.join(" ", l));
  }
}
