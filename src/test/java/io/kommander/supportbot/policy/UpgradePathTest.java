package io.kommander.supportbot.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.policy.Answer.UpgradePathAnswer;
import io.kommander.supportbot.policy.Question.AboutLine;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Upgrade paths: every hop of the catalog, the special steps, refused skips, and time travel. */
class UpgradePathTest {
  private static final Catalog CATALOG = TestCatalogs.april();
  private static final SupportPolicy POLICY = new SupportPolicy(CATALOG);
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  private static AboutLine line(String text) {
    String[] parts = text.split(" ");
    return parts.length == 1
        ? new AboutLine(Product.KOMMANDER, Version.parse(parts[0]), false)
        : new AboutLine(Product.valueOf(parts[0].toUpperCase()), Version.parse(parts[1]));
  }

  private static UpgradePathAnswer path(String from, String to, boolean direct, LocalDate day) {
    return POLICY.upgradePath(
        line(from), to.isEmpty() ? Optional.empty() : Optional.of(line(to)), direct, day);
  }

  private static List<String> landings(UpgradePathAnswer p) {
    return p.steps().stream().map(s -> s.landing().line().orElseThrow().label()).toList();
  }

  static Stream<UpgradeHop> hops() {
    return CATALOG.upgrades().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hops")
  void everyHopOfTheCatalogIsAllowedStraightAndOnlyItself(UpgradeHop hop) {
    UpgradePathAnswer p = path(hop.from().toString(), hop.to().toString(), true, TODAY);
    assertThat(p.outcome()).isEqualTo(PathOutcome.DIRECT_ALLOWED);
    assertThat(p.steps()).extracting(UpgradePathAnswer.Step::hop).containsExactly(hop);
  }

  @Test
  void konvoyOneEightIsAdoptedIntoDkpTwoOneFromAtLeastOneEightThree() {
    UpgradePathAnswer p = path("konvoy 1.8", "kommander 2.1", false, TODAY);
    assertThat(p.outcome()).isEqualTo(PathOutcome.PATH);
    UpgradeHop adopt = p.steps().get(0).hop();
    assertThat(adopt.kind()).isEqualTo(UpgradeHop.Kind.ADOPT);
    assertThat(adopt.minPatch()).hasToString("1.8.3");
    assertThat(adopt.evidence()).isEqualTo(UpgradeHop.Evidence.DOCUMENTED);
    // 1.8 cannot be adopted by 2.2: the path goes through 2.1.
    assertThat(landings(path("konvoy 1.8", "dkp 2.2", true, TODAY)))
        .containsExactly("Kommander 2.1 / Konvoy 2.1", "DKP 2.2");
  }

  @Test
  void dkpTwoEightIsTheOnlyWayIntoNkpTwoTwelve() {
    assertThat(path("2.8", "2.12", true, TODAY).steps().get(0).hop().kind())
        .isEqualTo(UpgradeHop.Kind.RENAME);
    for (String from : List.of("2.5", "2.6", "2.7")) {
      UpgradePathAnswer p = path("dkp " + from, "nkp 2.12", true, TODAY);
      assertThat(p.outcome()).as(from).isEqualTo(PathOutcome.DIRECT_REFUSED);
      assertThat(landings(p)).as(from).endsWith("DKP 2.8", "NKP 2.12");
    }
  }

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "dkp 2.5|nkp 2.17|DKP 2.6,DKP 2.7,DKP 2.8,NKP 2.12,NKP 2.13,NKP 2.14,NKP 2.15,NKP 2.16,NKP 2.17|6",
        "2.14.1||NKP 2.15,NKP 2.16,NKP 2.17|0",
        "2.15|2.17|NKP 2.16,NKP 2.17|-1",
        "konvoy 1.8||Kommander 2.1 / Konvoy 2.1,DKP 2.2,DKP 2.3,DKP 2.4,DKP 2.5,DKP 2.6,DKP 2.7,DKP 2.8,NKP 2.12,NKP 2.13,NKP 2.14,NKP 2.15,NKP 2.16,NKP 2.17|11",
      })
  void pathsGoOneMinorAtATimeAndSayWhereSupportResumes(
      String from, String to, String expected, int backInSupport) {
    UpgradePathAnswer p = path(from, to == null ? "" : to, false, TODAY);
    assertThat(p.outcome()).isEqualTo(PathOutcome.PATH);
    assertThat(landings(p)).containsExactly(expected.split(","));
    assertThat(p.backInSupport()).isEqualTo(backInSupport);
  }

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1.9|2.17|UNKNOWN_FROM",
        "2.10||UNKNOWN_FROM",
        "2.5|2.18|UNKNOWN_TO",
        "2.5|2.9|UNKNOWN_TO",
        "2.15|2.13|NOT_NEWER",
        "2.17||ALREADY_THERE",
        "2.16.0|2.16|ALREADY_THERE",
      })
  void impossibleQuestionsSayWhy(String from, String to, PathOutcome outcome) {
    UpgradePathAnswer p = path(from, to == null ? "" : to, false, TODAY);
    assertThat(p.outcome()).isEqualTo(outcome);
    assertThat(p.steps()).isEmpty();
  }

  @Test
  void onAPastDayThePathStopsAtWhatHadShipped() {
    UpgradePathAnswer p = path("2.5", "", false, LocalDate.of(2024, 6, 1));
    assertThat(landings(p)).containsExactly("DKP 2.6", "DKP 2.7", "DKP 2.8");
    assertThat(p.steps().get(1).landing().upgrade().linePatch().orElseThrow().version())
        .hasToString("2.7.1"); // 2.7.2 shipped on 2024-06-06
    assertThat(path("2.5", "2.12", false, LocalDate.of(2024, 6, 1)).outcome())
        .isEqualTo(PathOutcome.NOT_RELEASED);
  }

  @Test
  void statusAdviceNamesTheNextHopNotJustTheNewestLine() {
    Upgrade u = POLICY.status(Product.DKP, Version.parse("2.2"), TODAY).upgrade();
    assertThat(u.nextHop().orElseThrow().label()).isEqualTo("DKP 2.3");
    assertThat(u.hopsToNewest()).isEqualTo(12);
    Upgrade newest = POLICY.status(Product.NKP, Version.parse("2.16"), TODAY).upgrade();
    assertThat(newest.nextHop().orElseThrow().label()).isEqualTo("NKP 2.17");
    assertThat(newest.hopsToNewest()).isEqualTo(1);
  }

  @Property(tries = 1000)
  void everyPathIsAChainOfAllowedHopsEndingOnTheTargetWithNothingUnreleased(
      @ForAll("lines") ReleaseLine from,
      @ForAll("lines") ReleaseLine to,
      @ForAll("days") LocalDate day) {
    UpgradePathAnswer p =
        POLICY.upgradePath(
            new AboutLine(from.product(), Version.of(from.kommander())),
            Optional.of(new AboutLine(to.product(), Version.of(to.kommander()))),
            false,
            day);
    if (p.outcome() != PathOutcome.PATH) {
      assertThat(p.steps()).isEmpty();
      return;
    }
    Minor at = from.kommander();
    for (UpgradePathAnswer.Step s : p.steps()) {
      assertThat(CATALOG.upgrades()).contains(s.hop());
      assertThat(s.hop().from()).isEqualTo(at);
      assertThat(s.landing().line().orElseThrow().shippedBy(day)).isTrue();
      s.landing()
          .upgrade()
          .linePatch()
          .ifPresent(patch -> assertThat(patch.date()).isBeforeOrEqualTo(day));
      at = s.hop().to();
    }
    assertThat(at).isEqualTo(to.kommander());
  }

  @Provide
  Arbitrary<ReleaseLine> lines() {
    return Arbitraries.of(CATALOG.lines());
  }

  @Provide
  Arbitrary<LocalDate> days() {
    return Arbitraries.integers().between(0, 2400).map(d -> LocalDate.of(2021, 2, 10).plusDays(d));
  }
}
