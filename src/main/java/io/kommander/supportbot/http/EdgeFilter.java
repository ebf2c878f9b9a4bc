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
 * The server's outer edge, before every servlet: only the methods a path serves get through (405
 * with {@code Allow} otherwise; TRACE never), and whatever a servlet throws becomes a clean 400 (a
 * malformed URL) or 500 (our fault, logged once with a request id), never Jetty's stack trace.
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
    String id = ErrorReplies.newRequestId();
    req.setAttribute(REQUEST_ID, id); // for work that continues on another thread
    MDC.put(REQUEST_ID, id);
    try {
      chain.doFilter(request, response);
    } catch (HttpException.RuntimeException | IllegalArgumentException e) {
      // Jetty decodes parameters lazily: malformed percent-encoding surfaces here.
      ErrorReplies.write(
          path,
          resp,
          400,
          "bad_request",
          "The URL or its parameters are not valid (malformed percent-encoding or UTF-8).");
    } catch (EofException e) {
      throw e; // the client went away; nothing to answer
    } catch (IOException | ServletException | RuntimeException e) {
      log.error("Request {} {} failed (request id {})", req.getMethod(), path, id, e);
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
}
