package io.kommander.supportbot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one Slack Web API client per base URL, configured in one place and shared by the Bolt app and
 * the announcement poster (one connection pool, one set of timeouts).
 */
public final class SlackClients {
  private static final Map<String, Slack> CLIENTS = new ConcurrentHashMap<>();

  private SlackClients() {}

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
          return Slack.getInstance(config);
        });
  }
}
