package io.kommander.supportbot.http;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;

/**
 * The headers of a careful site, on every response: a Content-Security-Policy that lets nothing
 * load and nothing frame it ({@code frame-ancestors 'none'}), no content-type sniffing (a text
 * error or a JSON body can never be read as HTML or script), and no referrer sent to the sites the
 * page links to (its URLs carry the questions people ask). The support page loosens the policy only
 * as far as it needs: its own inline stylesheet, by hash, and forms and images from itself.
 */
public final class SecurityHeaders {
  private SecurityHeaders() {}

  /** For everything but the page: images, the API, errors, health and metrics. */
  static final String LOCKED =
      "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  /** The headers every answer carries, Jetty's own refusals included. */
  static final Map<String, String> ALL =
      Map.of(
          "Content-Security-Policy", LOCKED,
          "X-Content-Type-Options", "nosniff",
          "Referrer-Policy", "no-referrer");

  /** Sets the locked-down headers; a servlet may replace the policy with {@link #page}. */
  static void apply(HttpServletResponse resp) {
    ALL.forEach(resp::setHeader);
  }

  /**
   * The support page's policy: no script at all, its one inline {@code <style>} (by its SHA-256),
   * images and form submissions to itself only.
   *
   * @param styleHash the base64 SHA-256 of the inline stylesheet's text
   */
  public static void page(HttpServletResponse resp, String styleHash) {
    resp.setHeader(
        "Content-Security-Policy",
        "default-src 'none'; style-src 'sha256-"
            + styleHash
            + "'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
  }
}
