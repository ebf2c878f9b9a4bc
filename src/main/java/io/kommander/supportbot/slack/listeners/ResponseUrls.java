package io.kommander.supportbot.slack.listeners;

import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where an interaction may be answered, and answering the person there. */
final class ResponseUrls {
  private static final Logger log = LoggerFactory.getLogger(ResponseUrls.class);

  private ResponseUrls() {}

  /** Sends to a response_url: Bolt's {@code ctx.respond(...)} for the interaction at hand. */
  @FunctionalInterface
  interface Send {
    WebhookResponse send() throws IOException;
  }

  /**
   * An ephemeral message to the person after the ack, through the interaction's response_url; a
   * failure is only logged (the ack has gone, there is nobody else to tell).
   *
   * @param what the interaction, for the log ("Slash command", "Message shortcut")
   */
  static void tell(String what, String responseUrl, Send send) {
    if (!answerable(responseUrl)) {
      log.warn("{} with nowhere to answer the person; nothing sent to them", what);
      return;
    }
    try {
      int code = send.send().getCode();
      if (code != 200) {
        log.warn("Answering the person failed: response_url answered HTTP {}", code);
      }
    } catch (IOException | RuntimeException e) {
      log.warn("Answering the person failed: {}: {}", e.getClass().getSimpleName(), e.getMessage());
    }
  }

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
