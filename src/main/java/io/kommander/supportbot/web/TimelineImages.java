package io.kommander.supportbot.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.render.Timeline;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.BiFunction;

/**
 * The timeline images, for the page and {@code /timeline.*}: kept per normalised input (Caffeine,
 * bounded by bytes), and drawn at most {@link #DRAWING_AT_ONCE} at a time. A PNG's canvas is
 * megabytes (1920 × twice the layout's height × 4 bytes), so sixteen drawn at once exhausted the
 * 128 MB heap; past the limit the caller answers a fast 503 instead of drawing or queueing: a queue
 * would only move the pile-up to Jetty's threads.
 */
final class TimelineImages {
  /** Images drawn at once, per format: as many as the cores the bot is sized for. */
  static final int DRAWING_AT_ONCE = 2;

  /** Bytes of images kept: a PNG is ~100 KB, an SVG ~15 KB, so dozens of each. */
  static final long KEPT_BYTES = 4L * 1024 * 1024;

  enum Format {
    SVG,
    PNG
  }

  /**
   * What an image depends on, normalised so that equal pictures share one entry: {@code from} is
   * empty when it is the default or when every line is asked for.
   */
  record Key(
      String revision, LocalDate asOf, Optional<LocalDate> from, boolean all, Format format) {
    static Key of(
        String revision, LocalDate asOf, Optional<LocalDate> from, boolean all, Format format) {
      LocalDate byDefault = LocalDate.of(asOf.getYear() - Timeline.YEARS_BACK, 1, 1);
      Optional<LocalDate> given = all ? Optional.empty() : from.filter(d -> !d.equals(byDefault));
      return new Key(revision, asOf, given, all, format);
    }
  }

  private final Cache<Key, byte[]> kept =
      Caffeine.newBuilder()
          .maximumWeight(KEPT_BYTES)
          .<Key, byte[]>weigher((key, bytes) -> bytes.length)
          .build();
  private final Semaphore svgs = new Semaphore(DRAWING_AT_ONCE);
  private final Semaphore pngs = new Semaphore(DRAWING_AT_ONCE);
  private final BiFunction<PolicyService, Key, byte[]> draw;

  TimelineImages() {
    this(TimelineImages::draw);
  }

  /** With another way to draw: for tests that need a drawing to last. */
  TimelineImages(BiFunction<PolicyService, Key, byte[]> draw) {
    this.draw = draw;
  }

  /**
   * The image for {@code key}, kept or drawn now; empty when it is not kept and {@link
   * #DRAWING_AT_ONCE} of its format are being drawn.
   */
  Optional<byte[]> get(PolicyService service, Key key) {
    byte[] image = kept.getIfPresent(key);
    if (image != null) {
      return Optional.of(image);
    }
    Semaphore permits = key.format() == Format.PNG ? pngs : svgs;
    if (!permits.tryAcquire()) {
      return Optional.empty();
    }
    try {
      image = draw.apply(service, key);
      kept.put(key, image);
      return Optional.of(image);
    } finally {
      permits.release();
    }
  }

  /** The SVG for the page, as text. */
  Optional<String> svg(PolicyService service, LocalDate asOf) {
    return get(service, Key.of(service.revision(), asOf, Optional.empty(), false, Format.SVG))
        .map(bytes -> new String(bytes, StandardCharsets.UTF_8));
  }

  private static byte[] draw(PolicyService service, Key key) {
    TimelineDrawing drawing =
        new TimelineDrawing(
            Timeline.of(
                service.catalog(), service.policy().matrix(key.asOf()), key.from(), key.all()),
            TimelineServlet.WIDTH);
    return key.format() == Format.PNG
        ? TimelinePng.write(drawing)
        : TimelineSvg.write(drawing).getBytes(StandardCharsets.UTF_8);
  }
}
