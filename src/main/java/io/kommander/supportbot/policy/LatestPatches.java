package io.kommander.supportbot.policy;

import java.util.Optional;

/** The newest patch of each side of a line on some day; either may be absent when not known. */
public record LatestPatches(Optional<Patch> kommander, Optional<Patch> konvoy) {
  public static LatestPatches of(ReleaseLine line, java.time.LocalDate date) {
    return new LatestPatches(
        line.latestPatchOn(Product.KOMMANDER, date), line.latestPatchOn(Product.KONVOY, date));
  }

  public Optional<Patch> of(Product product) {
    return product == Product.KONVOY ? konvoy : kommander;
  }
}
