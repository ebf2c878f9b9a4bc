package io.kommander.supportbot.http;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads a request body of known length without holding a thread while it arrives, within a time
 * limit: a client that trickles bytes costs a connection, not a worker. A body that came with the
 * headers (Slack's usual case) is read at once, without the asynchronous machinery. Every byte kept
 * counts against a budget shared by all requests until the body has been dealt with: past it, a
 * fast 503 with {@code Retry-After}, never a buffer that grows with the number of senders.
 */
final class BodyReceiver {
  /** Bodies being received at once; beyond this, 503 (each pending one holds a little memory). */
  static final int MAX_PENDING = 512;

  /** What to do with the body once it is here (on a request thread, the response still open). */
  interface Then {
    void accept(byte[] body) throws IOException;
  }

  private final Duration timeout;
  private final ByteBudget budget;
  private final AtomicInteger pending = new AtomicInteger();

  /**
   * @param timeout how long a body may take to arrive (408 after that)
   * @param budget the bytes all bodies being received may keep at once
   */
  BodyReceiver(Duration timeout, ByteBudget budget) {
    this.timeout = timeout;
    this.budget = budget;
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
      if (!budget.take(keep)) {
        busy(resp);
        return;
      }
      try {
        byte[] body = in.readNBytes(keep);
        in.skipNBytes(length - keep);
        then.accept(body);
      } finally {
        budget.giveBack(keep);
      }
    } else if (pending.incrementAndGet() > MAX_PENDING) {
      pending.decrementAndGet();
      busy(resp);
    } else {
      receiveLater(req, resp, length, keep, then);
    }
  }

  /** The refusal when too much is being received: fast, and the connection is not kept. */
  private static void busy(HttpServletResponse resp) throws IOException {
    resp.setHeader("Retry-After", "1");
    resp.setHeader("Connection", "close");
    ErrorReplies.write(
        "/slack/events", resp, 503, "refused", "Too many requests being received; retry");
  }

  private void receiveLater(
      HttpServletRequest req, HttpServletResponse resp, int length, int keep, Then then)
      throws IOException {
    AsyncContext async = req.startAsync();
    async.setTimeout(timeout.toMillis());
    // The first of the whole body, a timeout or an error settles the request; the others find it
    // settled and do nothing.
    AtomicBoolean settled = new AtomicBoolean();
    BodyBuffer body = new BodyBuffer(budget, keep);
    async.addListener(
        new AsyncListener() {
          @Override
          public void onTimeout(AsyncEvent event) throws IOException {
            if (settle(settled, body)) {
              ErrorReplies.write(
                  "/slack/events", resp, 408, "refused", "The request body did not arrive in time");
              async.complete();
            }
          }

          @Override
          public void onError(AsyncEvent event) {
            if (settle(settled, body)) {
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
    in.setReadListener(
        new ReadListener() {
          private final byte[] chunk = new byte[8192];
          private long total;

          @Override
          public void onDataAvailable() throws IOException {
            while (in.isReady() && !in.isFinished()) {
              int n = in.read(chunk);
              if (n > 0 && !body.append(chunk, n)) {
                if (settle(settled, body)) {
                  busy(resp);
                  async.complete();
                }
                return;
              }
              total += Math.max(n, 0);
              if (total > length) {
                onAllDataRead(); // a body of unknown length that goes on: enough was read
                return;
              }
            }
          }

          @Override
          public void onAllDataRead() throws IOException {
            if (settled.compareAndSet(false, true)) {
              try {
                then.accept(body.bytes());
              } finally {
                done(body);
                async.complete();
              }
            }
          }

          @Override
          public void onError(Throwable t) {
            if (settle(settled, body)) {
              async.complete();
            }
          }
        });
  }

  /**
   * The first of the body's end, a refusal, a timeout or an error settles it; true for that one.
   */
  private boolean settle(AtomicBoolean settled, BodyBuffer body) {
    if (!settled.compareAndSet(false, true)) {
      return false;
    }
    done(body);
    return true;
  }

  private void done(BodyBuffer body) {
    body.release();
    pending.decrementAndGet();
  }
}
