package io.kommander.supportbot.slack;

/**
 * Remembers what was already handled, so a Slack event redelivered (to this replica or another) or
 * a share click sent twice is acted on once.
 */
public interface Once {
  /** True for exactly one caller per key, however many race, until the key expires. */
  boolean first(String key);

  /** Gives a key back after a failure that Slack's retry should be able to fix. */
  void forget(String key);
}
