package io.kommander.supportbot.policy;

import java.util.List;
import java.util.Optional;

/** Where a line stands under the policy on a given day. */
public sealed interface Support
    permits Support.Supported,
        Support.Expired,
        Support.Predates,
        Support.NotYetReleased,
        Support.Unknown {

  /**
   * Inside the window.
   *
   * @param ends the release that will push it out, when the catalog knows it
   * @param endsSoon that release is due within the policy's "ends soon" days
   */
  record Supported(ReleaseLine line, Optional<Ending> ends, boolean endsSoon) implements Support {}

  /** Pushed out of the window by {@code ended.by()}. */
  record Expired(ReleaseLine line, Ending ended) implements Support {}

  /** Older than every catalog line while the window is full: out of support, date unknown. */
  record Predates(Minor minor, ReleaseLine oldest) implements Support {}

  /** In the catalog, but not shipped on the day asked about. */
  record NotYetReleased(ReleaseLine line) implements Support {}

  /** Not a line the catalog knows. */
  record Unknown(Minor minor, List<Minor> known) implements Support {}

  /** Whether customers get full support for this line. */
  default boolean isSupported() {
    return this instanceof Supported;
  }
}
