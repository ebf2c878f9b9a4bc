package io.kommander.supportbot.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.kommander.supportbot.http.ErrorReplies;
import io.kommander.supportbot.http.Revalidation;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.render.Timeline;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /timeline.svg} (for the page) and {@code /timeline.png} (for Slack, which shows PNG
 * but not SVG): support over time as of {@code asOf} (default today), from {@code from} (a day, or
 * {@code all}; default {@value Timeline#YEARS_BACK} years back). Weak ETags like the API; rendered
 * images are kept (a few), since Slack and browsers fetch the same one again and again.
 */
public final class TimelineServlet extends HttpServlet {
  /** The layout's width in CSS pixels; the PNG is twice that. */
  public static final int WIDTH = 960;

  private final transient Supplier<PolicyService> policy;
  private final transient Cache<String, byte[]> rendered =
      Caffeine.newBuilder().maximumSize(32).build();

  public TimelineServlet(Supplier<PolicyService> policy) {
    this.policy = policy;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getRequestURI();
    boolean png = path.endsWith(".png");
    Optional<LocalDate> asOf;
    Optional<LocalDate> from;
    boolean all = "all".equals(req.getParameter("from"));
    try {
      asOf = day(req.getParameter("asOf"));
      from = all ? Optional.empty() : day(req.getParameter("from"));
    } catch (DateTimeParseException e) {
      ErrorReplies.write(
          path, resp, 400, "bad_request", "asOf and from are days (YYYY-MM-DD); from may be 'all'");
      return;
    }
    PolicyService service = policy.get();
    LocalDate day = asOf.orElseGet(service::today);
    String etag =
        "W/\""
            + service.revision()
            + "-"
            + day
            + "-"
            + (all ? "all" : from.map(LocalDate::toString).orElse("default"))
            + (png ? "-png" : "-svg")
            + "\"";
    if (Revalidation.notModified(req, resp, etag)) {
      return;
    }
    byte[] body =
        rendered.get(
            etag,
            k -> {
              TimelineDrawing drawing =
                  new TimelineDrawing(
                      Timeline.of(service.catalog(), service.policy().matrix(day), from, all),
                      WIDTH);
              return png
                  ? TimelinePng.write(drawing)
                  : TimelineSvg.write(drawing).getBytes(StandardCharsets.UTF_8);
            });
    resp.setStatus(200);
    resp.setContentType(png ? "image/png" : "image/svg+xml;charset=utf-8");
    resp.setContentLength(body.length);
    resp.getOutputStream().write(body);
  }

  private static Optional<LocalDate> day(String text) {
    return text == null || text.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(text));
  }
}
