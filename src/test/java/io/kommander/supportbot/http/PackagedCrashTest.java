package io.kommander.supportbot.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The anonymous GETs that ended the packaged bot (issue 34), against the packaged jar with the
 * production flags ({@link PackagedBot}: 128 MB heap, {@code -XX:+ExitOnOutOfMemoryError}). Each
 * ended the JVM with "Terminating due to java.lang.OutOfMemoryError" before parameters were bounded
 * and drawing limited; each must now leave it alive and healthy.
 */
@Tag("packaged")
class PackagedCrashTest {
  static PackagedBot bot;

  @BeforeAll
  static void start() throws Exception {
    bot = PackagedBot.start("crash");
  }

  @AfterAll
  static void stop() {
    bot.close();
  }

  static RawHttp.Response get(String target) {
    try {
      return RawHttp.send(bot.port(), "GET", target, Map.of(), new byte[0]);
    } catch (java.io.IOException e) {
      return new RawHttp.Response(0, e.toString(), ""); // the process went away mid-answer
    }
  }

  /** {@code n} requests at once, released together; their answers in order. */
  static List<RawHttp.Response> atOnce(int n, Function<Integer, String> target) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<CompletableFuture<RawHttp.Response>> answers = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int at = i;
        answers.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    go.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  return get(target.apply(at));
                },
                pool));
      }
      go.countDown();
      return answers.stream().map(CompletableFuture::join).toList();
    } finally {
      pool.shutdownNow();
    }
  }

  /** One timeline a billion years long: the axis alone was a billion labels. */
  @Test
  void aTimelineFromYearMinusABillionIsRefusedNotDrawn() throws Exception {
    RawHttp.Response r = get("/timeline.svg?from=-999999999-01-01");
    assertThat(r.status()).as(r.head()).isEqualTo(400);
    assertThat(r.body()).contains("from 2019-01-01 to");
    bot.assertHealthy();
  }

  /**
   * Sixteen PNGs of distinct days at once: each canvas is megabytes (1920 by about 2000 pixels),
   * and sixteen drawn together exhausted the heap. Now two are drawn at a time and the rest told to
   * come back ({@code 503}, {@code Retry-After}); coming back, each gets its image.
   */
  @Test
  void sixteenParallelPngsOnDistinctDaysLeaveItHealthy() throws Exception {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    // From the earliest day allowed: every line, the tallest canvas (1920 × 1288 pixels).
    Function<Integer, String> day =
        i -> "/timeline.png?from=2019-01-01&asOf=" + today.minusDays(40 + i);
    long rssBefore = bot.rssBytes();
    List<RawHttp.Response> first = atOnce(16, day);
    long rssAfter = bot.rssBytes();
    for (RawHttp.Response r : first) {
      assertThat(r.status()).as(r.head()).isIn(200, 503);
      if (r.status() == 503) {
        assertThat(r.header("Retry-After")).isEqualTo("1");
      } else {
        assertThat(r.header("Content-Type")).isEqualTo("image/png");
      }
    }
    assertThat(first).anyMatch(r -> r.status() == 200);
    bot.assertHealthy();
    for (int i = 0; i < 16; i++) {
      if (first.get(i).status() == 503) {
        assertThat(get(day.apply(i)).status()).isEqualTo(200); // alone now: drawn
      }
    }
    System.out.printf(
        "16 parallel PNGs: %d drawn, %d told to retry; RSS %d MB before, %d MB after, peak %d MB%n",
        first.stream().filter(r -> r.status() == 200).count(),
        first.stream().filter(r -> r.status() == 503).count(),
        rssBefore >> 20,
        rssAfter >> 20,
        bot.peakRssBytes() >> 20);
  }

  /** 3,990 alarms made 8.9 MB of calendar per 8 KB request; sixteen at once filled the heap. */
  @Test
  void sixteenParallelCalendarsWithThousandsOfAlarmsLeaveItHealthy() throws Exception {
    String alarms = String.join(",", Collections.nCopies(3990, "1"));
    for (RawHttp.Response r : atOnce(16, i -> "/api/v1/calendar.ics?alarms=" + alarms)) {
      assertThat(r.status()).as(r.head()).isEqualTo(400);
      assertThat(r.body()).contains("alarms: at most 5 values");
    }
    bot.assertHealthy();
  }
}
