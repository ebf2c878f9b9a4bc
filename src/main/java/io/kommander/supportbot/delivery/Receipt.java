package io.kommander.supportbot.delivery;

/** What became of a post handed to the outbox on an ack's path ({@link Outbox#receive}). */
public enum Receipt {
  /** Recorded in the ledger now; a worker posts it. */
  RECORDED,
  /** Its key was recorded before (Slack's redelivery of the event, here or at another replica). */
  KNOWN,
  /**
   * The ledger could not take it in time (the database down or slow): kept in the spool under
   * {@code DATA_DIR}, and recorded and posted once the ledger answers again.
   */
  SPOOLED;

  /** Neither the ledger nor the spool could keep a post: its event must not be acknowledged. */
  public static final class NotRecorded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotRecorded(String message) {
      super(message, null, false, false);
    }
  }
}
