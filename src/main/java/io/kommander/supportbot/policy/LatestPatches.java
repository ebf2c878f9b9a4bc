package io.kommander.supportbot.policy;

/** The newest known patch of each product in a line; either may be null when not gathered. */
public record LatestPatches(Patch kommander, Patch konvoy) {
  public Patch of(Product product) {
    return product == Product.KOMMANDER ? kommander : konvoy;
  }
}
