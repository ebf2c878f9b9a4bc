package io.kommander.supportbot.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kommander.supportbot.timing.Timers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack's Web API for the load runs: {@code auth.test} for start-up and a counting {@code
 * chat.postMessage} that can be made slow, as Slack's sometimes is. It counts the threads replied
 * in, so a mention answered twice shows. The JDK's own server, not WireMock, so the stub costs both
 * apps as little CPU as possible and keeps no request journal.
 */
final class SlackApiStub implements AutoCloseable {
  private static final byte[] AUTH_TEST =
      """
      {"ok":true,"url":"https://bench.slack.com/","team":"bench","user":"bot",\
      "team_id":"T0001","user_id":"UBOT","bot_id":"BBOT"}"""
          .getBytes(StandardCharsets.UTF_8);
  private static final byte[] POSTED =
      "{\"ok\":true,\"channel\":\"C0001\",\"ts\":\"1700000000.000200\"}"
          .getBytes(StandardCharsets.UTF_8);
  private static final byte[] OK = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);

  private static final Pattern THREAD_TS = Pattern.compile("(?:^|&)thread_ts=([^&]*)");
  private static final Pattern CHANNEL = Pattern.compile("(?:^|&)channel=([^&]*)");
  private static final byte[] RATE_LIMITED =
      "{\"ok\":false,\"error\":\"ratelimited\"}".getBytes(StandardCharsets.UTF_8);

  /** Slack's allowance per channel: about one post a second, with short bursts. */
  static final int BURST = 3;

  private final HttpServer server;
  private final ExecutorService workers = Executors.newCachedThreadPool();
  private final AtomicLong posts = new AtomicLong();
  private final Set<String> threads = ConcurrentHashMap.newKeySet();
  private volatile Duration postDelay = Duration.ZERO;
  private volatile boolean limitChannels;
  private final Map<String, Deque<Long>> recentByChannel = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> topLevelByChannel = new ConcurrentHashMap<>();
  private final AtomicLong limited = new AtomicLong();
  private final AtomicLong firstTopLevel = new AtomicLong();
  private final AtomicLong lastTopLevel = new AtomicLong();

  SlackApiStub() throws IOException {
    // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's
    // delayed ACK, and every Web API call takes 40 ms.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
    server.createContext("/api/", this::handle);
    server.setExecutor(workers);
    server.start();
  }

  String apiUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
  }

  /** How many {@code chat.postMessage} calls arrived so far. */
  long posts() {
    return posts.get();
  }

  /** How many different threads were replied in: fewer than posts means a duplicate reply. */
  long threadsRepliedIn() {
    return threads.size();
  }

  /**
   * From now on, a channel posted to (outside threads) more than {@link #BURST} times within {@code
   * BURST} seconds is answered 429 with {@code Retry-After: 1}, as Slack does.
   */
  void limitPerChannel(boolean on) {
    limitChannels = on;
  }

  /** How many posts were answered 429. */
  long rateLimited() {
    return limited.get();
  }

  /**
   * Posts outside threads (announcements), by channel: more than one in a channel is a duplicate.
   */
  Map<String, Long> topLevelPosts() {
    Map<String, Long> out = new java.util.HashMap<>();
    topLevelByChannel.forEach((c, n) -> out.put(c, n.get()));
    return out;
  }

  /** From the first post outside a thread being answered to the last (zero before any). */
  Duration topLevelSpan() {
    return Duration.ofNanos(lastTopLevel.get() - firstTopLevel.get());
  }

  /** Each post is answered after this long (from now on). */
  void slowPostsBy(Duration delay) {
    postDelay = delay;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange;
        InputStream body = exchange.getRequestBody()) {
      String method = exchange.getRequestURI().getPath().substring("/api/".length());
      if (method.equals("chat.postMessage")) {
        String form = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        Matcher channel = CHANNEL.matcher(form);
        String to = channel.find() ? channel.group(1) : "none";
        Matcher thread = THREAD_TS.matcher(form);
        boolean threaded = thread.find();
        // Announcements (outside threads) are limited; the harness's mention replies all go to
        // one test channel at a rate Slack itself would throttle, so they are not.
        if (limitChannels && !threaded && overLimit(to)) {
          limited.incrementAndGet();
          exchange.getResponseHeaders().set("Retry-After", "1");
          exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
          exchange.sendResponseHeaders(429, RATE_LIMITED.length);
          exchange.getResponseBody().write(RATE_LIMITED);
          return;
        }
        if (threaded) {
          threads.add(thread.group(1));
        } else {
          threads.add("none");
          topLevelByChannel.computeIfAbsent(to, c -> new AtomicLong()).incrementAndGet();
        }
        Timers.sleep(postDelay);
        if (!threaded) {
          firstTopLevel.compareAndSet(0, System.nanoTime());
          lastTopLevel.set(System.nanoTime());
        }
      } else {
        body.transferTo(OutputStream.nullOutputStream());
      }
      byte[] reply =
          switch (method) {
            case "auth.test" -> AUTH_TEST;
            case "chat.postMessage" -> {
              posts.incrementAndGet();
              yield POSTED;
            }
            default -> OK;
          };
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      exchange.sendResponseHeaders(200, reply.length);
      exchange.getResponseBody().write(reply);
    }
  }

  /** Records this post's time; true if the channel's allowance is spent. */
  private boolean overLimit(String channel) {
    long now = System.nanoTime();
    Deque<Long> recent = recentByChannel.computeIfAbsent(channel, c -> new ArrayDeque<>());
    synchronized (recent) {
      while (!recent.isEmpty() && now - recent.peekFirst() > BURST * 1_000_000_000L) {
        recent.pollFirst();
      }
      if (recent.size() >= BURST) {
        return true;
      }
      recent.addLast(now);
      return false;
    }
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }
}
