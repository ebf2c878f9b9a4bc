package io.kommander.supportbot.http;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads a request body of known length without holding a thread while it arrives, within a time
 * limit: a client that trickles bytes costs a connection, not a worker. A body that came with the
 * headers (Slack's usual case) is read at once, without the asynchronous machinery.
 */
final class BodyReceiver {
  /** Bodies being received at once; beyond this, 503 (each pending one holds a little memory). */
  static final int MAX_PENDING = 512;

  /** What to do with the body once it is here (on a request thread, the response still open). */
  interface Then {
    void accept(byte[] body) throws IOException;
  }

  private final Duration timeout;
  private final AtomicInteger pending = new AtomicInteger();

  /**
   * @param timeout how long a body may take to arrive (408 after that)
   */
  BodyReceiver(Duration timeout) {
    this.timeout = timeout;
  }

  /**
   * Reads {@code length} bytes, keeps the first {@code keep} of them (0: read and discard, so the
   * client is still reading when the refusal comes), then runs {@code then}. A body of unknown
   * length is read to its end or until more than {@code length} bytes came.
   */
  void receive(HttpServletRequest req, HttpServletResponse resp, int length, int keep, Then then)
      throws IOException {
    ServletInputStream in = req.getInputStream();
    if (in.available() >= length) {
      // Reading cannot block: the whole body came with the headers.
      byte[] body = in.readNBytes(keep);
      in.skipNBytes(length - keep);
      then.accept(body);
    } else if (pending.incrementAndGet() > MAX_PENDING) {
      pending.decrementAndGet();
      resp.setHeader("Retry-After", "1");
      ErrorReplies.write(
          "/slack/events", resp, 503, "refused", "Too many requests being received; retry");
    } else {
      receiveLater(req, resp, length, keep, then);
    }
  }

  private void receiveLater(
      HttpServletRequest req, HttpServletResponse resp, int length, int keep, Then then)
      throws IOException {
    AsyncContext async = req.startAsync();
    async.setTimeout(timeout.toMillis());
    // The first of the whole body, a timeout or an error settles the request; the others find it
    // settled and do nothing.
    AtomicBoolean settled = new AtomicBoolean();
    async.addListener(
        new AsyncListener() {
          @Override
          public void onTimeout(AsyncEvent event) throws IOException {
            if (settle(settled)) {
              ErrorReplies.write(
                  "/slack/events", resp, 408, "refused", "The request body did not arrive in time");
              async.complete();
            }
          }

          @Override
          public void onError(AsyncEvent event) {
            if (settle(settled)) {
              async.complete();
            }
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
    ByteArrayOutputStream body = new ByteArrayOutputStream(Math.min(keep, 16 * 1024));
    in.setReadListener(
        new ReadListener() {
          private final byte[] chunk = new byte[8192];
          private long total;

          @Override
          public void onDataAvailable() throws IOException {
            while (in.isReady() && !in.isFinished()) {
              int n = in.read(chunk);
              if (n > 0) {
                body.write(chunk, 0, Math.max(0, Math.min(n, keep - body.size())));
                total += n;
              }
              if (total > length) {
                onAllDataRead(); // a body of unknown length that goes on: enough was read
                return;
              }
            }
          }

          @Override
          public void onAllDataRead() throws IOException {
            if (settle(settled)) {
              try {
                then.accept(body.toByteArray());
              } finally {
                async.complete();
              }
            }
          }

          @Override
          public void onError(Throwable t) {
            if (settle(settled)) {
              async.complete();
            }
          }
        });
  }

  private boolean settle(AtomicBoolean settled) {
    if (!settled.compareAndSet(false, true)) {
      return false;
    }
    pending.decrementAndGet();
    return true;
  }
}
