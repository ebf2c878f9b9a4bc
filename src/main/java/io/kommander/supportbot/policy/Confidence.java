package io.kommander.supportbot.policy;

/** How sure the catalog's dates for a line are. */
public enum Confidence {
  /** The vendor's docs state the dates. */
  EXACT,
  /** Release-tag dates: GA was the same day or up to a few weeks later. */
  APPROXIMATE,
  /** GA is known only to lie between {@code released} and {@code releasedBy}. */
  WINDOW,
  /** Seen as a final tag upstream and not yet reviewed by a person: provisional. */
  UPSTREAM
}
