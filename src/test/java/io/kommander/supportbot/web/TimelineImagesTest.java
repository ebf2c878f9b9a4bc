package io.kommander.supportbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.web.TimelineImages.Format;
import io.kommander.supportbot.web.TimelineImages.Key;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Images are kept per normalised input, and drawn at most two at a time, the rest refused. */
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

  @Test
  void beyondTwoDrawingsAtOnceTheNextIsRefusedNotQueued() throws Exception {
    CountDownLatch drawing = new CountDownLatch(2);
    CountDownLatch finish = new CountDownLatch(1);
    TimelineImages images =
        new TimelineImages(
            (s, k) -> {
              drawing.countDown();
              try {
                finish.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return new byte[] {1};
            });
    List<CompletableFuture<Optional<byte[]>>> slow =
        List.of(1, 2).stream()
            .map(
                d ->
                    CompletableFuture.supplyAsync(
                        () -> images.get(SERVICE, key(DAY.plusDays(d), Optional.empty(), false))))
            .toList();
    assertThat(drawing.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    Key third = key(DAY.plusDays(3), Optional.empty(), false);
    assertThat(images.get(SERVICE, third)).isEmpty(); // at once, while two are drawn
    finish.countDown();
    assertThat(slow).allSatisfy(f -> assertThat(f.get()).isPresent());
    assertThat(images.get(SERVICE, third)).isPresent(); // the slots are free again
  }
}
