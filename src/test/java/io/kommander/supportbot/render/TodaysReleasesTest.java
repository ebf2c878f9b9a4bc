package io.kommander.supportbot.render;

import static io.kommander.supportbot.render.AnswersThroughTimeTest.ask;
import static org.assertj.core.api.Assertions.assertThat;

import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.catalog.CatalogLoader;
import io.kommander.supportbot.policy.Catalog;
import io.kommander.supportbot.policy.Minor;
import io.kommander.supportbot.policy.Product;
import io.kommander.supportbot.policy.Support;
import io.kommander.supportbot.policy.SupportPolicy;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Today's release data (config/releases.yaml) on fixed days: NKP 2.18 shipped some day between
 * 2026-05-19 and 2026-07-14, and NKP 2.19 was reported on 2026-08-26 by one source. Each answer
 * must say exactly as much as the evidence allows, before, inside and after the window, with and
 * without the report.
 */
class TodaysReleasesTest {
  private static final Catalog TODAY = TestCatalogs.shipped();

  /** The same data without the report of NKP 2.19. */
  private static final Catalog UNREPORTED = withoutTheReport();

  private static Catalog withoutTheReport() {
    String text = TestCatalogs.shippedText();
    int from = text.indexOf("  - kommander: \"2.19\"");
    int to = text.indexOf("\n\n", from);
    assertThat(from).isPositive();
    return new CatalogLoader()
        .parse("unreported.yaml", text.substring(0, from) + text.substring(to + 2));
  }

  @ParameterizedTest(name = "{0} on {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // Before the window: 2.15 to 2.17 are supported.
        "nkp 2.15|2026-05-18|NKP 2.15: supported|Supported until NKP 2.18 ships (2026-07-14).",
        "nkp 2.18|2026-05-18|NKP 2.18: not released yet|",
        // Inside the window: 2.18 may have shipped, so 2.15 is in doubt, never "supported".
        "nkp 2.15|2026-06-15|NKP 2.15: in doubt: may have ended|Supported only if NKP 2.18 has not shipped: GA between 2026-05-19 and 2026-07-14. If it has, support ended no later than 2026-07-14. Plan the upgrade now.",
        "nkp 2.18|2026-06-15|NKP 2.18: may have shipped, not confirmed|GA between 2026-05-19 and 2026-07-14. If it has shipped, it is the newest line and supported.",
        // After the window: 2.15 is out, no later than its last day.
        "nkp 2.15|2026-07-15|NKP 2.15: expired|Support ended no later than 2026-07-14, when NKP 2.18 shipped (GA between 2026-05-19 and 2026-07-14).",
        "nkp 2.16|2026-07-15|NKP 2.16: supported|Supported until NKP 2.19 ships",
        // Today, with the report of 2.19: 2.16 is supported only if 2.19 has not shipped.
        "nkp 2.15|2026-11-29|NKP 2.15: expired|Upgrade to NKP 2.16.1 next, then one minor at a time to NKP 2.18.0 (3 hops",
        "nkp 2.16|2026-11-29|NKP 2.16: in doubt: may have ended|Supported only if NKP 2.19 has not shipped: NKP 2.19 was announced on 2026-08-26; its GA is not confirmed. If it has, support ended on its GA day. Plan the upgrade now.",
        "nkp 2.16|2026-11-29|NKP 2.16: in doubt: may have ended|Upgrade to NKP 2.17.1 next, then one minor at a time to NKP 2.18.0 (2 hops",
        "nkp 2.18|2026-11-29|NKP 2.18: supported|Supported until the third line after NKP 2.18 ships (none announced yet). GA between 2026-05-19 and 2026-07-14.",
        "nkp 2.19|2026-11-29|NKP 2.19: may have shipped, not confirmed|If it has shipped, it is the newest line and supported.",
        "kubernetes 1.35|2026-11-29|Kubernetes 1.35 is deployed by NKP 2.18 (supported).|Supported lines deploy NKP 2.18: Kubernetes 1.34 to 1.35 (default 1.35.2); NKP 2.17: Kubernetes 1.34.",
        "kubernetes 1.35|2026-05-18|Kubernetes 1.35 is deployed by NKP 2.18 (not released yet).|No supported line deploys Kubernetes 1.35.",
      })
  void answersSayAsMuchAsTheEvidenceAllows(String question, String day, String first, String then) {
    String answer = ask(TODAY, day, question);
    assertThat(answer).as(answer).contains(first);
    if (then != null) {
      assertThat(answer).as(answer).contains(then);
    }
    assertThat(answer).doesNotContain("Release data last reviewed");
  }

  @Test
  void theReportNeverMakesAnyoneSupportedOnTheStrengthOfNewsNotHavingHappened() {
    SupportPolicy policy = new SupportPolicy(TODAY);
    LocalDate today = LocalDate.parse("2026-11-29");
    assertThat(policy.supportedOn(today))
        .extracting(l -> l.kommander().toString())
        .containsExactly("2.17", "2.18");
    Support sixteen =
        policy.support(TODAY.line(Product.NKP, Minor.parse("2.16")).orElseThrow(), today);
    assertThat(sixteen).isInstanceOf(Support.InDoubt.class);
    assertThat(sixteen.isSupported()).isFalse();
    // The day before the report, 2.16 was plainly supported.
    assertThat(policy.supportedOn(today.withMonth(8).withDayOfMonth(25)))
        .extracting(l -> l.kommander().toString())
        .containsExactly("2.16", "2.17", "2.18");
  }

  @ParameterizedTest(name = "without the report, {0} on 2026-11-29 -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "nkp 2.16|NKP 2.16: supported|Supported until the next line after NKP 2.18 ships (none announced yet).",
        "nkp 2.15|NKP 2.15: expired|",
        "nkp 2.19|NKP 2.19: unknown|Newer than any line I know: the newest I know is NKP 2.18",
      })
  void withoutTheReportTheOldestOfTheThreeIsPlainlySupported(
      String question, String first, String then) {
    String answer = ask(UNREPORTED, "2026-11-29", question);
    assertThat(answer).as(answer).contains(first);
    if (then != null) {
      assertThat(answer).as(answer).contains(then);
    }
    assertThat(new SupportPolicy(UNREPORTED).supportedOn(LocalDate.parse("2026-11-29")))
        .extracting(l -> l.kommander().toString())
        .containsExactly("2.16", "2.17", "2.18");
  }

  @Test
  void theMatrixAndTheEndOfSupportCellShowTheDoubt() {
    String matrix = ask(TODAY, "2026-11-29", "matrix");
    assertThat(matrix)
        .contains("NKP 2.16: in doubt: may have ended")
        .contains("NKP 2.19: may have shipped, not confirmed")
        .contains("NKP 2.18: supported");
    SupportPolicy policy = new SupportPolicy(TODAY);
    LocalDate today = LocalDate.parse("2026-11-29");
    assertThat(
            Phrases.endOfSupport(
                policy.support(TODAY.line(Product.NKP, Minor.parse("2.16")).orElseThrow(), today)))
        .isEqualTo("may have ended (NKP 2.19 announced, GA not confirmed)");
    assertThat(
            Phrases.endOfSupport(
                policy.support(TODAY.line(Product.NKP, Minor.parse("2.15")).orElseThrow(), today)))
        .isEqualTo("no later than 2026-07-14 (ended)");
  }
}
