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
    LineAnswer a = kommander(PLANNED, "2.0", TODAY);
    assertThat(a.support())
        .isInstanceOfSatisfying(
            Support.Supported.class,
            s -> {
              assertThat(s.ends().orElseThrow().by().kommander()).hasToString("2.3");
              assertThat(s.ends().orElseThrow().planned()).isTrue();
              assertThat(s.ends().orElseThrow().date()).isEqualTo(LocalDate.of(2027, 1, 15));
              assertThat(s.endsSoon()).isFalse();
            });
    assertThat(kommander(PLANNED, "2.0", LocalDate.of(2026, 12, 16)).support())
        .isInstanceOfSatisfying(Support.Supported.class, s -> assertThat(s.endsSoon()).isTrue());
  }

  @Test
  void anUnscheduledSuccessorIsNamedWithoutADate() {
    LineAnswer a = kommander(PLANNED, "2.1", TODAY);
    assertThat(a.support())
        .isInstanceOfSatisfying(
            Support.Supported.class,
            s -> {
              assertThat(s.ends().orElseThrow().by().kommander()).hasToString("2.4");
              assertThat(s.ends().orElseThrow().when()).isEmpty();
              assertThat(s.endsSoon()).isFalse();
            });
    assertThat(kommander(PLANNED, "2.2", TODAY).support())
        .isInstanceOfSatisfying(Support.Supported.class, s -> assertThat(s.ends()).isEmpty());
  }

  @Test
  void aPlannedLineIsNotReleasedUntilItsDate() {
    assertThat(kommander(PLANNED, "2.3", TODAY).support())
        .isInstanceOf(Support.NotYetReleased.class);
    assertThat(kommander(PLANNED, "2.4", LocalDate.of(2099, 1, 1)).support())
        .isInstanceOf(Support.NotYetReleased.class);
  }

  @ParameterizedTest(name = "Kommander {0} is unknown")
  @CsvSource({"1.5", "1.9", "3.0", "2.5"})
  void versionsOutsideTheCatalogAreUnknownAndTheKnownLinesAreListed(String version) {
    assertThat(kommander(PLANNED, version, TODAY).support())
        .isInstanceOfSatisfying(Support.Unknown.class, u -> assertThat(u.known()).hasSize(9));
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
    String text = TestCatalogs.shippedText().replace("window: 3", "window: 2");
    SupportPolicy n1 = new SupportPolicy(new CatalogLoader().parse("n-1.yaml", text));
    assertThat(n1.supportedOn(TODAY).stream().map(l -> l.kommander().toString()))
        .containsExactly("2.1", "2.2");
    assertThat(kommander(n1, "2.0", TODAY).support())
        .isInstanceOfSatisfying(
            Support.Expired.class, e -> assertThat(e.ended().by().kommander()).hasToString("2.2"));
  }

  @Test
  void theMatrixListsEveryLineNewestFirstWithItsStatus() {
    MatrixAnswer m = PLANNED.matrix(TODAY);
    assertThat(m.lines().stream().map(l -> l.asked().toString()))
        .containsExactly("2.4", "2.3", "2.2", "2.1", "2.0", "1.4", "1.3", "1.2", "1.1");
    assertThat(m.supported().stream().map(l -> l.asked().toString()))
        .containsExactly("2.2", "2.1", "2.0");
  }
}
