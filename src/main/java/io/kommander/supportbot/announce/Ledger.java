package io.kommander.supportbot.announce;

import java.time.Instant;
import java.util.Optional;

/**
 * Records each announcement delivery by key, so nothing is posted twice and nothing is lost across
 * restarts and replicas. A delivery is claimed before posting and marked sent after Slack confirms.
 */
public interface Ledger extends AutoCloseable {
  /** Where a delivery stands. */
  enum State {
    CLAIMED,
    /** A transient failure gave the claim back: claimable again. */
    RETRY,
    SENT,
    FAILED
  }

  /**
   * @param owner the claiming process
   * @param attempts posts tried so far (transient failures release the claim and count here)
   */
  record Entry(
      String key,
      State state,
      String owner,
      Instant updated,
      String slackTs,
      String error,
      int attempts) {}

  Optional<Entry> get(String key);

  /** Claims an unrecorded (or RETRY) key; true for exactly one caller, however many race. */
  boolean claim(String key, String owner, Instant now);

  /**
   * Takes over a claim left by a process that died (claimed before {@code staleBefore}); true for
   * exactly one caller.
   */
  boolean takeOver(String key, String owner, Instant staleBefore, Instant now);

  void sent(String key, String slackTs, Instant now);

  /** A failure that retrying will not fix (channel_not_found, not_in_channel, invalid_auth…). */
  void failed(String key, String error, Instant now);

  /** Gives a claim back after a transient failure, so a later look retries it. */
  void release(String key, String error, Instant now);

  @Override
  default void close() {}
}
