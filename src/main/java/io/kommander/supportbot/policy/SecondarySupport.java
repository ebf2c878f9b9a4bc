package io.kommander.supportbot.policy;

import java.util.List;

/** The secondary-support table for platform applications, one row per type. */
public record SecondarySupport(String appliesTo, List<Type> types) {
  public SecondarySupport {
    if (types == null || types.isEmpty()) {
      throw new CatalogRuleException("types", "types must list at least one type of support");
    }
    types = List.copyOf(types);
  }

  /** One row: the type, what it covers and the severities offered. */
  public record Type(String type, String support, List<String> scope) {
    public Type {
      if (type == null || type.isBlank() || support == null || support.isBlank()) {
        throw new CatalogRuleException("type", "each type needs 'type' and 'support'");
      }
      scope = scope == null ? List.of() : List.copyOf(scope);
    }
  }
}
