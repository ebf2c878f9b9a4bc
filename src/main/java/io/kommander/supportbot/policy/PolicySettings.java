package io.kommander.supportbot.policy;

import java.net.URI;

/**
 * The policy's tunable numbers and links.
 *
 * @param window how many newest lines are supported: 3 for N-2
 * @param endsSoonDays a supported line whose end is at most this many days away "ends soon"
 */
public record PolicySettings(
    String name, int window, int endsSoonDays, URI policyUrl, URI termsUrl) {
  public PolicySettings {
    if (window < 1 || window > 20) {
      throw new CatalogRuleException("window", "window must be between 1 and 20, was " + window);
    }
    if (endsSoonDays < 0 || endsSoonDays > 365) {
      throw new CatalogRuleException(
          "endsSoonDays", "endsSoonDays must be between 0 and 365, was " + endsSoonDays);
    }
    name = name == null || name.isBlank() ? "Version Support Policy" : name;
    if (termsUrl == null) {
      throw new CatalogRuleException("termsUrl", "termsUrl is missing");
    }
  }
}
