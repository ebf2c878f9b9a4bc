package io.kommander.supportbot.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The page's one inline stylesheet, named by the SHA-256 its Content-Security-Policy allows it by:
 * computed from the template itself at start, so an edited style can never be blocked by a stale
 * hash, and no other inline style (an injected one) can apply.
 */
final class PageStyle {
  private PageStyle() {}

  /** Base64 SHA-256 of the text between the template's {@code <style>} and {@code </style>}. */
  static final String HASH = hash(template());

  static String hash(String html) {
    int start = html.indexOf("<style>");
    int end = html.indexOf("</style>");
    if (start < 0 || end < start) {
      throw new IllegalStateException("the page template has no <style> element");
    }
    String css = html.substring(start + "<style>".length(), end);
    if (css.contains("{{")) {
      throw new IllegalStateException("the page's stylesheet must be static: its hash is fixed");
    }
    try {
      return Base64.getEncoder()
          .encodeToString(
              MessageDigest.getInstance("SHA-256").digest(css.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static String template() {
    try (InputStream in = PageStyle.class.getResourceAsStream("/web/page.mustache")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("page.mustache is in the jar", e);
    }
  }
}
