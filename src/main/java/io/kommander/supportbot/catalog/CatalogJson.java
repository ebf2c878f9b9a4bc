package io.kommander.supportbot.catalog;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kommander.supportbot.json.Json;
import io.kommander.supportbot.policy.Catalog;

/**
 * Writes a catalog as JSON in the YAML file's own shape, so a remote bot reads it with the same
 * {@link CatalogLoader} (JSON is YAML) and gets the same validation.
 */
public final class CatalogJson {
  /** Catalog records also have helper methods; only their components are data. */
  private static final ObjectMapper FIELDS_ONLY =
      Json.MAPPER
          .copy()
          .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
          .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);

  private CatalogJson() {}

  public static String write(Catalog catalog) {
    try {
      return FIELDS_ONLY.writeValueAsString(
          new CatalogDocument(
              catalog.settings(),
              catalog.review(),
              catalog.eras(),
              catalog.neverReleased(),
              catalog.lines(),
              catalog.upgrades(),
              catalog.experimental(),
              catalog.secondary()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a loaded catalog always serialises", e);
    }
  }
}
