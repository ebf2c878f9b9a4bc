package io.kommander.supportbot.delivery;

/**
 * What posting came to. Handled through a {@link Visitor}, so a new kind of outcome is a compile
 * error wherever one is handled, not a case that falls through.
 */
public sealed interface Outcome
    permits Outcome.Sent, Outcome.Permanent, Outcome.Transient, Outcome.Lost {

  <R> R accept(Visitor<R> visitor);

  /** One method per outcome. */
  interface Visitor<R> {
    R sent(Sent sent);

    R permanent(Permanent permanent);

    R transientFailure(Transient failure);

    R lost(Lost lost);
  }

  /** Slack took the post: its ts. */
  record Sent(String ts) implements Outcome {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.sent(this);
    }
  }

  /** An error retrying will not fix (channel_not_found, not_in_channel, invalid_auth…). */
  record Permanent(String error) implements Outcome {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.permanent(this);
    }
  }

  /**
   * @param unsure whether the post may have reached Slack though no answer said so (history could
   *     not be read to tell)
   */
  record Transient(String reason, boolean unsure) implements Outcome {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.transientFailure(this);
    }
  }

  /**
   * The poster's lease ended (another process took the post over, or the ledger could not confirm
   * it): it stopped without sending again, and the post is no longer its to record.
   */
  record Lost(String reason) implements Outcome {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.lost(this);
    }
  }
}
