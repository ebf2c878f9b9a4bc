package io.kommander.supportbot.http;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Hands a signed, fully read Slack request to Bolt's servlet, and keeps Bolt's failures from
 * reaching Slack as errors: a payload Bolt cannot parse gets a 400 and one short log line (not a
 * 500 and a stack trace), an event type no listener handles gets an empty 200.
 */
final class BoltHandOff {
  private static final Logger log = LoggerFactory.getLogger(BoltHandOff.class);

  private final HttpServlet bolt;

  BoltHandOff(HttpServlet bolt) {
    this.bolt = bolt;
  }

  /** A signed body, whole: Bolt answers it; what it cannot handle gets a 400 and one log line. */
  void handle(HttpServletRequest req, HttpServletResponse resp, byte[] body) throws IOException {
    StatusSeen seen = new StatusSeen(resp);
    // A body read asynchronously is handled on another thread than the edge's: carry the id over.
    boolean carried = MDC.get(EdgeFilter.REQUEST_ID) == null;
    if (carried) {
      MDC.put(EdgeFilter.REQUEST_ID, String.valueOf(req.getAttribute(EdgeFilter.REQUEST_ID)));
    }
    try {
      bolt.service(new BufferedRequest(req, body), seen);
      if (seen.unhandled()) {
        log.info("Acked a Slack request no listener handles: {}", excerpt(body));
      } else if (seen.status >= 400 && seen.status < 500) {
        log.warn("Signed Slack payload refused by Bolt ({}): {}", seen.status, excerpt(body));
      }
    } catch (Exception e) {
      log.warn(
          "Signed Slack payload Bolt could not handle ({}): {}",
          e.getClass().getSimpleName(),
          excerpt(body));
      ErrorReplies.write("/slack/events", resp, 400, "refused", "Malformed Slack payload");
    } finally {
      if (carried) {
        MDC.remove(EdgeFilter.REQUEST_ID);
      }
    }
  }

  /** Enough of a body to recognise it in the log, never the whole 256 KiB. */
  private static String excerpt(byte[] body) {
    String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
    return body.length > 200 ? text + "… (" + body.length + " bytes)" : text;
  }

  /**
   * Remembers the status Bolt set, to log its refusals in one line, and turns its 404 for an event
   * type no listener handles into an empty 200: Slack counts a 404 as a failed delivery, retries
   * it, and turns off subscriptions that keep failing.
   */
  private static final class StatusSeen extends HttpServletResponseWrapper {
    private static final ServletOutputStream NOTHING =
        new ServletOutputStream() {
          @Override
          public void write(int b) {
            // dropped
          }

          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {
            throw new IllegalStateException("writes are dropped at once");
          }
        };

    private int status = 200;

    StatusSeen(HttpServletResponse resp) {
      super(resp);
    }

    boolean unhandled() {
      return status == 404;
    }

    @Override
    public void setStatus(int sc) {
      status = sc;
      super.setStatus(sc == 404 ? 200 : sc);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
      status = sc;
      super.sendError(sc, msg);
    }

    @Override
    public void sendError(int sc) throws IOException {
      status = sc;
      super.sendError(sc);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      // Bolt's "no handler found" would contradict the 200.
      return unhandled() ? NOTHING : super.getOutputStream();
    }

    @Override
    public void setContentLength(int len) {
      if (!unhandled()) {
        super.setContentLength(len);
      }
    }
  }

  /** The request with its body already read, for Bolt to read again. */
  private static final class BufferedRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    BufferedRequest(HttpServletRequest req, byte[] body) {
      super(req);
      this.body = body;
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(
          new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public byte[] readAllBytes() {
          return in.readAllBytes(); // InputStream's own allocates 16 KB to read a 500-byte body
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new IllegalStateException("the body is already read");
        }
      };
    }
  }
}
