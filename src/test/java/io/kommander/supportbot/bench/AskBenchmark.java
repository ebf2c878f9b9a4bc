package io.kommander.supportbot.bench;

import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.policy.Reply;
import io.kommander.supportbot.query.QueryParser;
import io.kommander.supportbot.render.TextRenderer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
 * Time per query through the core, uncached: parse, answer, and render as text. Run with {@code mvn
 * -Pbench verify -DskipTests} (see README).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AskBenchmark {
  @Param({
    "1.4",
    "can I run Kommander 1.2 on Konvoy 1.7?",
    "is 1.3 still supported, and 1.4, 2.0.1, konvoy 2.1?",
    "matrix",
    "1.4.2.1 abc -1.4"
  })
  public String text;

  private final QueryParser parser = new QueryParser();
  private final TextRenderer renderer = new TextRenderer();
  private PolicyService service;

  @Setup
  public void setUp() {
    service =
        new PolicyService(
            TestCatalogs.withPlanned(),
            Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC));
  }

  @Benchmark
  public Reply parseAndAnswer() {
    return service.answer(parser.parse(text));
  }

  @Benchmark
  public String parseAnswerAndRender() {
    return renderer.render(service.answer(parser.parse(text)));
  }
}
