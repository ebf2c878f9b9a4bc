package io.kommander.supportbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.kommander.supportbot.slack.SlackRequests;
import io.kommander.supportbot.testing.SlackMock;
import io.kommander.supportbot.testing.Tools;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} scraped over HTTP from a running bot, after Slack traffic and a catalog reload,
 * and parsed by the Prometheus client library's own parser (Python's prometheus_client, Debian's
 * python3-prometheus-client; {@code .ci/run} installs it).
 */
class MetricsScrapeTest {
  static final String PYTHON = "/usr/bin/python3";
  static final String SECRET = "metrics-signing-secret-1a2b";

  @TempDir Path dir;

  static boolean parserInstalled() throws Exception {
    if (!Files.isExecutable(Path.of(PYTHON))) {
      return false;
    }
    Process p = new ProcessBuilder(PYTHON, "-c", "import prometheus_client.parser").start();
    return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
  }

  /** The exposition parsed by prometheus_client: family name to type and samples. */
  static JsonNode parse(String exposition) throws Exception {
    Process p =
        new ProcessBuilder(PYTHON, Path.of("src/test/resources/prometheus/parse.py").toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(exposition.getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("prometheus_client could not parse the scrape").isZero();
    return JsonMapper.builder()
        .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS) // a gauge may read NaN
        .build()
        .readTree(out);
  }

  static List<JsonNode> samples(JsonNode families, String family) {
    List<JsonNode> found = new ArrayList<>();
    families.path(family).path("samples").forEach(found::add);
    return found;
  }

  static final String GITHUB_TAGS = "/repos/mesosphere/kommander-applications/tags";

  /** GitHub's tags endpoint on the same stub server: no tags, so nothing new upstream. */
  static SlackMock gitHubToo(SlackMock slack) {
    slack
        .server()
        .stubFor(
            com.github.tomakehurst.wiremock.client.WireMock.get(
                    com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(GITHUB_TAGS))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("[]")));
    return slack;
  }

  @Test
  void theScrapeParsesAndHoldsTheFamiliesOperatorsLookFor() throws Exception {
    Tools.require(parserInstalled(), "Debian's python3-prometheus-client");
    Path catalog = Files.writeString(dir.resolve("releases.yaml"), TestCatalogs.aprilText());
    try (SlackMock slack = gitHubToo(SlackMock.start());
        Serve serve =
            Serve.start(
                Config.fromEnv(
                    Map.of(
                        "PORT",
                        "0",
                        "SLACK_BOT_TOKEN",
                        "xoxb-metrics",
                        "SLACK_SIGNING_SECRET",
                        SECRET,
                        "SLACK_API_URL",
                        slack.apiUrl(),
                        "CATALOG_FILE",
                        catalog.toString(),
                        "CATALOG_RELOAD_SECONDS",
                        "1",
                        "DATA_DIR",
                        dir.resolve("data").toString(),
                        "UPSTREAM_TAGS_URL",
                        slack.server().baseUrl() + GITHUB_TAGS)),
                "127.0.0.1",
                Clock.systemUTC())) {
      SlackRequests http = new SlackRequests("http://127.0.0.1:" + serve.bot().port(), SECRET);
      assertThat(
              http.post(
                      "/slack/events",
                      SlackRequests.slashCommand("nkp 2.16", slack.responseUrl()),
                      "application/x-www-form-urlencoded")
                  .statusCode())
          .isEqualTo(200);
      http.post(
          "/slack/events",
          SlackRequests.mention("Ev-metrics", "<@UBOT> dkp 2.4", null),
          "application/json");
      slack.awaitCalls("/api/chat.postMessage", 1);
      assertThat(http.get("/api/v1/nkp/2.16").statusCode()).isEqualTo(200);
      assertThat(http.get("/no/such/page/" + System.nanoTime()).statusCode()).isEqualTo(404);
      Files.writeString(catalog, TestCatalogs.withPlannedText()); // a reload
      String scrape =
          await()
              .atMost(Duration.ofSeconds(10))
              .until(
                  () -> http.get("/metrics").body(),
                  body ->
                      body.contains("catalog_reloads_total{outcome=\"changed\"")
                          && body.contains("upstream_last_outcome{outcome=\"changed\"} 1"));

      JsonNode families = parse(scrape);
      assertThat(families.fieldNames())
          .toIterable()
          .contains(
              "jvm_memory_used_bytes",
              "jvm_gc_max_data_size_bytes",
              "jvm_threads_live_threads",
              "process_cpu_usage",
              "process_uptime_seconds",
              "jetty_threads_busy",
              "jetty_threads_jobs",
              "jetty_connections_current_connections",
              "cache_gets",
              "http_server_requests_seconds",
              "slack_requests_seconds",
              "slack_api_calls_seconds",
              "slack_posts",
              "catalog_review_age_days",
              "catalog_may_be_stale",
              "catalog_reloads",
              "upstream_last_success_seconds",
              "upstream_last_outcome",
              "upstream_unreviewed_releases");
      assertThat(families.path("http_server_requests_seconds").path("type").asText())
          .isEqualTo("summary");
      assertThat(labels(families, "http_server_requests_seconds", "route"))
          .contains("/slack/events", "/api/v1/*", "/")
          .noneMatch(route -> route.startsWith("/no/such")); // no series per made-up path
      assertThat(labels(families, "slack_requests_seconds", "kind"))
          .contains("command", "event:app_mention");
      assertThat(labels(families, "slack_api_calls_seconds", "uri"))
          .contains("chat.postMessage", "auth.test");
      assertThat(samples(families, "slack_posts"))
          .anySatisfy(
              s -> {
                assertThat(s.get(1).path("kind").asText()).isEqualTo("reply");
                assertThat(s.get(1).path("outcome").asText()).isEqualTo("sent");
                assertThat(s.get(2).asDouble()).isGreaterThanOrEqualTo(1);
              });
      assertThat(samples(families, "cache_gets"))
          .anySatisfy(s -> assertThat(s.get(1).path("cache").asText()).isEqualTo("answers"));
      assertThat(samples(families, "catalog_reloads"))
          .anySatisfy(s -> assertThat(s.get(1).path("outcome").asText()).isEqualTo("changed"));
    }
  }

  static List<String> labels(JsonNode families, String family, String label) {
    return samples(families, family).stream()
        .map(s -> s.get(1).path(label).asText())
        .distinct()
        .toList();
  }
}
