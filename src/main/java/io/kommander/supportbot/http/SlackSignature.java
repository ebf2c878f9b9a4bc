package io.kommander.supportbot.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's v0 request signature: {@code X-Slack-Signature} is {@code v0=} and the hex HMAC-SHA256 of
 * {@code v0:TIMESTAMP:BODY} under the signing secret, and {@code X-Slack-Request-Timestamp} lies
 * within five minutes of now, either way (Bolt alone lets future timestamps through).
 */
final class SlackSignature {
  /** Slack's replay window, applied both ways. */
  static final long WINDOW_SECONDS = 5 * 60;

  private final byte[] secret;
  private final Clock clock;

  /** One keyed HMAC per thread: looking up the provider for each request showed in profiles. */
  private final ThreadLocal<Mac> hmac = ThreadLocal.withInitial(this::newHmac);

  SlackSignature(String signingSecret, Clock clock) {
    this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
  }

  /** The headers are there, well formed and recent: worth reading the body for. */
  boolean fresh(String signature, String timestamp) {
    if (signature == null || !signature.startsWith("v0=") || timestamp == null) {
      return false;
    }
    try {
      long age = clock.instant().getEpochSecond() - Long.parseLong(timestamp.strip());
      return Math.abs(age) <= WINDOW_SECONDS;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** The body is what was signed; compared in constant time. Call after {@link #fresh}. */
  boolean matches(String signature, String timestamp, byte[] body) {
    Mac mac = hmac.get(); // doFinal leaves it reset for the next request
    mac.update(("v0:" + timestamp.strip() + ":").getBytes(StandardCharsets.UTF_8));
    String expected = "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
  }

  private Mac newHmac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has HmacSHA256", e);
    }
  }
}
