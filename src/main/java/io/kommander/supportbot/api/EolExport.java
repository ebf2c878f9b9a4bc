package io.kommander.supportbot.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kommander.supportbot.policy.Ending;
import io.kommander.supportbot.policy.Patch;
import io.kommander.supportbot.policy.Product;
import io.kommander.supportbot.policy.ReleaseLine;
import io.kommander.supportbot.policy.Support;
import io.kommander.supportbot.policy.SupportPolicy;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The shipped lines in endoflife.date's shapes, field by field as its generators write them ({@code
 * generate-api-v0.rb}, {@code generate-api-v1.rb}), so its tooling reads this policy. A field the
 * catalog does not know is absent (v0) or null (v1, where the schema has the key), never invented.
 * This policy has one phase: full support until the derived end, so active support and end of life
 * are the same day.
 */
final class EolExport {
  private EolExport() {}

  /** Kommander and Konvoy list every line under their own numbers; DKP and NKP only their own. */
  static List<ReleaseLine> lines(SupportPolicy policy, Product product, LocalDate asOf) {
    List<ReleaseLine> out = new ArrayList<>();
    for (ReleaseLine line : policy.shippedBy(asOf)) {
      if (!product.platform() || line.product() == product) {
        out.add(0, line); // newest first
      }
    }
    return out;
  }

  /** One v0 cycle ({@code /api/<product>.json}). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Cycle(
      String cycle,
      LocalDate releaseDate,
      Object eol,
      String latest,
      LocalDate latestReleaseDate,
      boolean lts,
      Object support,
      LocalDate eolUnconfirmed) {
    static Cycle of(SupportPolicy policy, ReleaseLine line, Product product, LocalDate asOf) {
      Optional<LocalDate> unconfirmed = unconfirmedEnd(policy, line, asOf);
      // A date when known; else false for eol ("not yet") and true for support ("still"). An end
      // that rests on an unconfirmed report is no date yet: it goes in eolUnconfirmed instead.
      Optional<LocalDate> end = confirmedEnd(policy, line);
      Object eol = end.<Object>map(d -> d).orElse(Boolean.FALSE);
      Object support = end.<Object>map(d -> d).orElse(Boolean.TRUE);
      Optional<Patch> latest = line.latestPatchOn(product, asOf);
      return new Cycle(
          line.minor(product).toString(),
          line.released(),
          eol,
          latest.map(p -> p.version().toString()).orElse(null),
          latest.map(Patch::date).orElse(null),
          false,
          support,
          unconfirmed.orElse(null));
    }
  }

  /** The day support ends or ended, unless only a report says its ending release shipped. */
  static Optional<LocalDate> confirmedEnd(SupportPolicy policy, ReleaseLine line) {
    return policy.endOf(line).filter(e -> !e.by().isReported()).flatMap(Ending::when);
  }

  /** The day support may have ended, when the line is in doubt on {@code asOf}. */
  static Optional<LocalDate> unconfirmedEnd(
      SupportPolicy policy, ReleaseLine line, LocalDate asOf) {
    return policy.support(line, asOf) instanceof Support.InDoubt d
        ? d.ending().when()
        : Optional.empty();
  }

  /** The v1 product document ({@code /api/v1/products/<product>}). */
  @JsonInclude(JsonInclude.Include.ALWAYS) // v1 keeps unknown keys as null
  record ProductDoc(
      @JsonProperty("schema_version") String schemaVersion,
      @JsonProperty("generated_at") Instant generatedAt,
      Result result) {}

  @JsonInclude(JsonInclude.Include.ALWAYS) // v1 keeps unknown keys as null
  record Result(
      String name,
      List<String> aliases,
      String label,
      String category,
      List<String> tags,
      Links links,
      List<Release> releases) {}

  @JsonInclude(JsonInclude.Include.ALWAYS) // v1 keeps unknown keys as null
  record Links(String html, String releasePolicy) {}

  @JsonInclude(JsonInclude.Include.ALWAYS) // v1 keeps unknown keys as null
  record Release(
      String name,
      String codename,
      String label,
      LocalDate releaseDate,
      boolean isLts,
      LocalDate ltsFrom,
      boolean isEol,
      LocalDate eolFrom,
      boolean isMaintained,
      Latest latest,
      Custom custom) {
    static Release of(SupportPolicy policy, ReleaseLine line, Product product, LocalDate asOf) {
      Support support = policy.support(line, asOf);
      Optional<LocalDate> end = confirmedEnd(policy, line);
      boolean eol = support instanceof Support.Expired;
      Latest latest =
          line.latestPatchOn(product, asOf)
              .map(p -> new Latest(p.version().toString(), p.date(), null))
              .orElse(null);
      return new Release(
          line.minor(product).toString(),
          null,
          line.name(product),
          line.released(),
          false,
          null,
          eol,
          end.orElse(null),
          support.isSupported(),
          latest,
          unconfirmedEnd(policy, line, asOf).map(Custom::new).orElse(null));
    }
  }

  /** v1's product-specific fields: the day a line in doubt may have lost support. */
  record Custom(LocalDate eolUnconfirmed) {}

  @JsonInclude(JsonInclude.Include.ALWAYS) // v1 keeps unknown keys as null
  record Latest(String name, LocalDate date, String link) {}

  static ProductDoc product(
      SupportPolicy policy, Product product, LocalDate asOf, Instant now, String baseUrl) {
    List<ReleaseLine> lines = lines(policy, product, asOf);
    URI policyUrl =
        lines.isEmpty()
            ? policy.catalog().settings().policyUrl()
            : Optional.ofNullable(policy.catalog().era(lines.get(0).product()).policyUrl())
                .orElse(policy.catalog().settings().policyUrl());
    String name = product.name().toLowerCase(Locale.ROOT);
    return new ProductDoc(
        "1.0.0",
        now,
        new Result(
            name,
            List.of(),
            switch (product) {
              case DKP -> "D2iQ Kubernetes Platform (DKP)";
              case NKP -> "Nutanix Kubernetes Platform (NKP)";
              default -> product.displayName();
            },
            "server-app",
            List.of("d2iq", "nutanix", "kubernetes"),
            new Links(baseUrl + "/api/v1/eol/products/" + name, String.valueOf(policyUrl)),
            lines.stream().map(l -> Release.of(policy, l, product, asOf)).toList()));
  }
}
