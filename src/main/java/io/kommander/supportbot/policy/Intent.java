package io.kommander.supportbot.policy;

import java.util.Locale;

/** The main thing a message asks, as the corpus labels it: answers lead with it. */
public enum Intent {
  STATUS,
  PAIRING,
  KUBERNETES,
  UPGRADE_PATH,
  DIRECT_UPGRADE,
  NEWEST,
  MATRIX,
  SEVERITY,
  COVERAGE,
  EXPERIMENTAL,
  SECONDARY,
  UPGRADE_ORDER,
  PRERELEASE,
  IMPOSSIBLE,
  NEAR_MISS,
  OTHER_PRODUCT,
  UPCOMING,
  HELP,
  AS_OF;

  /** "direct-upgrade": the name people and the corpus use. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
