package io.kommander.supportbot.announce;

import io.kommander.supportbot.policy.SupportEnd;
import io.kommander.supportbot.policy.SupportPolicy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Which announcements the catalog calls for, recomputed from the catalog on every look. */
public final class AnnouncementPlanner {
  private final AnnouncementSettings settings;

  public AnnouncementPlanner(AnnouncementSettings settings) {
    this.settings = settings;
  }

  /**
   * Announcements not yet too late at {@code now}, soonest first. A warning is dropped once a later
   * announcement of the same end is due too: nobody needs "30 days left" after "7 days left".
   */
  public List<Announcement> plan(SupportPolicy policy, Instant now) {
    Instant oldest = now.minus(settings.maxLate());
    List<Announcement> out = new ArrayList<>();
    for (SupportEnd end : policy.endingsFrom(LocalDate.MIN)) {
      List<Announcement> forEnd = posts(end);
      for (int i = 0; i < forEnd.size(); i++) {
        Announcement a = forEnd.get(i);
        boolean superseded = i + 1 < forEnd.size() && !forEnd.get(i + 1).due().isAfter(now);
        if (!superseded && !a.due().isBefore(oldest)) {
          out.add(a);
        }
      }
    }
    out.sort(Comparator.comparing(Announcement::due));
    return out;
  }

  /** The next one due after {@code now}, for "/kommander-support announcements" and the timer. */
  public List<Announcement> upcoming(SupportPolicy policy, Instant now) {
    return plan(policy, now).stream().filter(a -> a.due().isAfter(now)).toList();
  }

  /**
   * The posts one end calls for, in order: a warning per lead, then the day-of post. An end the
   * catalog learned of only after its day (a release found late, by an edit or the upstream
   * watcher) gets the day-of post alone, due the day it was learned.
   */
  public List<Announcement> posts(SupportEnd end) {
    if (end.learnedLate()) {
      return List.of(announcement(end, end.ending().by().learned(), 0));
    }
    List<Announcement> out = new ArrayList<>();
    for (int lead : settings.leadDays()) {
      out.add(announcement(end, end.ending().date().minusDays(lead), lead));
    }
    out.add(announcement(end, end.ending().date(), 0));
    return out;
  }

  private Announcement announcement(SupportEnd end, LocalDate day, int leadDays) {
    return new Announcement(
        end, leadDays, day.atTime(settings.time()).atZone(settings.zone()).toInstant());
  }
}
