package io.kommander.supportbot.announce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.policy.Catalog;
import io.kommander.supportbot.policy.FoundRelease;
import io.kommander.supportbot.policy.ProvisionalReleases;
import io.kommander.supportbot.policy.SupportPolicy;
import io.kommander.supportbot.policy.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which posts the catalog calls for at a moment: leads, the day of, supersession, lateness. */
class AnnouncementPlannerTest {
  static final SupportPolicy POLICY = new SupportPolicy(TestCatalogs.withPlanned());
  static final AnnouncementPlanner PLANNER =
      new AnnouncementPlanner(AnnouncementFixture.settings("C0ANNOUNCE1"));

  static List<String> keys(Instant now) {
    return PLANNER.plan(POLICY, now).stream().map(a -> a.key("C")).toList();
  }

  @Test
  void beforeTheFirstWarningAllThreePostsArePlannedSoonestFirst() {
    assertThat(keys(Instant.parse("2026-12-01T00:00:00Z")))
        .containsExactly(
            "ends-in-30d:kommander-2.15:C:2027-01-15",
            "ends-in-7d:kommander-2.15:C:2027-01-15",
            "ended:kommander-2.15:C:2027-01-15");
  }

  @Test
  void aWarningIsDroppedOnceALaterPostIsDue() {
    // The 7-day warning is due (2027-01-08 09:00): the 30-day one is no longer news.
    assertThat(keys(Instant.parse("2027-01-08T10:00:00Z")))
        .containsExactly(
            "ends-in-7d:kommander-2.15:C:2027-01-15", "ended:kommander-2.15:C:2027-01-15");
    assertThat(PLANNER.upcoming(POLICY, Instant.parse("2027-01-08T10:00:00Z")))
        .extracting(Announcement::dayOf)
        .containsExactly(true);
  }

  @Test
  void postsOlderThanTheMaximumLatenessAreNotPlanned() {
    // maxLate is 3 days: on 2027-01-18 10:00 the day-of post (2027-01-15 09:00) is too old.
    assertThat(keys(Instant.parse("2027-01-18T08:00:00Z")))
        .containsExactly("ended:kommander-2.15:C:2027-01-15");
    assertThat(keys(Instant.parse("2027-01-18T10:00:00Z"))).isEmpty();
  }

  @Test
  void anEndLearnedOfAfterItsDayGetsOneDayOfPostDueTheDayItWasLearned() {
    // The catalog learned of NKP 2.18 (GA no later than 2026-07-14) on 2026-11-29.
    SupportPolicy today = new SupportPolicy(TestCatalogs.shipped());
    assertThat(PLANNER.plan(today, Instant.parse("2026-11-29T10:00:00Z")))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.key("C")).isEqualTo("ended:kommander-2.15:C:2026-07-14");
              assertThat(a.due()).isEqualTo(Instant.parse("2026-11-29T09:00:00Z"));
              assertThat(a.discovered()).isTrue();
            });
    // Still owed within the maximum lateness, then no longer.
    assertThat(PLANNER.plan(today, Instant.parse("2026-12-02T08:00:00Z"))).hasSize(1);
    assertThat(PLANNER.plan(today, Instant.parse("2026-12-02T10:00:00Z"))).isEmpty();
  }

  @Test
  void aReleaseTheWatcherFindsLateAnnouncesTheEndItBroughtTheDayItWasFound() {
    // The April catalog knows nothing newer than NKP 2.17; upstream shows v2.18.0 on 2026-11-29.
    Catalog found =
        ProvisionalReleases.merge(
                TestCatalogs.april(),
                List.of(
                    new FoundRelease(
                        Version.parse("2.18.0"),
                        LocalDate.parse("2026-05-19"),
                        LocalDate.parse("2026-11-29"))))
            .catalog();
    assertThat(PLANNER.plan(new SupportPolicy(found), Instant.parse("2026-11-29T09:30:00Z")))
        .extracting(a -> a.key("C"), Announcement::discovered)
        .containsExactly(tuple("ended:kommander-2.15:C:2026-05-19", true));
    // Without the find, nothing is owed.
    assertThat(
            PLANNER.plan(
                new SupportPolicy(TestCatalogs.april()), Instant.parse("2026-11-29T09:30:00Z")))
        .isEmpty();
  }

  @Test
  void anEndLearnedOfBeforeItsDayIsAnnouncedAsUsual() {
    assertThat(PLANNER.plan(POLICY, Instant.parse("2026-12-01T00:00:00Z")))
        .noneMatch(Announcement::discovered);
  }
}
