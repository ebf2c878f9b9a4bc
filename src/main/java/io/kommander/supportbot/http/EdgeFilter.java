package io.kommander.supportbot.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The server's outer edge, before every servlet: the headers of a careful site on every response
 * ({@link SecurityHeaders}), only the methods a path serves get through (405 with {@code Allow}
 * otherwise; TRACE never), and whatever a servlet throws, {@link Error}s included, becomes a clean
 * 400 (a malformed URL, a {@link BadParameter}) or 500 (our fault, logged once with a request id
 * and a few frames, never a whole overflowed stack), never Jetty's stack trace.
 */
public final class EdgeFilter implements Filter {
  private static final Logger log = LoggerFactory.getLogger(EdgeFilter.class);

  /** The request's id: in the log context (MDC) and as a request attribute. */
  public static final String REQUEST_ID = "request_id";

  private static final Set<String> READ = Set.of("GET", "HEAD");
  private static final Set<String> SLACK = Set.of("POST");
  private static final String READ_ALLOW = allowHeader(READ);
  private static final String SLACK_ALLOW = allowHeader(SLACK);

  private static String allowHeader(Set<String> methods) {
    return String.join(", ", methods.stream().sorted().toList());
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest req = (HttpServletRequest) request;
    HttpServletResponse resp = (HttpServletResponse) response;
    String path = req.getRequestURI();
    SecurityHeaders.apply(resp);
    boolean slack = path.equals("/slack/events");
    Set<String> allowed = slack ? SLACK : READ;
    String allow = slack ? SLACK_ALLOW : READ_ALLOW;
    if (req.getMethod().equals("OPTIONS")) {
      resp.setHeader("Allow", allow + ", OPTIONS");
      resp.setStatus(204);
      return;
    }
    if (!allowed.contains(req.getMethod())) {
      resp.setHeader("Allow", allow + ", OPTIONS");
      resp.setHeader("Connection", "close"); // CONNECT would otherwise hold the connection open
      ErrorReplies.write(
          path,
          resp,
          405,
          "method_not_allowed",
          req.getMethod().replaceAll("[^A-Za-z]", "?") + " is not served here; use " + allow + ".");
      return;
    }
    if (!slack && malformed(req)) {
      malformedUrl(path, resp);
      return;
    }
    String id = ErrorReplies.newRequestId();
    req.setAttribute(REQUEST_ID, id); // for work that continues on another thread
    MDC.put(REQUEST_ID, id);
    try {
      chain.doFilter(request, response);
    } catch (BadParameter e) {
      ErrorReplies.write(path, resp, 400, e.code(), e.getMessage());
    } catch (HttpException.RuntimeException e) {
      // Jetty refusing what it was sent, found lazily (Slack's body and query are decoded late).
      malformedUrl(path, resp);
    } catch (EofException e) {
      throw e; // the client went away; nothing to answer
    } catch (Throwable e) { // a StackOverflowError too must end as our reply, not Jetty's
      if (slack && e instanceof IllegalArgumentException) {
        malformedUrl(path, resp); // Slack's query string is decoded by its servlet, lazily
        return;
      }
      log.error("Request {} {} failed (request id {}): {}", req.getMethod(), path, id, brief(e));
      ErrorReplies.write(
          path,
          resp,
          500,
          "internal_error",
          "Something went wrong on our side; the log has the details under request id " + id + ".");
    } finally {
      MDC.remove(REQUEST_ID);
    }
  }

  /**
   * Whether the query string cannot be decoded (bad percent-encoding or UTF-8). Decoded here, not
   * lazily inside a servlet, so that an IllegalArgumentException there is a bug of ours (a 500),
   * not the asker's malformed URL. Slack's form body is left to its servlet.
   */
  private static boolean malformed(HttpServletRequest req) {
    try {
      req.getParameterMap();
      return false;
    } catch (HttpException.RuntimeException | IllegalArgumentException e) {
      return true;
    }
  }

  private static void malformedUrl(String path, HttpServletResponse resp) throws IOException {
    ErrorReplies.write(
        path,
        resp,
        400,
        "bad_request",
        "The URL or its parameters are not valid (malformed percent-encoding or UTF-8).");
  }

  /** Frames logged per failure: where it happened, without 1,024 frames of an overflow. */
  static final int FRAMES = 12;

  /** The failure and its causes, each with its first {@link #FRAMES} frames; messages cut short. */
  static String brief(Throwable failure) {
    StringBuilder out = new StringBuilder();
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 4; t = t.getCause(), depth++) {
      if (depth > 0) {
        out.append("\n  caused by: ");
      }
      String message = String.valueOf(t.getMessage());
      out.append(t.getClass().getName())
          .append(": ")
          .append(message.length() > 200 ? message.substring(0, 200) + "…" : message);
      StackTraceElement[] stack = t.getStackTrace();
      for (int i = 0; i < Math.min(FRAMES, stack.length); i++) {
        out.append("\n\tat ").append(stack[i]);
      }
      if (stack.length > FRAMES) {
        out.append("\n\t… ").append(stack.length - FRAMES).append(" more frames");
      }
    }
    return out.toString();
  }
}
