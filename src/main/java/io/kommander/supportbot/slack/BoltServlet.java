package io.kommander.supportbot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import io.kommander.supportbot.delivery.Receipt;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt over HTTP, as Bolt's own {@code SlackAppServlet} runs it (read, parse, {@code app.run},
 * write), except that a slash command is read by {@link SlashCommandForm} in one pass instead of
 * Bolt's three. The command then runs through the same app (middleware, listener, ack); every other
 * request is parsed by Bolt's parser. A body that cannot be parsed throws, for the caller to
 * refuse; a listener that fails is acknowledged (200) and logged in one line, never a 500, except
 * when the outbox could record its event nowhere: then a 503, for Slack to deliver it again.
 */
public final class BoltServlet extends HttpServlet {
  private static final Logger log = LoggerFactory.getLogger(BoltServlet.class);

  private final transient App app;
  private final transient SlackRequestParser parser;

  public BoltServlet(App app) {
    this.app = app;
    this.parser = new SlackRequestParser(app.config());
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Request<?> request =
        parse(req, new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    Response response;
    if (request == null) {
      response = Response.builder().statusCode(400).body("Invalid Request").build();
    } else {
      try {
        response = app.run(request);
      } catch (Receipt.NotRecorded e) {
        // Nothing could keep the event (the outbox said why): anything but a 2xx, and Slack
        // delivers it again. A listener's own non-200 would not do: Bolt takes it for "not mine".
        response =
            Response.builder()
                .statusCode(503)
                .contentType("text/plain; charset=utf-8")
                .body("Not recorded; deliver it again.")
                .build();
      } catch (Exception e) {
        // Slack would show its user an error and retry the same payload, which fails the same
        // way: acknowledge it, and say in one line what could not be handled.
        log.warn(
            "Could not handle a signed Slack {} request; acknowledged: {}: {}",
            request.getRequestType(),
            e.getClass().getSimpleName(),
            e.getMessage());
        log.debug("The failure in full", e);
        response = Response.ok();
      }
    }
    write(resp, response);
  }

  /**
   * As Bolt's {@code ServletAdapterOps.writeResponse}, but the body goes out as bytes in one write,
   * its length known: through the servlet's writer, a 3 KB Block Kit reply was copied four times
   * and encoded in 512-character chunks, a third of what a slash command allocated (JFR).
   */
  private static void write(HttpServletResponse resp, Response response) throws IOException {
    resp.setStatus(response.getStatusCode());
    response.getHeaders().forEach((name, values) -> values.forEach(v -> resp.addHeader(name, v)));
    resp.setHeader("Content-Type", response.getContentType());
    if (response.getBody() != null) {
      byte[] body = response.getBody().getBytes(StandardCharsets.UTF_8);
      resp.setContentLength(body.length);
      resp.getOutputStream().write(body);
    }
  }

  /** Every header with all its values, as Bolt reads them (its servlet adapter did the same). */
  private static Map<String, List<String>> headers(HttpServletRequest req) {
    Map<String, List<String>> headers = new HashMap<>();
    for (String name : Collections.list(req.getHeaderNames())) {
      headers.put(name, Collections.list(req.getHeaders(name)));
    }
    return headers;
  }

  private Request<?> parse(HttpServletRequest req, String body) {
    RequestHeaders headers = new RequestHeaders(headers(req));
    var command = SlashCommandForm.parse(body);
    if (command.isEmpty()) {
      return parser.parse(
          SlackRequestParser.HttpRequest.builder()
              .requestUri(req.getRequestURI())
              .queryString(QueryStringParser.toMap(req.getQueryString()))
              .headers(headers)
              .requestBody(body)
              .remoteAddress(req.getRemoteAddr())
              .build());
    }
    // What Bolt's parser does with the command it has read.
    SlashCommandRequest request = new SlashCommandRequest(body, command.get(), headers);
    request.updateContext(app.config());
    if (req.getQueryString() != null) {
      request.getQueryString().putAll(QueryStringParser.toMap(req.getQueryString()));
    }
    String forwardedFor = headers.getFirstValue("X-Forwarded-For");
    request.setClientIpAddress(forwardedFor != null ? forwardedFor : req.getRemoteAddr());
    return request;
  }
}
