package io.kommander.supportbot.policy;

/** How sure the catalog's dates for a line are. */
public enum Confidence {
  /** The vendor's docs state the dates. */
  EXACT,
  /** Release-tag dates: GA was the same day or up to a few weeks later. */
  APPROXIMATE
}
