package io.kommander.supportbot.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.catalog.CatalogLoader;
import io.kommander.supportbot.policy.Answer.LineAnswer;
import io.kommander.supportbot.policy.Answer.MatrixAnswer;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SupportPolicyTest {
  private static final SupportPolicy PLANNED = new SupportPolicy(TestCatalogs.withPlanned());
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  private static LineAnswer kommander(SupportPolicy policy, String version, LocalDate day) {
    return policy.status(Product.KOMMANDER, Version.parse(version), day);
  }

  @Test
  void supportRunsUntilThePlannedReleaseThreeLinesNewer() {
    LineAnswer a = kommander(PLANNED, "2.15", TODAY);
    assertThat(a.support())
        .isInstanceOfSatisfying(
            Support.Supported.class,
            s -> {
              assertThat(s.ends().orElseThrow().by().kommander()).hasToString("2.18");
              assertThat(s.ends().orElseThrow().planned()).isTrue();
              assertThat(s.ends().orElseThrow().date()).isEqualTo(LocalDate.of(2027, 1, 15));
              assertThat(s.endsSoon()).isFalse();
            });
    assertThat(kommander(PLANNED, "2.15", LocalDate.of(2026, 12, 16)).support())
        .isInstanceOfSatisfying(Support.Supported.class, s -> assertThat(s.endsSoon()).isTrue());
  }

  @Test
  void anUnscheduledSuccessorIsNamedWithoutADate() {
    LineAnswer a = kommander(PLANNED, "2.16", TODAY);
    assertThat(a.support())
        .isInstanceOfSatisfying(
            Support.Supported.class,
            s -> {
              assertThat(s.ends().orElseThrow().by().kommander()).hasToString("2.19");
              assertThat(s.ends().orElseThrow().when()).isEmpty();
              assertThat(s.endsSoon()).isFalse();
            });
    assertThat(kommander(PLANNED, "2.17", TODAY).support())
        .isInstanceOfSatisfying(Support.Supported.class, s -> assertThat(s.ends()).isEmpty());
  }

  @Test
  void aPlannedLineIsNotReleasedUntilItsDate() {
    assertThat(kommander(PLANNED, "2.18", TODAY).support())
        .isInstanceOf(Support.NotYetReleased.class);
    assertThat(kommander(PLANNED, "2.19", LocalDate.of(2099, 1, 1)).support())
        .isInstanceOf(Support.NotYetReleased.class);
  }

  @ParameterizedTest(name = "Kommander {0} is unknown")
  @CsvSource({"1.5", "1.9", "2.20", "4.0"})
  void versionsOutsideTheCatalogAreUnknownAndTheKnownLinesAreListed(String version) {
    assertThat(kommander(PLANNED, version, TODAY).support())
        .isInstanceOfSatisfying(Support.Unknown.class, u -> assertThat(u.known()).hasSize(21));
  }

  @ParameterizedTest(name = "{0}: newer than every line -> {1}")
  @CsvSource({"2.18, true", "2.20, true", "4.0, true", "1.9, false", "1.5, false"})
  void anUnknownVersionNewerThanTheCatalogNamesTheNewestLine(String version, boolean newer) {
    SupportPolicy shipped = new SupportPolicy(TestCatalogs.april());
    assertThat(kommander(shipped, version, TODAY).support())
        .isInstanceOfSatisfying(
            Support.Unknown.class,
            u ->
                assertThat(u.newest().map(n -> n.kommander().toString()))
                    .isEqualTo(newer ? java.util.Optional.of("2.17") : java.util.Optional.empty()));
  }

  @ParameterizedTest(name = "{0} was never released; next: {1}")
  @CsvSource({"2.9, 2.12", "2.10, 2.12", "2.11.1, 2.12", "3.0, ''"})
  void skippedNumbersAreNeverReleasedAndNameWhatCameNext(String version, String next) {
    for (Product name : Product.values()) {
      assertThat(PLANNED.status(name, Version.parse(version), TODAY).support())
          .isInstanceOfSatisfying(
              Support.NeverReleased.class,
              n -> {
                assertThat(n.why().note()).isNotBlank();
                assertThat(n.next().map(l -> l.kommander().toString()).orElse("")).isEqualTo(next);
              });
    }
  }

  @Test
  void aPatchTheCatalogKnowsButNotYetOutIsNotCalledATypo() {
    LineAnswer a = kommander(PLANNED, "2.17.1", LocalDate.of(2026, 1, 1));
    assertThat(a.upgrade().patchCheck()).isEqualTo(PatchCheck.NOT_OUT_YET);
    assertThat(a.upgrade().linePatch().orElseThrow().version()).hasToString("2.17.0");
  }

  @Test
  void theLatestPatchIsTheNewestOutOnTheDayNotTheNewestKnown() {
    LineAnswer a = kommander(PLANNED, "2.13", LocalDate.of(2025, 2, 1));
    assertThat(a.upgrade().linePatch().orElseThrow().version()).hasToString("2.13.1");
    assertThat(kommander(PLANNED, "2.13", TODAY).upgrade().linePatch().orElseThrow().version())
        .hasToString("2.13.3");
  }

  @Test
  void linesOlderThanTheCatalogAreOutOfSupportOnceTheWindowIsFull() {
    assertThat(kommander(PLANNED, "1.0", TODAY).support()).isInstanceOf(Support.Predates.class);
    assertThat(kommander(PLANNED, "0.9", LocalDate.of(2021, 2, 10)).support())
        .isInstanceOf(Support.Predates.class);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "1.4.4, LATEST",
    "1.4.1, BEHIND",
    "1.4.9, NEWER_THAN_KNOWN",
    "1.4, NOT_ASKED",
    "2.0.3, LATEST_UNKNOWN"
  })
  void patchesAreComparedWithTheLatestKnownPatch(String version, PatchCheck expected) {
    assertThat(kommander(PLANNED, version, TODAY).upgrade().patchCheck()).isEqualTo(expected);
  }

  @Test
  void patchesReleasedAfterTheDayAskedAboutAreNotAdvised() {
    LineAnswer a = kommander(PLANNED, "1.4.2", LocalDate.of(2021, 6, 1));
    assertThat(a.upgrade().linePatch()).isEmpty();
    assertThat(a.upgrade().patchCheck()).isEqualTo(PatchCheck.LATEST_UNKNOWN);
  }

  @Test
  void konvoyQuestionsAnswerForThePairedLine() {
    LineAnswer a = PLANNED.status(Product.KONVOY, Version.parse("1.8.2"), LocalDate.of(2022, 3, 1));
    assertThat(a.line().orElseThrow().kommander()).hasToString("1.4");
    assertThat(a.support()).isInstanceOf(Support.Supported.class);
    assertThat(a.upgrade().linePatch().orElseThrow().version()).hasToString("1.8.5");
  }

  @Test
  void theWindowIsASettingNotAConstant() {
    String text = TestCatalogs.aprilText().replace("window: 3", "window: 2");
    SupportPolicy n1 = new SupportPolicy(new CatalogLoader().parse("n-1.yaml", text));
    assertThat(n1.supportedOn(TODAY).stream().map(l -> l.kommander().toString()))
        .containsExactly("2.16", "2.17");
    assertThat(kommander(n1, "2.15", TODAY).support())
        .isInstanceOfSatisfying(
            Support.Expired.class, e -> assertThat(e.ended().by().kommander()).hasToString("2.17"));
  }

  @Test
  void theMatrixListsEveryLineNewestFirstWithItsStatus() {
    MatrixAnswer m = PLANNED.matrix(TODAY);
    assertThat(m.lines().stream().map(l -> l.asked().toString()))
        .containsExactly(
            "2.19", "2.18", "2.17", "2.16", "2.15", "2.14", "2.13", "2.12", "2.8", "2.7", "2.6",
            "2.5", "2.4", "2.3", "2.2", "2.1", "2.0", "1.4", "1.3", "1.2", "1.1");
    assertThat(m.supported().stream().map(l -> l.asked().toString()))
        .containsExactly("2.17", "2.16", "2.15");
    assertThat(m.lines().stream().map(l -> l.product().displayName()).distinct())
        .containsExactly("NKP", "DKP", "Kommander");
  }

  @ParameterizedTest(name = "on {0}: review stale {1}, release stale {2}")
  @CsvSource({
    // The cadence is the longest of the last 5 gaps: 2.15 -> 2.16, 114 days. The review on
    // 2026-04-30 vouches that nothing newer had shipped by then, so the cadence counts from it.
    "2026-04-17, false, false", // 2.17 + 115 days, but before the review
    "2026-08-22, false, false", // review + 114 days
    "2026-08-23, false, true",
    "2026-08-28, false, true", // review + 120 days
    "2026-08-29, true, true",
    "2025-06-01, false, false"
  })
  void freshnessFollowsTheReviewAndTheReleaseCadence(
      LocalDate day, boolean reviewStale, boolean releaseStale) {
    Freshness f = new SupportPolicy(TestCatalogs.april()).freshness(day);
    assertThat(f.cadenceDays()).isEqualTo(114);
    assertThat(f.newest().label()).isEqualTo("NKP 2.17");
    assertThat(f.reviewStale()).isEqualTo(reviewStale);
    assertThat(f.releaseStale()).isEqualTo(releaseStale);
    assertThat(f.stale()).isEqualTo(reviewStale || releaseStale);
  }

  @Test
  void theLineAStaleCatalogWouldLoseIsTheOldestSupported() {
    SupportPolicy shipped = new SupportPolicy(TestCatalogs.april());
    assertThat(shipped.freshness(TODAY).nextToDrop().orElseThrow().label()).isEqualTo("NKP 2.15");
    assertThat(shipped.eraOn(TODAY).owner()).isEqualTo("Nutanix");
    assertThat(shipped.eraOn(LocalDate.of(2024, 8, 27)).name()).isEqualTo("DKP");
    assertThat(shipped.eraOn(LocalDate.of(2022, 4, 7)).name()).isEqualTo("Kommander");
  }
}
