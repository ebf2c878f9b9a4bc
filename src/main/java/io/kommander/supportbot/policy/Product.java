package io.kommander.supportbot.policy;

/** The two products whose minor lines ship together. */
public enum Product {
  KOMMANDER("Kommander"),
  KONVOY("Konvoy");

  private final String displayName;

  Product(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }

  public Product other() {
    return this == KOMMANDER ? KONVOY : KOMMANDER;
  }
}
