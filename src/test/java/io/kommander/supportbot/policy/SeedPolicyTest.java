package io.kommander.supportbot.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.policy.Answer.CompatibilityAnswer;
import io.kommander.supportbot.policy.Answer.LineAnswer;
import io.kommander.supportbot.policy.Answer.Verdict;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every sentence of the seed's Version Support Policy, checked against the shipped catalog. */
class SeedPolicyTest {
  private static final SupportPolicy POLICY = new SupportPolicy(TestCatalogs.april());

  /** 2.0 shipped 2021-08-26 and 2.1 on 2021-11-19: between them, 2.0 is the latest. */
  private static final LocalDate TWO_ZERO_LATEST = LocalDate.of(2021, 9, 1);

  private static final LocalDate TWO_ONE_RELEASED = LocalDate.of(2021, 11, 19);

  private static List<String> supported(LocalDate date) {
    return POLICY.supportedOn(date).stream().map(l -> l.kommander().toString()).toList();
  }

  @Test
  void withTwoZeroCurrentTwoZeroOneFourAndOneThreeAreSupported() {
    assertThat(supported(TWO_ZERO_LATEST)).containsExactly("1.3", "1.4", "2.0");
  }

  @ParameterizedTest(name = "all patch versions of the supported lines: {0}")
  @CsvSource({"2.0.0", "2.0.7", "1.4.0", "1.4.4", "1.3.0", "1.3.1", "1.3.4", "1.4"})
  void allPatchVersionsOfSupportedLinesAreSupported(String version) {
    LineAnswer a = POLICY.status(Product.KOMMANDER, Version.parse(version), TWO_ZERO_LATEST);
    assertThat(a.support()).isInstanceOf(Support.Supported.class);
  }

  @Test
  void whenTwoOneReleasesTwoZeroAndOneFourStayAndOneThreeExpires() {
    assertThat(supported(TWO_ONE_RELEASED)).containsExactly("1.4", "2.0", "2.1");
    LineAnswer a = POLICY.status(Product.KOMMANDER, Version.parse("1.3.4"), TWO_ONE_RELEASED);
    assertThat(a.support())
        .isInstanceOfSatisfying(
            Support.Expired.class,
            e -> {
              assertThat(e.ended().by().kommander()).hasToString("2.1");
              assertThat(e.ended().date()).isEqualTo(TWO_ONE_RELEASED);
            });
  }

  @Test
  void theDayBeforeTwoOneOneThreeIsSupportedAndEndsSoonWithTwoOne() {
    LineAnswer a =
        POLICY.status(Product.KOMMANDER, Version.parse("1.3"), TWO_ONE_RELEASED.minusDays(1));
    assertThat(a.support())
        .isInstanceOfSatisfying(
            Support.Supported.class,
            s -> {
              assertThat(s.endsSoon()).isTrue();
              assertThat(s.ends().orElseThrow().by().kommander()).hasToString("2.1");
              assertThat(s.ends().orElseThrow().date()).isEqualTo(TWO_ONE_RELEASED);
            });
  }

  @ParameterizedTest(name = "Konvoy {0} pairs with Kommander {1}")
  @CsvSource({"2.1, 2.1", "2.0, 2.0", "1.8, 1.4", "1.7, 1.3"})
  void theChartPairsKonvoyAndKommanderBothWays(String konvoy, String kommander) {
    Catalog catalog = POLICY.catalog();
    assertThat(catalog.line(Product.KONVOY, Minor.parse(konvoy)).orElseThrow().kommander())
        .isEqualTo(Minor.parse(kommander));
    assertThat(catalog.line(Product.KOMMANDER, Minor.parse(kommander)).orElseThrow().konvoy())
        .isEqualTo(Minor.parse(konvoy));
  }

  @ParameterizedTest(name = "Kommander {0} deploys on any Konvoy {1}")
  @CsvSource({"1.3.0, 1.7.0", "1.3.1, 1.7.5", "1.3, 1.7.3", "1.4.4, 1.8.0"})
  void everyPatchOfAPairDeploysOnEveryPatchOfItsPartner(String kommander, String konvoy) {
    CompatibilityAnswer c =
        POLICY.compatibility(Version.parse(kommander), Version.parse(konvoy), TWO_ZERO_LATEST);
    assertThat(c.verdict()).isEqualTo(Verdict.SUPPORTED);
  }

  @ParameterizedTest(name = "Kommander {0} on Konvoy {1} is refused; they pair with {2} and {3}")
  @CsvSource({"1.2, 1.7, 1.6, 1.3", "1.1, 1.6, 1.5, 1.2", "1.2.3, 1.7.5, 1.6, 1.3"})
  void mixingMinorVersionsIsProhibited(
      String kommander, String konvoy, String rightKonvoy, String rightKommander) {
    for (LocalDate day :
        List.of(TWO_ZERO_LATEST, LocalDate.of(2021, 3, 1), LocalDate.of(2030, 1, 1))) {
      CompatibilityAnswer c =
          POLICY.compatibility(Version.parse(kommander), Version.parse(konvoy), day);
      assertThat(c.verdict()).isEqualTo(Verdict.MIXED_MINORS);
      assertThat(c.kommanderLine().orElseThrow().konvoy()).hasToString(rightKonvoy);
      assertThat(c.konvoyLine().orElseThrow().kommander()).hasToString(rightKommander);
    }
  }

  @Test
  void aPairedButExpiredLineIsRefusedForItsStatusNotItsPairing() {
    CompatibilityAnswer c =
        POLICY.compatibility(Version.parse("1.3"), Version.parse("1.7"), TWO_ONE_RELEASED);
    assertThat(c.verdict()).isEqualTo(Verdict.PAIRED_NOT_SUPPORTED);
    assertThat(c.pairStatus().orElseThrow().support()).isInstanceOf(Support.Expired.class);
  }

  @Test
  void featuresInPatchesPointToTheLatestPatch() {
    LineAnswer a =
        POLICY.status(Product.KOMMANDER, Version.parse("1.4.2"), LocalDate.of(2022, 3, 1));
    assertThat(a.upgrade().patchCheck()).isEqualTo(PatchCheck.BEHIND);
    assertThat(a.upgrade().linePatch().orElseThrow().version()).hasToString("1.4.4");
    assertThat(a.upgrade().newestLine().orElseThrow().kommander()).hasToString("2.1");
  }

  @Test
  void experimentalComponentsGetSeverityFourOnlyAndNeverProduction() {
    ExperimentalTerms t = POLICY.catalog().experimental();
    assertThat(t.severity()).isEqualTo(4);
    assertThat(t.production()).isFalse();
    assertThat(t.services())
        .containsExactly(
            "General operational guidance for the Experimental component.",
            "Identifying and diagnosing of errors in configuration or implementation, if possible.",
            "Advice on preventing and recovering from failures and troubleshooting, as available.");
  }

  @ParameterizedTest(name = "secondary support: {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Configuration|Supported with severity 3 & 4 support terms",
        "Failure Assistance|Supported with all severities",
        "Bug Fixes|RCA supported with all severities, Fix supported with severity 3 & 4 support terms",
        "Documentation errors|Supported with severity 4 support terms"
      })
  void secondarySupportTableMatchesTheSeed(String type, String support) {
    assertThat(POLICY.catalog().secondary().types())
        .filteredOn(t -> t.type().equals(type))
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.support()).isEqualTo(support);
              assertThat(t.scope()).isNotEmpty();
            });
  }
}
