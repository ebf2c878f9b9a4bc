package io.kommander.supportbot.delivery;

import io.kommander.supportbot.delivery.Ledger.Entry;
import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * A ledger's entries by key, least recently changed first, and bounded: past {@link #MAX_ENTRIES}
 * the least recently changed finished replies are forgotten. Slack delivers an app at most 30,000
 * events an hour per workspace and retries one three times, the last 5 minutes after the first, so
 * the bound holds 40 minutes of replies at Slack's limit while a flood (or a load test) cannot fill
 * the heap (~300 bytes an entry). Announcements and unfinished posts are never forgotten here.
 */
final class RecentEntries extends LinkedHashMap<String, Entry> {
  private static final long serialVersionUID = 1L;

  static final int MAX_ENTRIES = 20_000;

  /** Entries looked at per change: a change adds at most one entry. */
  private static final int LOOK_PER_CHANGE = 64;

  /** {@code e} as the most recently changed entry, then down to the bound. */
  void change(Entry e) {
    remove(e.key());
    put(e.key(), e);
    forgetOldestReplies(LOOK_PER_CHANGE);
  }

  /**
   * Forgets the least recently changed finished replies, looking at no more than {@code look}
   * entries, until at most {@link #MAX_ENTRIES} are left.
   */
  void forgetOldestReplies(int look) {
    Iterator<Entry> oldest = values().iterator();
    for (int i = 0; i < look && size() > MAX_ENTRIES && oldest.hasNext(); i++) {
      Entry e = oldest.next();
      if (e.key().startsWith(Outbox.REPLY) && e.state().finished()) {
        oldest.remove();
      }
    }
  }
}
