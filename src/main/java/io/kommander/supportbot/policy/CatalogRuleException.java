package io.kommander.supportbot.policy;

/**
 * A catalog entry breaks a rule; {@code field} names the offending field for the loader's message.
 */
public final class CatalogRuleException extends IllegalArgumentException {
  private final String field;
  private final int lineIndex;

  public CatalogRuleException(String field, String message) {
    this(field, -1, message);
  }

  public CatalogRuleException(String field, int lineIndex, String message) {
    super(message);
    this.field = field;
    this.lineIndex = lineIndex;
  }

  public String field() {
    return field;
  }

  /** Index into the catalog's lines, or -1 when the rule is not about one line. */
  public int lineIndex() {
    return lineIndex;
  }
}
