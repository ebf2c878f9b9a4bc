package io.kommander.supportbot.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.policy.Catalog;
import io.kommander.supportbot.policy.Minor;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.policy.Product;
import io.kommander.supportbot.policy.ReleaseLine;
import io.kommander.supportbot.policy.Shipping;
import io.kommander.supportbot.query.QueryParser;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Questions as people write them in support channels, one test per form; each expected fact is
 * taken from the catalog, not from the renderer's own words for it.
 */
class SentenceQuestionsTest {
  static final LocalDate DAY = LocalDate.parse("2026-11-29");
  static final PolicyService POLICY =
      new PolicyService(
          TestCatalogs.shipped(),
          Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC));
  static final Catalog CATALOG = POLICY.catalog();

  static String ask(String text) {
    return new TextRenderer().render(POLICY.answer(new QueryParser().parse(text)));
  }

  static ReleaseLine line(Product product, String minor) {
    return CATALOG.line(product, Minor.parse(minor)).orElseThrow();
  }

  /** The line that ended {@code line}'s support: {@code window} lines later. */
  static ReleaseLine ender(ReleaseLine line) {
    List<ReleaseLine> lines = CATALOG.lines();
    return lines.get(lines.indexOf(line) + CATALOG.settings().window());
  }

  @Test
  void theLatestPatchOfALine() {
    ReleaseLine nkp216 = line(Product.NKP, "2.16");
    String latest = nkp216.latestPatchOn(Product.NKP, DAY).orElseThrow().version().toString();
    assertThat(ask("what is the latest patch of nkp 2.16?"))
        .startsWith("NKP 2.16: ")
        .contains("Latest patch: " + latest + " (");
    assertThat(ask("we're on nkp 2.16.0, is there a newer patch?"))
        .contains("Upgrade 2.16.0 to " + latest + ", the latest patch of the line");
  }

  @Test
  void theNewestReleaseAndWhatIsOnlyReported() {
    ReleaseLine newest =
        CATALOG.lines().stream().filter(l -> l.shippedBy(DAY)).reduce((a, b) -> b).orElseThrow();
    String patch = newest.latestPatchOn(newest.product(), DAY).orElseThrow().version().toString();
    List<ReleaseLine> reported =
        CATALOG.lines().stream().filter(l -> l.shipping(DAY) == Shipping.MAYBE).toList();
    for (String q :
        List.of(
            "what's the newest NKP release?", "which version is the latest?", "current release")) {
      String answer = ask(q);
      assertThat(answer)
          .as(q)
          .contains(newest.product().displayName() + " " + patch + ": supported");
      reported.forEach(
          r -> assertThat(answer).as(q).contains(r.label() + ": may have shipped, not confirmed"));
    }
  }

  @Test
  void whenALineEndsOrEnded() {
    ReleaseLine dkp27 = line(Product.DKP, "2.7");
    ReleaseLine end = ender(dkp27);
    assertThat(ask("when did dkp 2.7 lose support?"))
        .startsWith("DKP 2.7: expired")
        .contains("Support ended on " + end.released() + ", when " + end.label() + " shipped.");
    assertThat(ask("when does nkp 2.17 go end of life?"))
        .startsWith("NKP 2.17: supported")
        .contains("until the third line after NKP 2.17 ships");
  }

  @Test
  void whetherAKubernetesMinorRunsOnASupportedLine() {
    List<String> running =
        CATALOG.lines().stream()
            .filter(l -> l.kube().map(k -> k.runs(Minor.parse("1.33"))).orElse(false))
            .map(ReleaseLine::label)
            .toList();
    assertThat(running).isNotEmpty();
    assertThat(ask("does kubernetes 1.33 run on any supported line?"))
        .startsWith("Kubernetes 1.33 is deployed by " + running.get(0))
        // Its line is in doubt: said as such, not "no supported line" after naming it (issue 35).
        .contains(
            "No line surely supported deploys Kubernetes 1.33: "
                + running.get(0)
                + " is supported only if NKP 2.19 has not shipped.")
        .doesNotContain("No supported line deploys Kubernetes 1.33.");
    assertThat(ask("can i run k8s 1.34 on a supported nkp?"))
        .startsWith("Kubernetes 1.34 is deployed by")
        .doesNotContain("No supported line");
  }

  @Test
  void whetherADirectUpgradeIsPossible() {
    String nextLatest =
        line(Product.NKP, "2.16")
            .latestPatchOn(Product.NKP, DAY)
            .orElseThrow()
            .version()
            .toString();
    assertThat(ask("can I upgrade directly from nkp 2.15 to nkp 2.17?"))
        .startsWith("No: NKP 2.15 does not upgrade straight to NKP 2.17")
        .contains("1. NKP " + nextLatest);
    assertThat(ask("can we skip 2.16 and go straight from nkp 2.15 to 2.17"))
        .startsWith("No: NKP 2.15 does not upgrade straight to NKP 2.17");
    assertThat(ask("is a direct upgrade from nkp 2.16 to nkp 2.17 ok?")).startsWith("Yes");
  }

  @Test
  void whichKubernetesALineDeploys() {
    ReleaseLine nkp217 = line(Product.NKP, "2.17");
    String kube = nkp217.kube().orElseThrow().minor().toString();
    assertThat(ask("which kubernetes does nkp 2.17 support"))
        .startsWith("NKP 2.17: supported")
        .contains("Deploys Kubernetes " + kube);
  }
}
