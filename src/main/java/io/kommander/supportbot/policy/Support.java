package io.kommander.supportbot.policy;

import java.util.List;
import java.util.Optional;

/** Where a line stands under the policy on a given day. */
public sealed interface Support
    permits Support.Supported,
        Support.InDoubt,
        Support.Expired,
        Support.Predates,
        Support.NotYetReleased,
        Support.Unconfirmed,
        Support.NeverReleased,
        Support.Unknown {

  /** One method per standing: code that words or sorts a standing forgets none. */
  interface Visitor<R> {
    R supported(Supported s);

    R inDoubt(InDoubt s);

    R expired(Expired s);

    R predates(Predates s);

    R notYetReleased(NotYetReleased s);

    R unconfirmed(Unconfirmed s);

    R neverReleased(NeverReleased s);

    R unknown(Unknown s);
  }

  /** Calls the visitor's method for this standing. */
  <R> R accept(Visitor<R> visitor);

  /**
   * Inside the window.
   *
   * @param ends the release that will push it out, when the catalog knows it
   * @param endsSoon that release is due within the policy's "ends soon" days
   * @param newestKnown the catalog's newest line
   * @param releasesToGo when the ending release is not in the catalog: how many releases after
   *     {@code newestKnown} it is (1: the next one)
   * @param window the policy's window: the line ends when the line this many after it ships
   */
  record Supported(
      ReleaseLine line,
      Optional<Ending> ends,
      boolean endsSoon,
      ReleaseLine newestKnown,
      int releasesToGo,
      int window)
      implements Support {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.supported(this);
    }
  }

  /**
   * Supported only if {@code ending.by()} has not shipped: it may have (inside its GA window, or
   * reported and not confirmed). Counted as not supported: nobody is told "supported" on the
   * strength of news not having happened.
   */
  record InDoubt(ReleaseLine line, Ending ending) implements Support {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.inDoubt(this);
    }
  }

  /** Pushed out of the window by {@code ended.by()}. */
  record Expired(ReleaseLine line, Ending ended) implements Support {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.expired(this);
    }
  }

  /** Older than every catalog line while the window is full: out of support, date unknown. */
  record Predates(Minor minor, ReleaseLine oldest) implements Support {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.predates(this);
    }
  }

  /** In the catalog, but not shipped on the day asked about. */
  record NotYetReleased(ReleaseLine line) implements Support {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.notYetReleased(this);
    }
  }

  /**
   * In the catalog, and it may have shipped: reported but not confirmed, or inside its GA window.
   * If it did, it is the newest line and supported.
   */
  record Unconfirmed(ReleaseLine line) implements Support {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.unconfirmed(this);
    }
  }

  /**
   * A number that was skipped or abandoned (2.9 to 2.11, 3.0).
   *
   * @param next the first line after the number, which came instead, when there is one
   */
  record NeverReleased(Minor minor, SkippedVersions why, Optional<ReleaseLine> next)
      implements Support {
    @Override
    public boolean exists() {
      return false;
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.neverReleased(this);
    }
  }

  /**
   * Not a line the catalog knows.
   *
   * @param newest the newest line the catalog knows, when {@code minor} is newer than it
   */
  record Unknown(Minor minor, List<Minor> known, Optional<ReleaseLine> newest) implements Support {
    @Override
    public boolean exists() {
      return false;
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.unknown(this);
    }
  }

  /**
   * Whether the version exists (or existed, or is announced): not skipped, not beyond the catalog.
   */
  default boolean exists() {
    return true;
  }

  /** Whether customers surely get full support for this line. */
  default boolean isSupported() {
    return this instanceof Supported;
  }

  /**
   * The release that ends this line's support, or ended it, or may have: when the catalog knows
   * one.
   */
  default Optional<Ending> endOfSupport() {
    if (this instanceof Supported s) {
      return s.ends();
    } else if (this instanceof Expired e) {
      return Optional.of(e.ended());
    } else if (this instanceof InDoubt d) {
      return Optional.of(d.ending());
    }
    return Optional.empty();
  }

  /** The catalog line this is about, when there is one. */
  default Optional<ReleaseLine> catalogLine() {
    if (this instanceof Supported s) {
      return Optional.of(s.line());
    } else if (this instanceof InDoubt d) {
      return Optional.of(d.line());
    } else if (this instanceof Expired e) {
      return Optional.of(e.line());
    } else if (this instanceof NotYetReleased n) {
      return Optional.of(n.line());
    } else if (this instanceof Unconfirmed u) {
      return Optional.of(u.line());
    }
    return Optional.empty();
  }
}
