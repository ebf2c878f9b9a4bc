package io.kommander.supportbot.announce;

import static org.assertj.core.api.Assertions.assertThat;

import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.policy.SupportPolicy;
import java.time.Instant;
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
}
