package io.kommander.supportbot.web;

import io.kommander.supportbot.http.ErrorReplies;
import io.kommander.supportbot.http.QueryParams;
import io.kommander.supportbot.http.Revalidation;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.render.Timeline;
import io.kommander.supportbot.web.TimelineImages.Format;
import io.kommander.supportbot.web.TimelineImages.Key;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /timeline.svg} (for the page) and {@code /timeline.png} (for Slack, which shows PNG
 * but not SVG): support over time as of {@code asOf} (default today), from {@code from} (a day, or
 * {@code all}; default {@value Timeline#YEARS_BACK} years back), both bounded by {@link
 * QueryParams}. Weak ETags like the API; images are kept and drawn a few at a time ({@link
 * TimelineImages}): beyond that a 503 with {@code Retry-After}.
 */
public final class TimelineServlet extends HttpServlet {
  /** The layout's width in CSS pixels; the PNG is twice that. */
  public static final int WIDTH = 960;

  /** Seconds a client is asked to wait when every drawing slot is taken: one drawing's time. */
  static final int RETRY_AFTER_SECONDS = 1;

  private final transient Supplier<PolicyService> policy;
  private final transient TimelineImages images;

  TimelineServlet(Supplier<PolicyService> policy, TimelineImages images) {
    this.policy = policy;
    this.images = images;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getRequestURI();
    Format format = path.endsWith(".png") ? Format.PNG : Format.SVG;
    PolicyService service = policy.get();
    QueryParams params = new QueryParams(req, service);
    LocalDate day = params.asOfOrToday();
    boolean all = params.single("from").filter("all"::equals).isPresent();
    Optional<LocalDate> from = all ? Optional.empty() : params.day("from", ", or all");
    Key key = Key.of(service.revision(), day, from, all, format);
    String etag =
        "W/\""
            + service.revision()
            + "-"
            + day
            + "-"
            + (all ? "all" : key.from().map(LocalDate::toString).orElse("default"))
            + "-"
            + format.name().toLowerCase(java.util.Locale.ROOT)
            + "\"";
    if (Revalidation.notModified(req, resp, etag)) {
      return;
    }
    Optional<byte[]> body = images.get(service, key);
    if (body.isEmpty()) {
      resp.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
      resp.setHeader("Cache-Control", "no-store");
      resp.setHeader("ETag", null); // nothing to revalidate
      ErrorReplies.write(
          path,
          resp,
          503,
          "busy",
          "Other timelines are being drawn; try again in " + RETRY_AFTER_SECONDS + " s.");
      return;
    }
    resp.setStatus(200);
    resp.setContentType(format == Format.PNG ? "image/png" : "image/svg+xml;charset=utf-8");
    resp.setContentLength(body.get().length);
    resp.getOutputStream().write(body.get());
  }
}
