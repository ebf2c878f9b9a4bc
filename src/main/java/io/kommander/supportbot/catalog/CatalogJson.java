package io.kommander.supportbot.catalog;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.kommander.supportbot.policy.Catalog;
import io.kommander.supportbot.policy.Minor;
import io.kommander.supportbot.policy.Version;

/**
 * Writes a catalog as JSON in the YAML file's own shape, so a remote bot reads it with the same
 * {@link CatalogLoader} (JSON is YAML) and gets the same validation.
 */
public final class CatalogJson {
  /** The JSON mapper for the service: ISO dates, versions as strings, no nulls. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .addModule(
              new SimpleModule()
                  .addSerializer(Minor.class, ToStringSerializer.instance)
                  .addSerializer(Version.class, ToStringSerializer.instance))
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();

  /** Catalog records also have helper methods; only their components are data. */
  private static final ObjectMapper FIELDS_ONLY =
      MAPPER
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
