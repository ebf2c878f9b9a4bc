package io.kommander.supportbot.bench;

import io.kommander.supportbot.policy.Query;
import io.kommander.supportbot.query.QueryParser;
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
 * Reading a message as long as Slack allows (40,000 characters): a pasted log that names one
 * version at its end, and adversarial text (version-like tokens, Slack markup and near-names with
 * nothing to answer). The parse must stay linear: milliseconds, not seconds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PasteBenchmark {
  @Param({"log", "adversarial"})
  public String kind;

  private final QueryParser parser = new QueryParser();
  private String text;

  @Setup
  public void setUp() {
    String unit =
        kind.equals("log")
            ? "2026-11-29T10:00:01Z INFO controller reconciled cluster prod in 12ms\n"
            : "<@U1|x> *1.2.3.4.5* `v9999.1` komandre :x: 1.4.x.y _-_ &amp; 1.4- konvoy ";
    StringBuilder b = new StringBuilder(QueryParser.MAX_LENGTH);
    while (b.length() + unit.length() + 12 < QueryParser.MAX_LENGTH) {
      b.append(unit);
    }
    text = b.append(" nkp 2.16").toString();
  }

  @Benchmark
  public Query parse() {
    return parser.parse(text);
  }
}
