package io.kommander.supportbot.delivery;

import io.kommander.supportbot.delivery.Ledger.Entry;
import java.util.Optional;

/**
 * What became of a post after {@link Outbox#sendAndReport}: whether that call recorded it, and its
 * entry after this replica's attempt (empty if the ledger lost it).
 */
public record Attempt(boolean recorded, Optional<Entry> entry) {
  /** Slack's error when the post failed for good, such as {@code not_in_channel}. */
  public Optional<String> failure() {
    return entry.filter(e -> e.state() == Ledger.State.FAILED).map(Entry::error);
  }

  public boolean sent() {
    return entry.filter(e -> e.state() == Ledger.State.SENT).isPresent();
  }
}
