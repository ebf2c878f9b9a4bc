package io.kommander.supportbot.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Records each post by key, so nothing is posted twice and nothing is lost across restarts and
 * replicas. A post is recorded (with its content) first, claimed before posting, and marked sent
 * after Slack confirms.
 */
public interface Ledger extends AutoCloseable {
  /** Where a post stands. */
  enum State {
    /** Recorded, not yet tried: claimable. */
    PENDING,
    CLAIMED,
    /** A transient failure gave the claim back: claimable again. */
    RETRY,
    SENT,
    FAILED;

    /** Sent or failed for good: nothing more will be done with the post. */
    public boolean finished() {
      return this == SENT || this == FAILED;
    }
  }

  /**
   * @param post what to post; null once SENT or FAILED (a ledger may drop it then), and in entries
   *     written before posts were stored
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
      int attempts,
      Post post) {
    /** The same entry carrying {@code post}. */
    public Entry withPost(Post post) {
      return new Entry(key, state, owner, updated, slackTs, error, attempts, post);
    }
  }

  Optional<Entry> get(String key);

  /**
   * Records a post as PENDING. True for exactly one caller per key however many race: false means
   * the key was already known (a redelivered event, another replica's announcement). An unfinished
   * entry without its content (from an older version) gets it.
   */
  boolean add(Post post, Instant now);

  /** Claims a PENDING or RETRY key; true for exactly one caller, however many race. */
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

  /**
   * Keys with content that nobody is posting: PENDING since before {@code pendingBefore} (its
   * recorder may have died before trying), RETRY, and CLAIMED before {@code staleBefore}. Oldest
   * first.
   */
  List<String> unfinished(Instant pendingBefore, Instant staleBefore, int limit);

  /** Drops SENT and FAILED entries whose key starts with {@code prefix}, finished before a time. */
  int forget(String prefix, Instant finishedBefore);

  @Override
  default void close() {}
}
