package io.kommander.supportbot.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.catalog.CatalogLoader;
import io.kommander.supportbot.policy.Catalog;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.query.QueryParser;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the bot says, as text, under every name and on days across the D2iQ to Nutanix gap, pinned
 * to a fixed clock. Each row is a question, a day, and lines the answer must hold.
 */
class AnswersThroughTimeTest {
  private static final Catalog SHIPPED = TestCatalogs.april();

  static String ask(Catalog catalog, String today, String question) {
    PolicyService service =
        new PolicyService(
            catalog, Clock.fixed(Instant.parse(today + "T12:00:00Z"), ZoneOffset.UTC));
    return new TextRenderer().render(service.answer(new QueryParser().parse(question)));
  }

  @ParameterizedTest(name = "{1}, \"{0}\" -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // Today: the three NKP lines are supported, everything before is not, whatever it is
        // called.
        "is 2.2 supported?|2026-11-25|DKP 2.2: expired|Support ended on 2023-04-12, when DKP 2.5 shipped.",
        "dkp 2.4|2026-11-25|DKP 2.4: expired|Support ended on 2024-01-16, when DKP 2.7 shipped.",
        "D2iQ Kubernetes Platform 2.3|2026-11-25|DKP 2.3: expired|Support ended on 2023-08-14, when DKP 2.6 shipped.",
        "nkp 2.15|2026-11-25|NKP 2.15: supported|Newest line: NKP 2.17.1; to get there, upgrade to NKP 2.16.1 next, then one minor at a time to NKP 2.17 (2 hops",
        "nkp 2.15|2026-11-25|NKP 2.15: supported|Supported until the next line after NKP 2.17 ships (none announced yet).",
        "nkp 2.17|2026-11-25|NKP 2.17: supported|Supported until the third line after NKP 2.17 ships (none announced yet).",
        "kommander 2.15|2026-11-25|NKP 2.15: supported|Kommander 2.15 ships inside NKP 2.15 (Nutanix Kubernetes Platform)",
        "konvoy 2.15.1|2026-11-25|NKP 2.15.1: supported|Upgrade 2.15.1 to 2.15.2, the latest patch of the line",
        "Nutanix Kubernetes Platform 2.16|2026-11-25|NKP 2.16: supported|Latest patch: 2.16.1 (2025-11-08).",
        "nkp 2.17|2026-11-25|NKP 2.17: supported|Latest patch: 2.17.1 (2026-03-11).",
        "nkp 2.14|2026-11-25|NKP 2.14: expired|Support ended on 2025-12-23, when NKP 2.17 shipped.",
        "nkp 2.8|2026-11-25|DKP 2.8: expired|NKP 2.8 did not exist under that name: 2.8 shipped as DKP 2.8 (D2iQ Kubernetes Platform).",
        "dkp 2.1|2026-11-25|Kommander 2.1 (on Konvoy 2.1): expired|DKP 2.1 did not exist under that name: 2.1 shipped as Kommander 2.1 and Konvoy 2.1.",
        "1.4|2026-11-25|Kommander 1.4 (on Konvoy 1.8): expired|Support ended on 2022-04-08, when DKP 2.2 shipped.",
        // The day before NKP 2.12 shipped, D2iQ's DKP 2.6 to 2.8 were supported; on the day, 2.6
        // left.
        "dkp 2.6 on 2024-08-27|2026-11-25|DKP 2.6: supported, ends soon on 2024-08-27|Supported until NKP 2.12 ships (2024-08-28).",
        "dkp 2.6 on 2024-08-28|2026-11-25|DKP 2.6: expired on 2024-08-28|Support ended on 2024-08-28, when NKP 2.12 shipped.",
        "nkp 2.12 on 2024-08-27|2026-11-25|NKP 2.12: not released yet on 2024-08-27|Released on 2024-08-28, after the day asked about.",
        "nkp 2.12 on 2024-08-28|2026-11-25|NKP 2.12: supported on 2024-08-28|Supported until NKP 2.15 ships (2025-05-14).",
        "matrix on 2024-08-28|2026-11-25|N-2: Nutanix supports the newest NKP line|  DKP 2.7: supported",
        "matrix on 2024-08-27|2026-11-25|N-2: D2iQ supports the newest DKP line|  DKP 2.6: supported",
        "matrix on 2021-06-01|2026-11-25|N-2: D2iQ supports the newest Kommander line|  Kommander 1.4 / Konvoy 1.8: supported",
        // Numbers that never shipped say what came instead.
        "2.10|2026-11-25|Version 2.10: never released|The line that came next is NKP 2.12.",
        "nkp 2.9|2026-11-25|NKP 2.9: never released|After DKP 2.8, Nutanix continued the platform as NKP 2.12",
        "3.0|2026-11-25|Version 3.0: never released|A 3.0 development tag (2024-04-10) was abandoned",
        "2.18|2026-11-25|Version 2.18: unknown|Newer than any line I know: the newest I know is NKP 2.17 (released 2025-12-23). If a newer line has shipped, my catalog needs an update.",
      })
  void answersMatchTheReleaseData(String question, String today, String first, String second) {
    assertThat("\n" + ask(SHIPPED, today, question)).contains("\n" + first).contains(second);
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "kubernetes 1.27|Kubernetes 1.27 is deployed by DKP 2.7 (expired).|No supported line deploys Kubernetes 1.27.",
        "k8s 1.32|Kubernetes 1.32 is deployed by NKP 2.15 (supported).|Supported: NKP 2.15.",
        "kubernetes 1.22|Kubernetes 1.22 is deployed by DKP 2.3 (expired).|DKP 2.3",
        "kubernetes 1.19|Kubernetes 1.19: no line in my catalog deploys it.|Supported lines deploy NKP 2.17: Kubernetes 1.34",
        "can I run NKP 2.15 on Kubernetes 1.30?|No: NKP 2.15 deploys Kubernetes 1.32 (default 1.32.3), not 1.30.|Kubernetes 1.30 is deployed by NKP 2.13 (expired).",
        "nkp 2.16 on k8s 1.33|Yes: NKP 2.16 deploys Kubernetes 1.33.|NKP 2.16 is supported.",
        "dkp 2.3 on kubernetes 1.21|It runs, but the line is not supported: DKP 2.3 deploys Kubernetes 1.21 to 1.23 (default 1.23.7).|DKP 2.3 is expired.",
        "kommander 1.4 on kubernetes 1.20|I don't know which Kubernetes Kommander 1.4 (on Konvoy 1.8) deploys|Kubernetes 1.20: no line in my catalog deploys it.",
        "stable-1.19-3.2.0|Base Platform Services stable-1.19-3.2.0: release channel stable, Kubernetes 1.19, BPS version 3.2.0.|Kubernetes 1.19: no line in my catalog deploys it.",
        "stable-1.33-4.1.0|It deploys on any Kubernetes 1.33 cluster, and its support follows that Kubernetes version's:|Kubernetes 1.33 is deployed by NKP 2.16 (supported).",
        "stable-1.19|`stable-1.19` is not a BPS tag|tags look like stable-1.19-3.2.0",
      })
  void kubernetesAndBpsQuestionsAreAnsweredFromTheCatalog(String question, String a, String b) {
    assertThat(ask(SHIPPED, "2026-11-25", question)).contains(a).contains(b);
  }

  @Test
  void upgradePathsAreAnsweredHopByHop() {
    assertThat(ask(SHIPPED, "2026-11-25", "how do I get from dkp 2.5 to nkp 2.17"))
        .contains(
            "Upgrade path from DKP 2.5 to NKP 2.17: 9 hops, one minor at a time, each to the"
                + " line's latest patch.\n"
                + "  1. DKP 2.6.2 (expired).\n"
                + "  2. DKP 2.7.3 (expired).\n"
                + "  3. DKP 2.8.3 (expired).\n"
                + "  4. NKP 2.12.2, the rename (expired).\n"
                + "     DKP 2.8 is the only way into NKP 2.12; 2.9, 2.10 and 2.11 never existed.\n"
                + "  5. NKP 2.13.3 (expired).\n"
                + "  6. NKP 2.14.3 (expired).\n"
                + "  7. NKP 2.15.2 (supported): back in support from here.\n"
                + "  8. NKP 2.16.1 (supported).\n"
                + "  9. NKP 2.17.1 (supported).\n");
    assertThat(ask(SHIPPED, "2026-11-25", "upgrade konvoy 1.8"))
        .contains("First: Konvoy 1.8 (with Kommander 1.4) to at least 1.8.3 (latest: 1.8.5).")
        .contains("1. Konvoy 2.1.5 with Kommander 2.1.5, by adoption (expired).")
        .contains("4. DKP 2.4.2 (expired; inferred hop).")
        .contains("no source states them.");
    assertThat(ask(SHIPPED, "2026-11-25", "can I upgrade 2.7 straight to 2.12?"))
        .contains(
            "No: DKP 2.7 does not upgrade straight to NKP 2.12: upgrades go one minor at a time.")
        .contains("1. DKP 2.8.3 (expired).");
    assertThat(ask(SHIPPED, "2026-11-25", "upgrade 2.14.1"))
        .contains(
            "Optionally first: 2.14.1 to 2.14.3, the latest patch of its line; the hop does not"
                + " require it.");
    assertThat(ask(SHIPPED, "2026-11-25", "dkp 2.2"))
        .contains(
            "Upgrade to DKP 2.3.3 next, then one minor at a time to NKP 2.17.1 (12 hops; ask"
                + " `upgrade path from 2.2` for each).");
  }

  @Test
  void theEndOfSupportCellSaysWhichReleaseEndsALineDatedOrNot() {
    io.kommander.supportbot.policy.SupportPolicy planned =
        new io.kommander.supportbot.policy.SupportPolicy(TestCatalogs.withPlanned());
    java.time.LocalDate today = java.time.LocalDate.parse("2026-11-25");
    java.util.function.Function<String, String> cell =
        v ->
            Phrases.endOfSupport(
                planned
                    .status(
                        io.kommander.supportbot.policy.Product.NKP,
                        io.kommander.supportbot.policy.Version.parse(v),
                        today)
                    .support());
    assertThat(cell.apply("2.15")).isEqualTo("2027-01-15 (planned, when NKP 2.18 ships)");
    assertThat(cell.apply("2.16")).isEqualTo("when NKP 2.19 ships (not scheduled)");
    assertThat(cell.apply("2.14")).isEqualTo("2025-12-23 (ended)");
    assertThat(
            Phrases.endOfSupport(
                new io.kommander.supportbot.policy.SupportPolicy(SHIPPED)
                    .status(
                        io.kommander.supportbot.policy.Product.NKP,
                        io.kommander.supportbot.policy.Version.parse("2.17"),
                        today)
                    .support()))
        .isEqualTo("not dated yet: when the third line after NKP 2.17 ships");
    // An upgrade to the line one is on gives only the patch advice, not the newest line.
    assertThat(ask(SHIPPED, "2026-11-25", "upgrade 2.17.0"))
        .contains("You are on the NKP 2.17 line already.\n  Upgrade 2.17.0 to 2.17.1")
        .doesNotContain("Newest line");
  }

  @Test
  void anAnswerOnApproximateDatesSaysSoAndOneOnExactDatesDoesNot() {
    assertThat(ask(SHIPPED, "2026-11-25", "dkp 2.4")).contains(CatalogPhrases.APPROXIMATE);
    assertThat(ask(SHIPPED, "2026-11-25", "1.3 on 2021-06-01"))
        .contains(ReplyPhrases.DERIVED)
        .doesNotContain(CatalogPhrases.APPROXIMATE);
  }

  @Test
  void todaysAnswersSayTheCatalogMayBeStaleAndWhatThatWouldMean() {
    String answer = ask(SHIPPED, "2026-11-25", "nkp 2.15");
    assertThat(answer.lines().findFirst().orElseThrow())
        .isEqualTo(
            "Release data last reviewed 2026-04-30, upstream not checked: if a line newer than"
                + " NKP 2.17 has shipped, NKP 2.15 is no longer supported.");
    // Every kind of answer about that day carries it, once.
    for (String q :
        new String[] {"matrix", "1.2 on konvoy 1.7", "kubernetes 1.31", "help", "abc"}) {
      assertThat(ask(SHIPPED, "2026-11-25", q).split("Release data last reviewed", -1))
          .as(q)
          .hasSize(2);
    }
  }

  @Test
  void aDayTheCatalogKnowsWellCarriesNoFreshnessLine() {
    // Two weeks after NKP 2.17 shipped and before the review: nothing to doubt.
    assertThat(ask(SHIPPED, "2026-01-06", "nkp 2.15")).doesNotContain("Release data last reviewed");
    assertThat(ask(SHIPPED, "2026-11-25", "nkp 2.15 on 2026-01-06"))
        .doesNotContain("Release data last reviewed");
  }

  @Test
  void aFreshReviewWithARecentLineCarriesNoFreshnessLineAndAnOldReviewDoes() {
    String fresh =
        TestCatalogs.aprilText()
            .replace("  reviewed: 2026-04-30", "  reviewed: 2026-11-20")
            .replace(
                "\nupgrades:",
                """

                  - kommander: "2.18"
                    product: nkp
                    status: released
                    released: 2026-10-01
                    source: a test line
                upgrades:""");
    Catalog reviewed = new CatalogLoader().parse("fresh.yaml", fresh);
    assertThat(ask(reviewed, "2026-11-25", "nkp 2.16"))
        .doesNotContain("Release data last reviewed")
        .contains("NKP 2.16: supported");
    // The same data, but last reviewed long ago: the review alone makes it say so.
    Catalog old =
        new CatalogLoader()
            .parse("old.yaml", fresh.replace("  reviewed: 2026-11-20", "  reviewed: 2025-01-01"));
    assertThat(ask(old, "2026-11-25", "nkp 2.16"))
        .startsWith(
            "Release data last reviewed 2025-01-01, upstream not checked: if a line newer than"
                + " NKP 2.18 has shipped, NKP 2.16 is no longer supported.");
  }
}
