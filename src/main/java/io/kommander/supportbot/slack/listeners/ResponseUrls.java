package io.kommander.supportbot.slack.listeners;

import java.net.URI;

/** Where an interaction may be answered. */
final class ResponseUrls {
  private ResponseUrls() {}

  /** Slack's response_url is an https URL; tests and proxies may use http. */
  static boolean answerable(String responseUrl) {
    try {
      String scheme = responseUrl == null ? null : URI.create(responseUrl).getScheme();
      return "https".equals(scheme) || "http".equals(scheme);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
