package io.kommander.supportbot.web;

import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.render.Timeline;
import java.time.Clock;
import java.time.Instant;
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
 * Drawing today's timeline, as {@code /timeline.png} and {@code /timeline.svg} do on a cache miss
 * (once per day and catalog version): the default range, and every line ({@code from=all}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TimelineBenchmark {
  @Param({"default", "all"})
  public String range;

  private Timeline timeline;

  @Setup
  public void setUp() {
    PolicyService service =
        new PolicyService(
            TestCatalogs.shipped(),
            Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC));
    timeline =
        Timeline.of(
            service.catalog(),
            service.policy().matrix(service.today()),
            Optional.empty(),
            range.equals("all"));
  }

  @Benchmark
  public byte[] png() {
    return TimelinePng.write(new TimelineDrawing(timeline, TimelineServlet.WIDTH));
  }

  @Benchmark
  public String svg() {
    return TimelineSvg.write(new TimelineDrawing(timeline, TimelineServlet.WIDTH));
  }
}
