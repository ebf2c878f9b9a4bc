package io.kommander.supportbot.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void asciiOnlyEscapesEveryCharacterOutsideAsciiAndKeepsTheDocument() throws Exception {
    String json =
        "{\"text\":\"NKP 2.17 · supported… ✅ 🚀\",\"n\":3,\"ok\":true,\"list\":[\"a=b\"]}";
    String ascii = Json.asciiOnly(json);
    assertThat(ascii).matches("\\p{ASCII}+");
    assertThat(ascii).contains("\\u00B7", "\\u2026", "\\u2705", "\\uD83D\\uDE80");
    assertThat(Json.MAPPER.readTree(ascii)).isEqualTo(Json.MAPPER.readTree(json));
    assertThat(ascii).startsWith("{\"text\":").endsWith("\"list\":[\"a=b\"]}");
  }

  @Test
  void asciiOnlyRefusesWhatIsNotJson() {
    assertThatThrownBy(() -> Json.asciiOnly("{\"text\":"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
