package io.kommander.supportbot.announce;

import io.kommander.supportbot.policy.SupportEnd;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One announcement due at {@code due}: a warning {@code leadDays} before a support end, or the
 * day-of notice ({@code leadDays == 0}).
 */
public record Announcement(SupportEnd end, int leadDays, Instant due) {
  public boolean dayOf() {
    return leadDays == 0;
  }

  /**
   * The day-of post of an end the catalog learned of only after it had passed (a release found
   * late): due the day it was learned, and it says so.
   */
  public boolean discovered() {
    return dayOf() && end.learnedLate();
  }

  /**
   * The line whose support ends, as subscriptions name it: its Kommander minor ({@code 2.16}; DKP
   * and NKP number their lines the same).
   */
  public String line() {
    return end.line().kommander().toString();
  }

  public LocalDate endDate() {
    return end.ending().date();
  }

  /**
   * The ledger key: kind, line, channel and date. Stable across restarts and replicas, and across
   * catalog edits that do not move the date (a moved date is a new announcement).
   */
  public String key(String channel) {
    return (dayOf() ? "ended" : "ends-in-" + leadDays + "d")
        + ":kommander-"
        + line()
        + ":"
        + channel
        + ":"
        + endDate();
  }
}
