package io.kommander.supportbot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kommander.supportbot.slack.SlackRequests;
import io.kommander.supportbot.testing.SlackMock;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code LOG_FORMAT=json}, as a cluster's log pipeline runs the bot: the process's every log line
 * is a JSON object, a mention's lines carry its request and event ids, and no secret appears.
 */
class JsonLogsTest {
  static final String TOKEN = "xoxb-json-logs-secret-token";
  static final String SECRET = "json-logs-signing-secret-7f7f";

  @TempDir Path dir;

  /**
   * The tests' ical4j registers a Jackson module that the JSON encoder loads, and ical4j logs while
   * logging starts up; the shipped jar has no ical4j.
   */
  static String withoutIcal4j(String classpath) {
    return Arrays.stream(classpath.split(File.pathSeparator))
        .filter(entry -> !entry.contains("ical4j"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  @Test
  void everyLineIsJsonWithTheRequestAndEventIdsAndNoSecrets() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path log = dir.resolve("bot.log");
    try (SlackMock slack = SlackMock.start()) {
      ProcessBuilder pb =
          new ProcessBuilder(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-cp",
              withoutIcal4j(System.getProperty("java.class.path")),
              "io.kommander.supportbot.Main",
              "serve");
      Map<String, String> env = pb.environment();
      env.put("LOG_FORMAT", "json");
      env.put("PORT", String.valueOf(port));
      env.put("SLACK_BOT_TOKEN", TOKEN);
      env.put("SLACK_SIGNING_SECRET", SECRET);
      env.put("SLACK_API_URL", slack.apiUrl());
      env.put("DATA_DIR", dir.resolve("data").toString());
      Process bot = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
      try {
        HttpClient http = HttpClient.newHttpClient();
        URI ready = URI.create("http://127.0.0.1:" + port + "/readyz");
        for (int i = 0; i < 300; i++) {
          try {
            if (http.send(
                        HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()
                == 200) {
              break;
            }
          } catch (java.io.IOException starting) {
            // not listening yet
          }
          Thread.sleep(100);
        }
        SlackRequests requests = new SlackRequests("http://127.0.0.1:" + port, SECRET);
        String mention = SlackRequests.mention("Ev-json-1", "<@UBOT> nkp 2.16", null);
        requests.post("/slack/events", mention, "application/json");
        requests.post("/slack/events", mention, "application/json"); // logged: a redelivery
        slack.awaitCalls("/api/chat.postMessage", 1);
      } finally {
        bot.destroy();
        bot.waitFor();
      }
    }

    List<JsonNode> lines = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(log)) {
      if (!line.isBlank()) {
        lines.add(json.readTree(line)); // throws on a line that is not JSON
      }
    }
    assertThat(lines).hasSizeGreaterThan(3);
    assertThat(lines).allSatisfy(l -> assertThat(l.has("@timestamp") && l.has("level")).isTrue());
    assertThat(lines)
        .anySatisfy(
            l -> {
              assertThat(l.path("message").asText()).contains("Ignoring redelivered event");
              assertThat(l.path("event_id").asText()).isEqualTo("Ev-json-1");
              assertThat(l.path("request_id").asText()).matches("[0-9a-f]{8}");
            });
    assertThat(Files.readString(log)).doesNotContain(TOKEN, SECRET);
  }
}
