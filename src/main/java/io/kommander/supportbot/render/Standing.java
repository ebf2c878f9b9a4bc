package io.kommander.supportbot.render;

import io.kommander.supportbot.policy.Support;

/** How a line stands; decided once, so every channel words (and colours) it alike. */
public enum Standing {
  SUPPORTED("supported"),
  ENDS_SOON("supported, ends soon"),
  IN_DOUBT("in doubt: may have ended"),
  EXPIRED("expired"),
  UNCONFIRMED("may have shipped, not confirmed"),
  NEVER_RELEASED("never released"),
  NOT_RELEASED("not released yet"),
  UNKNOWN("unknown");

  public final String words;

  Standing(String words) {
    this.words = words;
  }

  public static Standing of(Support support) {
    if (support instanceof Support.Supported s) {
      return s.endsSoon() ? ENDS_SOON : SUPPORTED;
    } else if (support instanceof Support.Expired || support instanceof Support.Predates) {
      return EXPIRED;
    } else if (support instanceof Support.InDoubt) {
      return IN_DOUBT;
    } else if (support instanceof Support.Unconfirmed) {
      return UNCONFIRMED;
    } else if (support instanceof Support.NotYetReleased) {
      return NOT_RELEASED;
    } else if (support instanceof Support.NeverReleased) {
      return NEVER_RELEASED;
    }
    return UNKNOWN;
  }
}
