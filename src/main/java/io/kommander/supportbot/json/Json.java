package io.kommander.supportbot.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.kommander.supportbot.policy.Minor;
import io.kommander.supportbot.policy.Version;

/**
 * The process's one JSON mapper, for everything it writes and reads as JSON (the API, the catalog
 * served to other instances, the outbox journal, the watcher's state, GitHub's answers): ISO dates
 * and instants, versions as their strings, no null fields, unknown fields ignored on reading.
 */
public final class Json {
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .addModule(
              new SimpleModule()
                  .addSerializer(Minor.class, ToStringSerializer.instance)
                  .addSerializer(Version.class, ToStringSerializer.instance))
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();

  private Json() {}

  /** {@code value} as JSON; for values that always serialise (records of strings and numbers). */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  /**
   * The same JSON with every character outside ASCII escaped ({@code \\u00b7} for a middle dot). A
   * reply served many times is kept this way: Java then holds it one byte per character, and
   * encoding it for the wire is a plain copy instead of a UTF-16 to UTF-8 conversion.
   */
  public static String asciiOnly(String json) {
    try {
      return MAPPER
          .writer()
          .with(JsonWriteFeature.ESCAPE_NON_ASCII)
          .writeValueAsString(MAPPER.readTree(json));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
