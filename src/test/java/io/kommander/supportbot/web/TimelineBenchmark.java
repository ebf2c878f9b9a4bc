package io.kommander.supportbot.web;

import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.render.Timeline;
import io.kommander.supportbot.web.TimelineImages.Format;
import io.kommander.supportbot.web.TimelineImages.Key;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Drawing the timeline, as {@code /timeline.png} and {@code /timeline.svg} do on a miss of {@link
 * TimelineImages} (once per day, catalog version and range): the default range, every line ({@code
 * from=all}) and the earliest day allowed ({@code from=2019-01-01}, the tallest canvas); and the
 * same PNG served from {@link TimelineImages} once drawn. With {@code -prof gc}, {@code
 * gc.alloc.rate.norm} is what one drawing allocates: the bound on its memory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TimelineBenchmark {
  @Param({"default", "all", "2019-01-01"})
  public String range;

  private PolicyService service;
  private Timeline timeline;
  private final TimelineImages images = new TimelineImages();
  private Key kept;

  @Setup
  public void setUp() {
    service =
        new PolicyService(
            TestCatalogs.shipped(),
            Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC));
    boolean all = range.equals("all");
    Optional<LocalDate> from =
        all || range.equals("default") ? Optional.empty() : Optional.of(LocalDate.parse(range));
    timeline = Timeline.of(service.catalog(), service.policy().matrix(service.today()), from, all);
    kept = Key.of(service.revision(), service.today(), from, all, Format.PNG);
    images.get(service, kept).orElseThrow();
  }

  @Benchmark
  public byte[] png() {
    return TimelinePng.write(new TimelineDrawing(timeline, TimelineServlet.WIDTH));
  }

  @Benchmark
  public String svg() {
    return TimelineSvg.write(new TimelineDrawing(timeline, TimelineServlet.WIDTH));
  }

  @Benchmark
  public byte[] pngKept() {
    return images.get(service, kept).orElseThrow();
  }
}
