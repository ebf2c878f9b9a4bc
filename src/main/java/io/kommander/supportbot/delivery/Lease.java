package io.kommander.supportbot.delivery;

import java.time.Duration;

/**
 * A poster's hold on one post, as the poster sees it: renewed while it works and checked before
 * each send. Whoever holds a lease that can no longer be renewed has lost the post to another
 * process and must not send it.
 */
public interface Lease {
  /**
   * Extends the lease if the post is still this holder's (its owner and fencing token unchanged in
   * the ledger); false once it is not, or when the ledger cannot confirm it.
   */
  boolean renew();

  /** How long the holder may go without renewing: a wait longer than this is cut into pieces. */
  Duration renewEvery();
}
