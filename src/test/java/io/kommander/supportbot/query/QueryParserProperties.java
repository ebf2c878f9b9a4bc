package io.kommander.supportbot.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.policy.Query;
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

/** The parser, and the whole text pipeline, never throw, whatever the input. */
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
  void versionLikeTextIsAnsweredAndRendered(@ForAll("versionish") String text) {
    String out = RENDERER.render(SERVICE.answer(PARSER.parse(text)));
    assertThat(out).isNotBlank().doesNotContain("Exception");
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
