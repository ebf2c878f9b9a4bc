package io.kommander.supportbot.policy;

import java.net.URI;
import java.util.Optional;

/**
 * A name the product carried, and who owned the policy then: Kommander and Konvoy (D2iQ), DKP
 * (D2iQ), NKP (Nutanix).
 *
 * @param product the name's key, which lines refer to
 * @param fullName e.g. "Nutanix Kubernetes Platform"; null when the name is already full
 * @param policyUrl the version policy page of the era; the policy section's when null
 * @param termsUrl the support terms of the era; the policy section's when null
 */
public record Era(
    Product product,
    String name,
    String fullName,
    String owner,
    URI policyUrl,
    URI termsUrl,
    String note) {
  public Era {
    if (product == null || product == Product.KONVOY) {
      throw new CatalogRuleException(
          "product",
          "an era's product must be kommander, dkp or nkp, was "
              + String.valueOf(product).toLowerCase(java.util.Locale.ROOT));
    }
    if (name == null || name.isBlank()) {
      throw new CatalogRuleException("name", "an era needs a name");
    }
    if (owner == null || owner.isBlank()) {
      throw new CatalogRuleException("owner", "an era needs the policy's owner, e.g. D2iQ");
    }
  }

  public Optional<String> full() {
    return Optional.ofNullable(fullName);
  }
}
