package io.kommander.supportbot.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Records each post by key, so nothing is posted twice and nothing is lost across restarts and
 * replicas. A post is recorded (with its content) first, claimed before posting, and marked sent
 * after Slack confirms.
 *
 * <p>A claim is a lease: it ends at {@link Entry#leaseUntil()} unless its holder renews it, and
 * carries a fencing token that every claim and takeover raises. Whatever the holder does in the
 * post's name afterwards ({@link #renew}, {@link #release}, {@link #failed}) is conditional on
 * owner and token, so a holder whose claim was taken over can change nothing and learns it has lost
 * the post.
 */
public interface Ledger extends AutoCloseable {
  /**
   * How long a claim made by a version before leases lasts: that version's default claim timeout,
   * which was longer than any post could take.
   */
  Duration LEGACY_LEASE = Duration.ofMinutes(3);

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
   * @param updated when the post was recorded, claimed (or taken over) or finished; renewals leave
   *     it, so it is when the holder's work on the post began
   * @param post what to post; null once SENT or FAILED (a ledger may drop it then), and in entries
   *     written before posts were stored
   * @param owner the claiming process
   * @param attempts posts tried so far (transient failures release the claim and count here, as do
   *     takeovers of a lapsed claim)
   * @param fence the fencing token: raised by every claim and takeover
   * @param leaseUntil when the current claim lapses unless renewed; null when nobody holds it (and
   *     in claims made before leases)
   */
  record Entry(
      String key,
      State state,
      String owner,
      Instant updated,
      String slackTs,
      String error,
      int attempts,
      Post post,
      long fence,
      Instant leaseUntil) {
    /** The same entry carrying {@code post}. */
    public Entry withPost(Post post) {
      return new Entry(
          key, state, owner, updated, slackTs, error, attempts, post, fence, leaseUntil);
    }

    /** Claimed by {@code owner} with the next fencing token: claims and takeovers. */
    Entry claimedBy(String by, Instant now, Instant until, int tries) {
      return new Entry(key, State.CLAIMED, by, now, null, error, tries, post, fence + 1, until);
    }

    Entry renewedTo(Instant until) {
      return new Entry(key, state, owner, updated, slackTs, error, attempts, post, fence, until);
    }

    /** Given back after a transient failure: claimable again, the attempt counted. */
    Entry released(String why, Instant now) {
      return new Entry(key, State.RETRY, null, now, null, why, attempts + 1, post, fence, null);
    }

    /**
     * Sent or failed: the attempt counted, and the content dropped (a day of replies kept whole
     * would fill a heap; the key is what stops a second post).
     */
    Entry finished(State end, String ts, String why, Instant now) {
      return new Entry(key, end, owner, now, ts, why, attempts + 1, null, fence, null);
    }

    /** When a claim lapses; a claim from before leases lasts {@link #LEGACY_LEASE}. */
    public Instant leaseEnds() {
      return leaseUntil != null ? leaseUntil : updated.plus(LEGACY_LEASE);
    }

    /** A claim whose lease has run out: its holder is dead or cut off, and it may be taken over. */
    public boolean lapsed(Instant now) {
      return state == State.CLAIMED && leaseEnds().isBefore(now);
    }
  }

  /** A claim held: who holds it and the fencing token it was given. */
  record Claim(String key, String owner, long fence) {}

  Optional<Entry> get(String key);

  /**
   * Records a post as PENDING. True for exactly one caller per key however many race: false means
   * the key was already known (a redelivered event, another replica's announcement). An unfinished
   * entry without its content (from an older version) gets it.
   */
  boolean add(Post post, Instant now);

  /**
   * Claims a PENDING or RETRY key until {@code leaseUntil}, with a new fencing token; present for
   * exactly one caller, however many race.
   */
  Optional<Claim> claim(String key, String owner, Instant now, Instant leaseUntil);

  /**
   * Takes over a claim whose lease ended before {@code now} (its holder died or was cut off), with
   * a new fencing token; present for exactly one caller.
   */
  Optional<Claim> takeOver(String key, String owner, Instant now, Instant leaseUntil);

  /**
   * Extends a claim to {@code leaseUntil} if it is still {@code claim}'s (same owner, same token,
   * not finished); false if it was taken over or finished meanwhile: its holder must stop.
   */
  boolean renew(Claim claim, Instant leaseUntil);

  /** Slack took the post: recorded whoever holds the claim, since it is what happened. */
  void sent(String key, String slackTs, Instant now);

  /**
   * A failure that retrying will not fix (channel_not_found, not_in_channel, invalid_auth…), if the
   * claim is still held; false if it was lost (its new holder decides).
   */
  boolean failed(Claim claim, String error, Instant now);

  /**
   * Gives a claim back after a transient failure, so a later look retries it; false if the claim
   * was lost meanwhile (the new holder's claim stands).
   */
  boolean release(Claim claim, String error, Instant now);

  /**
   * Keys with content that nobody is posting: PENDING since before {@code pendingBefore} (its
   * recorder may have died before trying), RETRY, and claims whose lease ended before {@code now}.
   * Oldest first.
   */
  List<String> unfinished(Instant pendingBefore, Instant now, int limit);

  /** Drops SENT and FAILED entries whose key starts with {@code prefix}, finished before a time. */
  int forget(String prefix, Instant finishedBefore);

  @Override
  default void close() {}
}
