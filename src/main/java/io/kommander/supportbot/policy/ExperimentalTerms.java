package io.kommander.supportbot.policy;

import java.util.List;

/** What support Experimental components get. */
public record ExperimentalTerms(
    int severity, boolean production, String summary, List<String> services, String note) {
  public ExperimentalTerms {
    if (severity < 1 || severity > 4) {
      throw new CatalogRuleException("severity", "severity must be 1 to 4, was " + severity);
    }
    if (summary == null || summary.isBlank()) {
      throw new CatalogRuleException("summary", "summary is missing");
    }
    services = services == null ? List.of() : List.copyOf(services);
  }
}
