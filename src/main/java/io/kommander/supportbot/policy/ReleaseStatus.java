package io.kommander.supportbot.policy;

/** Whether a line has shipped or is only planned. */
public enum ReleaseStatus {
  RELEASED,
  PLANNED
}
