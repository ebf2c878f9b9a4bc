package io.kommander.supportbot.announce;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import io.kommander.supportbot.delivery.SlackPoster;
import io.kommander.supportbot.testing.SlackMock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Shared pieces: a hand-moved clock, settings, a Slack client aimed at WireMock. */
public final class AnnouncementFixture {
  public static final String CHANNEL = "C0ANNOUNCE1";

  private AnnouncementFixture() {}

  public static AnnouncementSettings settings(String... channels) {
    return new AnnouncementSettings(
        true,
        List.of(channels),
        List.of(30, 7),
        LocalTime.of(9, 0),
        ZoneOffset.UTC,
        Duration.ofDays(3),
        null,
        null);
  }

  public static final String TOKEN = "xoxb-announcer";

  public static Slack slack(WireMockServer wm) {
    return slack(wm, 500);
  }

  /**
   * The same client with a read timeout no loaded build machine reaches, for tests that are not
   * about timeouts: a first call slowed by a busy machine must not read as one.
   */
  public static Slack patientSlack(WireMockServer wm) {
    return slack(wm, 10_000);
  }

  private static Slack slack(WireMockServer wm, int readTimeoutMillis) {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(wm.baseUrl() + "/api/");
    config.setHttpClientReadTimeoutMillis(readTimeoutMillis);
    config.setStatsEnabled(false);
    return Slack.getInstance(config);
  }

  /** A poster on {@link #patientSlack}: 3 attempts, 10 ms back-off, Retry-After up to 2 s. */
  public static SlackPoster patientPoster(WireMockServer wm) {
    return new SlackPoster(
        patientSlack(wm), TOKEN, 3, Duration.ofMillis(10), Duration.ofSeconds(2));
  }

  public static SlackPoster poster(WireMockServer wm) {
    return new SlackPoster(slack(wm), TOKEN, 3, Duration.ofMillis(10), Duration.ofSeconds(2));
  }

  /** Slack's Web API on WireMock, started, answering as {@link #stubOk} says. */
  public static WireMockServer startSlack() {
    WireMockServer wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    wm.start();
    stubOk(wm);
    return wm;
  }

  public static void stubOk(WireMockServer wm) {
    SlackMock.stubAuthTest(wm);
    wm.stubFor(
        post("/api/chat.postMessage")
            .willReturn(
                okJson(
                    "{\"ok\":true,\"channel\":\"" + CHANNEL + "\",\"ts\":\"1800000000.000100\"}")));
    wm.stubFor(
        post("/api/conversations.history")
            .willReturn(okJson("{\"ok\":true,\"messages\":[],\"has_more\":false}")));
  }

  /** History that holds our post with {@code key} in its metadata. */
  public static void stubHistoryWith(WireMockServer wm, String key) {
    wm.stubFor(
        post("/api/conversations.history")
            .willReturn(
                okJson(
                    "{\"ok\":true,\"has_more\":false,\"messages\":[{\"type\":\"message\",\"ts\":\"1800000000.000900\",\"text\":\"x\","
                        + "\"metadata\":{\"event_type\":\"kommander_support_post\",\"event_payload\":{\"key\":\""
                        + key
                        + "\"}}}]}")));
  }

  public static List<LoggedRequest> posts(WireMockServer wm) {
    return wm.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage")));
  }

  public static Map<String, String> form(LoggedRequest r) {
    return SlackMock.form(r.getBodyAsString());
  }
}
