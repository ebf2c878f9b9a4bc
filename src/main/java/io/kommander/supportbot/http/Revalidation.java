package io.kommander.supportbot.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Conditional GETs, the same on the page, the images and the API: an ETag, {@code no-cache} (always
 * ask, never guess), and a {@code 304} when the client's copy is still the answer.
 */
public final class Revalidation {
  private Revalidation() {}

  /** Sets the headers; true, with the status set to 304, when the client's copy is current. */
  public static boolean notModified(HttpServletRequest req, HttpServletResponse resp, String etag) {
    resp.setHeader("ETag", etag);
    resp.setHeader("Cache-Control", "no-cache");
    if (etag.equals(req.getHeader("If-None-Match"))) {
      resp.setStatus(304);
      return true;
    }
    return false;
  }
}
