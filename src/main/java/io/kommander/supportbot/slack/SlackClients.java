package io.kommander.supportbot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.util.http.SlackHttpClient;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.okhttp3.OkHttpMetricsEventListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * The one Slack Web API client per base URL, configured in one place and shared by the Bolt app and
 * the announcement poster (one connection pool, one set of timeouts).
 */
public final class SlackClients {
  private static final Map<String, Slack> CLIENTS = new ConcurrentHashMap<>();

  private SlackClients() {}

  /**
   * The Web API method a call is to ({@code chat.postMessage}), the tag its latency and status are
   * recorded under as {@code slack_api_calls_seconds}; other URLs (response_url) are "other".
   */
  static String method(Request request) {
    List<String> segments = request.url().pathSegments();
    String last = segments.get(segments.size() - 1);
    return last.matches("[a-z]+(\\.[a-zA-Z]+)+") ? last : "other";
  }

  /**
   * @param apiUrl the Web API base ({@code https://slack.com/api/}; GovSlack, proxies and tests
   *     change it), ending in "/"
   */
  public static Slack forApi(String apiUrl) {
    return CLIENTS.computeIfAbsent(
        apiUrl,
        url -> {
          SlackConfig config = new SlackConfig();
          config.setMethodsEndpointUrlPrefix(url);
          // Announcements may wait on a slow Web API; acks never do (they post nothing).
          config.setHttpClientReadTimeoutMillis(10_000);
          // The SDK's per-call rate-limit statistics: unused here, and they cost each Web API
          // call a copy-on-write list append and a sweep every second.
          config.setStatsEnabled(false);
          OkHttpClient http =
              SlackHttpClient.buildOkHttpClient(config)
                  .newBuilder()
                  .eventListener(
                      OkHttpMetricsEventListener.builder(Metrics.globalRegistry, "slack.api.calls")
                          .uriMapper(SlackClients::method)
                          .includeHostTag(false)
                          .build())
                  .build();
          SlackHttpClient client = new SlackHttpClient(http);
          client.setConfig(config);
          return Slack.getInstance(config, client);
        });
  }
}
