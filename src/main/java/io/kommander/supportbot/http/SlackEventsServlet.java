package io.kommander.supportbot.http;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.servlet.AsyncContext;
import javax.servlet.AsyncEvent;
import javax.servlet.AsyncListener;
import javax.servlet.ReadListener;
import javax.servlet.ServletInputStream;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * {@code POST /slack/events}, in front of Bolt. Cheap checks first (size, Slack's signature
 * headers, the 5-minute window both ways), then the body is read without holding a thread, within
 * {@link #BODY_TIMEOUT}: Slack sends whole bodies at once, so a client that trickles bytes costs a
 * connection, not a worker. Only a body whose v0 signature checks out reaches Bolt, and a signed
 * payload Bolt cannot parse gets a 400 and one short log line, not a 500 and a stack trace.
 */
public final class SlackEventsServlet extends HttpServlet {
  private static final Logger log = LoggerFactory.getLogger(SlackEventsServlet.class);

  /** Slack's largest payloads (modal submissions) are far below this. */
  public static final long MAX_BODY_BYTES = 256 * 1024;

  /** Slack's replay window, applied both ways (Bolt alone lets future timestamps through). */
  static final long WINDOW_SECONDS = 5 * 60;

  /** How long a body may take to arrive; Slack's arrive within milliseconds. */
  public static final Duration BODY_TIMEOUT = Duration.ofSeconds(5);

  /** Bodies being received at once; beyond this, 503 (each pending one holds a little memory). */
  static final int MAX_PENDING = 512;

  private final transient HttpServlet bolt;
  private final transient byte[] secret;
  private final transient Clock clock;
  private final AtomicInteger pending = new AtomicInteger();

  public SlackEventsServlet(HttpServlet bolt, String signingSecret, Clock clock) {
    this.bolt = bolt;
    this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    long length = req.getContentLengthLong();
    if (length < 0) {
      refuse(resp, 411, "Content-Length required");
    } else if (length > MAX_BODY_BYTES) {
      refuse(resp, 413, "Request body over " + MAX_BODY_BYTES + " bytes");
    } else if (!freshlySigned(req)) {
      refuse(resp, 401, "Missing, stale or malformed Slack signature headers");
    } else if (req.getInputStream().available() >= length) {
      // The whole body came with the headers (Slack's usual case): reading it cannot block, so
      // it is read here, without the asynchronous machinery a slow sender needs.
      handle(req, resp, req.getInputStream().readNBytes((int) length));
    } else if (pending.incrementAndGet() > MAX_PENDING) {
      pending.decrementAndGet();
      resp.setHeader("Retry-After", "1");
      refuse(resp, 503, "Too many requests being received; retry");
    } else {
      receive(req, resp, (int) length);
    }
  }

  private void receive(HttpServletRequest req, HttpServletResponse resp, int length)
      throws IOException {
    AsyncContext async = req.startAsync();
    async.setTimeout(BODY_TIMEOUT.toMillis());
    // The first of the whole body, a timeout or an error settles the request; the others find it
    // settled and do nothing.
    AtomicBoolean settled = new AtomicBoolean();
    BooleanSupplier settle =
        () -> {
          if (!settled.compareAndSet(false, true)) {
            return false;
          }
          pending.decrementAndGet();
          return true;
        };
    Runnable abandon =
        () -> {
          if (settle.getAsBoolean()) {
            async.complete();
          }
        };
    async.addListener(
        new AsyncListener() {
          @Override
          public void onTimeout(AsyncEvent event) throws IOException {
            if (settle.getAsBoolean()) {
              refuse(resp, 408, "The request body did not arrive in time");
              async.complete();
            }
          }

          @Override
          public void onError(AsyncEvent event) {
            abandon.run();
          }

          @Override
          public void onComplete(AsyncEvent event) {
            // settled above
          }

          @Override
          public void onStartAsync(AsyncEvent event) {
            // not restarted
          }
        });
    ServletInputStream in = req.getInputStream();
    ByteArrayOutputStream body = new ByteArrayOutputStream(Math.min(length, 16 * 1024));
    in.setReadListener(
        new ReadListener() {
          private final byte[] chunk = new byte[8192];

          @Override
          public void onDataAvailable() throws IOException {
            while (in.isReady() && !in.isFinished()) {
              int n = in.read(chunk);
              if (n > 0) {
                body.write(chunk, 0, Math.min(n, (int) MAX_BODY_BYTES - body.size()));
              }
            }
          }

          @Override
          public void onAllDataRead() throws IOException {
            if (settle.getAsBoolean()) {
              try {
                handle(req, resp, body.toByteArray());
              } finally {
                async.complete();
              }
            }
          }

          @Override
          public void onError(Throwable t) {
            abandon.run();
          }
        });
  }

  /** The whole body is here: check its signature, then let Bolt answer it. */
  private void handle(HttpServletRequest req, HttpServletResponse resp, byte[] body)
      throws IOException {
    if (!signatureMatches(req, body)) {
      refuse(resp, 401, "Signature does not match");
      return;
    }
    StatusSeen seen = new StatusSeen(resp);
    // A body read asynchronously is handled on another thread than the edge's: carry the id over.
    boolean carried = MDC.get(EdgeFilter.REQUEST_ID) == null;
    if (carried) {
      MDC.put(EdgeFilter.REQUEST_ID, String.valueOf(req.getAttribute(EdgeFilter.REQUEST_ID)));
    }
    try {
      bolt.service(new BufferedRequest(req, body), seen);
      seen.finish();
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
      if (!resp.isCommitted()) {
        refuse(resp, 400, "Malformed Slack payload");
      }
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
   * Collects what Bolt writes and hands Jetty its bytes in one write when flushed. Jetty's own
   * writer encodes in 512-character chunks, a write each: for a 3 KB Block Kit reply that was ~12%
   * of the endpoint's CPU under load (JFR), against bare Bolt's 60-byte reply.
   */
  private static final class WholeBody extends Writer {
    private final StringBuilder text = new StringBuilder(4096);
    private final OutputStream out;

    WholeBody(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(char[] chars, int off, int len) {
      text.append(chars, off, len);
    }

    @Override
    public void write(String s, int off, int len) {
      text.append(s, off, off + len);
    }

    @Override
    public void flush() throws IOException {
      if (text.length() > 0) {
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        text.setLength(0);
      }
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }

  /**
   * Remembers the status Bolt set, to log its refusals in one line, and turns its 404 for an event
   * type no listener handles into an empty 200: Slack counts a 404 as a failed delivery, retries
   * it, and turns off subscriptions that keep failing.
   */
  private static final class StatusSeen extends HttpServletResponseWrapper {
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

    private PrintWriter writer;

    @Override
    public PrintWriter getWriter() throws IOException {
      if (unhandled()) {
        return new PrintWriter(
            Writer.nullWriter()); // Bolt's "no handler found" would contradict the 200
      }
      if (writer == null) {
        writer = new PrintWriter(new WholeBody(getOutputStream()));
      }
      return writer;
    }

    /** Sends what Bolt wrote; Bolt leaves its writer open. */
    void finish() {
      if (writer != null) {
        writer.flush();
      }
    }

    @Override
    public void setContentLength(int len) {
      if (!unhandled()) {
        super.setContentLength(len);
      }
    }
  }

  private boolean freshlySigned(HttpServletRequest req) {
    String signature = req.getHeader("X-Slack-Signature");
    String timestamp = req.getHeader("X-Slack-Request-Timestamp");
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

  /** Slack's v0 signature: HMAC-SHA256 of {@code v0:timestamp:body}, compared in constant time. */
  private boolean signatureMatches(HttpServletRequest req, byte[] body) {
    Mac mac = hmac.get(); // doFinal leaves it reset for the next request
    mac.update(
        ("v0:" + req.getHeader("X-Slack-Request-Timestamp").strip() + ":")
            .getBytes(StandardCharsets.UTF_8));
    String expected = "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8),
        req.getHeader("X-Slack-Signature").getBytes(StandardCharsets.UTF_8));
  }

  /** One keyed HMAC per thread: looking up the provider for each request showed in profiles. */
  private final transient ThreadLocal<Mac> hmac = ThreadLocal.withInitial(this::newHmac);

  private Mac newHmac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has HmacSHA256", e);
    }
  }

  private static void refuse(HttpServletResponse resp, int status, String why) throws IOException {
    ErrorReplies.write("/slack/events", resp, status, "refused", why);
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
