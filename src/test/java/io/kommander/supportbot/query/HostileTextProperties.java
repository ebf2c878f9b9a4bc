package io.kommander.supportbot.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.policy.Query;
import io.kommander.supportbot.render.TextRenderer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Adversarial text up to Slack's 40,000 characters, built from the shapes every recognizer looks
 * for (kubectl's YAML, JSON and Info output, node and component listings, manifests, emoji runs,
 * long dotted numbers, Slack's link and escape soup, huge digit runs), repeated and nested: the
 * parse and the answer are total (nothing inside fails and is caught as "could not read"), and the
 * reply stays short. The time each takes is measured in PasteBenchmark, not asserted here.
 */
class HostileTextProperties {
  static final PolicyService POLICY =
      new PolicyService(
          TestCatalogs.shipped(),
          Clock.fixed(Instant.parse("2026-12-08T12:00:00Z"), ZoneOffset.UTC));
  static final QueryParser PARSER = new QueryParser();
  static final TextRenderer TEXT = new TextRenderer();

  static final List<String> SHAPES =
      List.of(
          "serverVersion:\n",
          "  gitVersion: v1.29.6\n",
          "                              x\n",
          "clientVersion:\n  gitVersion: v1.30.2\n",
          "\"serverVersion\": {",
          "\"gitVersion\": \"v1.",
          "}",
          "Server Version: version.Info{GitVersion:\"v1.",
          "Client Version: v1.30.2\n",
          "NAME STATUS ROLES AGE VERSION\n",
          "cp-1 Ready control-plane 10d v1.32.3\n",
          "kommander: v2.17.1\n",
          "diagnose: v0.10.1\n",
          "kind: Cluster\n",
          "  topology:\n    class: nkp-nutanix-v2.16.1\n    version: v1.33.1\n",
          ":white_check_mark:",
          ":",
          "aaaaaaaa",
          "1.1.1.1.1.1.1.1",
          ".",
          "99999999999999",
          "<http://x|nkp 2.16>",
          "<@U123|bob>",
          "<",
          "|",
          "&amp;&lt;&gt;",
          "*_~`",
          "\u200b\ufeff\u00a0",
          "prod cluster is still on the nkp ",
          "nutanix kubernetes platform ",
          "nkp2.17 ",
          "stable-1.29-3.2.0 ",
          "2025-11-20 10:00:01 ",
          "upgrade from 2.15 to 2.17 ",
          " on ",
          "komander ",
          "-",
          "\n",
          " ");

  @Property(tries = 150)
  void hostileTextIsReadAndAnsweredWhole(@ForAll("hostile") String text) {
    Query q = PARSER.parse(text);
    assertThat(q.notes()).doesNotContain(QueryParser.UNREADABLE);
    String reply = TEXT.render(new Answering().answer(POLICY, q));
    assertThat(reply).doesNotContain(QueryParser.UNREADABLE);
    assertThat(reply.length()).as("a reply, not an echo of the paste").isLessThan(20_000);
  }

  /** Shapes repeated in runs, runs nested inside runs, cut at Slack's limit. */
  @Provide
  Arbitrary<String> hostile() {
    Arbitrary<String> shape = Arbitraries.of(SHAPES);
    Arbitrary<String> run =
        Combinators.combine(shape, Arbitraries.integers().between(1, 5_000))
            .as((s, n) -> s.repeat(Math.max(1, Math.min(n, QueryParser.MAX_LENGTH / s.length()))));
    Arbitrary<String> nested =
        Combinators.combine(shape, run, shape, Arbitraries.integers().between(1, 200))
            .as(
                (open, inner, close, n) -> {
                  String unit = open + inner + close;
                  return unit.repeat(
                      Math.max(1, Math.min(n, QueryParser.MAX_LENGTH / unit.length())));
                });
    return Arbitraries.oneOf(run, nested)
        .list()
        .ofMinSize(1)
        .ofMaxSize(6)
        .map(parts -> String.join("", parts))
        .map(t -> t.length() > QueryParser.MAX_LENGTH ? t.substring(0, QueryParser.MAX_LENGTH) : t);
  }
}
