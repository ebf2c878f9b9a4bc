package io.kommander.supportbot.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.kommander.supportbot.policy.Support;
import io.kommander.supportbot.render.Phrases.Standing;
import java.util.Locale;

/**
 * The API's own JSON: ISO dates, no nulls unless a shape asks for them, and its status codes. The
 * API's shapes (ApiModel) are kept apart from the catalog's, so each can change alone.
 */
final class ApiJson {
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();

  private ApiJson() {}

  /** {@code supported}, {@code ends_soon}, {@code expired}, {@code never_released}, … */
  static String status(Support support) {
    return Standing.of(support).name().toLowerCase(Locale.ROOT);
  }
}
