package io.kommander.supportbot.policy;

/** What became of an upgrade-path question. */
public enum PathOutcome {
  /** A path of one or more hops. */
  PATH,
  /** The direct jump asked about is one hop the sources allow. */
  DIRECT_ALLOWED,
  /** The direct jump asked about skips minors; the steps are the path that works. */
  DIRECT_REFUSED,
  /** Already on the target line: only patches to take. */
  ALREADY_THERE,
  /** The target is older than where the asker is: downgrades are not supported. */
  NOT_NEWER,
  /** The version upgraded from is not a catalog line. */
  UNKNOWN_FROM,
  /** The target is not a catalog line. */
  UNKNOWN_TO,
  /** The target had not shipped on the day asked about. */
  NOT_RELEASED,
  /** The catalog has no chain of hops between the two. */
  NO_PATH
}
