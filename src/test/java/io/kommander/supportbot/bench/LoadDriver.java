package io.kommander.supportbot.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/** Sends {@link Traffic} to one app, at a fixed rate (open loop) or as fast as it answers. */
final class LoadDriver {
  private final Traffic traffic;
  private final AtomicReference<String> firstFailure = new AtomicReference<>("");
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  LoadDriver(Traffic traffic) {
    this.traffic = traffic;
  }

  /**
   * {@code perSecond} requests a second for {@code length}, each sent when due whether or not the
   * earlier ones have been answered, as Slack does. Requests are signed beforehand so the sender
   * keeps time.
   */
  Result fixedRate(Traffic.Kind kind, int perSecond, Duration length) throws InterruptedException {
    int count = (int) (perSecond * length.toMillis() / 1000);
    List<HttpRequest> requests = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      requests.add(traffic.next(kind));
    }
    long[] latencies = new long[count];
    AtomicLong failures = new AtomicLong();
    CompletableFuture<?>[] pending = new CompletableFuture<?>[count];
    long period = TimeUnit.SECONDS.toNanos(1) / perSecond;
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      long due = start + i * period;
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      int slot = i;
      pending[i] =
          http.sendAsync(requests.get(i), HttpResponse.BodyHandlers.ofString())
              .handle(
                  (response, error) -> {
                    latencies[slot] = System.nanoTime() - due;
                    if (error != null || response.statusCode() != 200) {
                      failures.incrementAndGet();
                      failed(error != null ? error.toString() : "HTTP " + response.statusCode());
                    }
                    return null;
                  });
    }
    CompletableFuture.allOf(pending).join();
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(count, failures.get(), seconds, latencies, firstFailure.getAndSet(""));
  }

  /** {@code connections} senders, each sending its next request as soon as the last is answered. */
  Result fullSpeed(Traffic.Kind kind, int connections, Duration length)
      throws InterruptedException {
    long start = System.nanoTime();
    long end = start + length.toNanos();
    List<Sender> senders = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      Sender sender = new Sender(kind, end);
      senders.add(sender);
      sender.thread.start();
    }
    long requests = 0;
    long failures = 0;
    List<long[]> all = new ArrayList<>();
    for (Sender sender : senders) {
      sender.thread.join();
      requests += sender.count;
      failures += sender.failures;
      all.add(java.util.Arrays.copyOf(sender.latencies, sender.count));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long[] latencies = all.stream().flatMapToLong(java.util.Arrays::stream).toArray();
    return new Result(requests, failures, seconds, latencies, firstFailure.getAndSet(""));
  }

  /** Keeps the first failure of a phase, so a failed request is explained, not just counted. */
  private void failed(String why) {
    firstFailure.compareAndSet("", why);
  }

  /** One closed-loop connection's worth of requests. */
  private final class Sender {
    final Thread thread;
    long[] latencies = new long[4096];
    int count;
    long failures;

    Sender(Traffic.Kind kind, long end) {
      thread =
          new Thread(
              () -> {
                while (System.nanoTime() < end) {
                  send(traffic.next(kind));
                }
              },
              "load-sender");
    }

    private void send(HttpRequest request) {
      long sent = System.nanoTime();
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
          failures++;
          failed("HTTP " + response.statusCode());
        }
      } catch (java.io.IOException e) {
        failures++;
        failed(e.toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failures++;
        failed(e.toString());
      }
      if (count == latencies.length) {
        latencies = java.util.Arrays.copyOf(latencies, count * 2);
      }
      latencies[count++] = System.nanoTime() - sent;
    }
  }
}
