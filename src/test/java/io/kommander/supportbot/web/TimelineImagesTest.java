package io.kommander.supportbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.http.BotServer;
import io.kommander.supportbot.http.RawHttp;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.web.TimelineImages.Format;
import io.kommander.supportbot.web.TimelineImages.Key;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Images are kept per normalised input, and drawn at most two at a time, the rest refused; the page
 * does without its inline timeline meanwhile.
 */
class TimelineImagesTest {
  static final PolicyService SERVICE =
      new PolicyService(
          TestCatalogs.april(), Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC));
  static final LocalDate DAY = LocalDate.of(2026, 6, 1);

  static Key key(LocalDate asOf, Optional<LocalDate> from, boolean all) {
    return Key.of(SERVICE.revision(), asOf, from, all, Format.PNG);
  }

  @Test
  void equalPicturesShareOneKey() {
    assertThat(key(DAY, Optional.of(LocalDate.of(2023, 1, 1)), false)) // the default, spelt out
        .isEqualTo(key(DAY, Optional.empty(), false));
    assertThat(key(DAY, Optional.of(LocalDate.of(2022, 5, 1)), true))
        .isEqualTo(key(DAY, Optional.empty(), true));
    assertThat(key(DAY, Optional.of(LocalDate.of(2022, 5, 1)), false))
        .isNotEqualTo(key(DAY, Optional.empty(), false));
  }

  @Test
  void anImageIsDrawnOnceThenKept() {
    AtomicInteger drawn = new AtomicInteger();
    TimelineImages images =
        new TimelineImages((s, k) -> new byte[] {(byte) drawn.incrementAndGet()});
    byte[] first = images.get(SERVICE, key(DAY, Optional.empty(), false)).orElseThrow();
    byte[] again =
        images.get(SERVICE, key(DAY, Optional.of(LocalDate.of(2023, 1, 1)), false)).orElseThrow();
    assertThat(again).isSameAs(first);
    assertThat(drawn).hasValue(1);
  }

  /** Images whose every drawing counts {@code drawing} down, then lasts until {@code finish}. */
  static TimelineImages held(CountDownLatch drawing, CountDownLatch finish, byte[] image) {
    return new TimelineImages(
        (s, k) -> {
          drawing.countDown();
          try {
            finish.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return image;
        });
  }

  @Test
  void beyondTwoDrawingsAtOnceTheNextIsRefusedNotQueued() throws Exception {
    CountDownLatch drawing = new CountDownLatch(2);
    CountDownLatch finish = new CountDownLatch(1);
    TimelineImages images = held(drawing, finish, new byte[] {1});
    List<CompletableFuture<Optional<byte[]>>> slow =
        List.of(1, 2).stream()
            .map(
                d ->
                    CompletableFuture.supplyAsync(
                        () -> images.get(SERVICE, key(DAY.plusDays(d), Optional.empty(), false))))
            .toList();
    assertThat(drawing.await(30, TimeUnit.SECONDS)).isTrue();
    Key third = key(DAY.plusDays(3), Optional.empty(), false);
    assertThat(images.get(SERVICE, third)).isEmpty(); // at once, while two are drawn
    finish.countDown();
    assertThat(slow).allSatisfy(f -> assertThat(f.get()).isPresent());
    assertThat(images.get(SERVICE, third)).isPresent(); // the slots are free again
  }

  /**
   * While every SVG slot is taken, the page is still served, without its inline timeline and saying
   * so, and not kept by the browser (no ETag): the next load draws it.
   */
  @Test
  void thePageIsServedWithoutItsTimelineWhileEveryDrawingSlotIsTaken() throws Exception {
    CountDownLatch drawing = new CountDownLatch(2);
    CountDownLatch finish = new CountDownLatch(1);
    TimelineImages images =
        held(drawing, finish, "<svg>kept</svg>".getBytes(StandardCharsets.UTF_8));
    try (BotServer server =
        new BotServer("127.0.0.1", 0, Map.of("/", new SupportPageServlet(() -> SERVICE, images)))
            .start()) {
      for (int d = 1; d <= 2; d++) {
        Key other =
            Key.of(SERVICE.revision(), DAY.plusDays(d), Optional.empty(), false, Format.SVG);
        CompletableFuture.supplyAsync(() -> images.get(SERVICE, other));
      }
      assertThat(drawing.await(30, TimeUnit.SECONDS)).isTrue();
      RawHttp.Response busy = RawHttp.send(server.port(), "GET", "/", Map.of(), new byte[0]);
      finish.countDown();
      assertThat(busy.status()).isEqualTo(200);
      assertThat(busy.body())
          .contains("The timeline is being drawn for others just now")
          .doesNotContain("<svg>kept</svg>");
      assertThat(busy.header("ETag")).isNull();
      assertThat(busy.header("Cache-Control")).isEqualTo("no-store");
      RawHttp.Response drawn = RawHttp.send(server.port(), "GET", "/", Map.of(), new byte[0]);
      assertThat(drawn.body()).contains("<svg>kept</svg>").doesNotContain("being drawn");
      assertThat(drawn.header("ETag")).isNotNull();
    }
  }
}
