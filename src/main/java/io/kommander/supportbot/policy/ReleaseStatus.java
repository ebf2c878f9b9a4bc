package io.kommander.supportbot.policy;

/**
 * Whether a line has shipped, is only reported to have shipped, or is only planned. A reported line
 * is never counted as shipped for N-2 and never as not shipped: the lines it would push out are "in
 * doubt" until someone confirms it.
 */
public enum ReleaseStatus {
  RELEASED,
  REPORTED,
  PLANNED
}
