package io.kommander.supportbot.policy;

import java.util.Optional;

/**
 * The names people use for a line. Kommander and Konvoy were two products shipping paired minors
 * (Konvoy 1.8 with Kommander 1.4) up to 2.1; from 2.2 they ship as one platform with one version,
 * DKP and then NKP. Only Konvoy 1.x numbered its minors apart, so every other name counts in
 * Kommander's numbers.
 */
public enum Product {
  KOMMANDER("Kommander"),
  KONVOY("Konvoy"),
  DKP("DKP"),
  NKP("NKP");

  private final String displayName;

  Product(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }

  /**
   * The product a word names, in any case ("nkp", "Konvoy"): the one reader of product names, for
   * the parser, the API and the pages alike.
   */
  public static Optional<Product> named(String word) {
    for (Product p : values()) {
      if (p.name().equalsIgnoreCase(word)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** DKP and NKP name one platform; Kommander and Konvoy name one half of a paired line. */
  public boolean platform() {
    return this == DKP || this == NKP;
  }

  /** The paired product: Kommander for Konvoy and back; a platform has none but itself. */
  public Product other() {
    return switch (this) {
      case KOMMANDER -> KONVOY;
      case KONVOY -> KOMMANDER;
      case DKP, NKP -> this;
    };
  }
}
