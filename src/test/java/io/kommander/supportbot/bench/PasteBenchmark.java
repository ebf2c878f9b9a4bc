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
 * nothing to answer); then the hostile shapes of issue 34, each of which once backtracked for
 * seconds or minutes (kubectl's YAML, JSON and Info forms left open, an emoji-like run, a thousand
 * named clusters, a run of dots, of digits, of mentions). The parse must stay linear: milliseconds,
 * not seconds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PasteBenchmark {
  @Param({
    "log",
    "adversarial",
    "yaml-open",
    "json-open",
    "info-open",
    "emoji-run",
    "clusters",
    "dots",
    "digits",
    "mentions"
  })
  public String kind;

  private final QueryParser parser = new QueryParser();
  private String text;

  @Setup
  public void setUp() {
    text = text(kind);
  }

  /** The message of each kind, Slack's 40,000 characters long. */
  static String text(String kind) {
    return switch (kind) {
      case "log" ->
          fill("2026-11-29T10:00:01Z INFO controller reconciled cluster prod in 12ms\n")
              + " nkp 2.16";
      case "adversarial" ->
          fill("<@U1|x> *1.2.3.4.5* `v9999.1` komandre :x: 1.4.x.y _-_ &amp; 1.4- konvoy ")
              + " nkp 2.16";
      case "yaml-open" -> fill("serverVersion:\n" + "                              x\n".repeat(10));
      case "json-open" -> fill("\"serverVersion\": {\"gitVersion\": \"v1.1 ");
      case "info-open" -> fill("Server Version: version.Info{GitVersion:\"v1.1 ");
      case "emoji-run" -> ":" + "a".repeat(QueryParser.MAX_LENGTH - 1);
      case "clusters" -> fill("prod cluster is still on the nkp 2.16 ");
      case "dots" -> "1" + ".".repeat(QueryParser.MAX_LENGTH - 1);
      case "digits" -> "9".repeat(QueryParser.MAX_LENGTH);
      case "mentions" -> fill("<@U1|");
      default -> throw new IllegalArgumentException(kind);
    };
  }

  private static String fill(String unit) {
    StringBuilder b = new StringBuilder(QueryParser.MAX_LENGTH);
    while (b.length() + unit.length() + 12 < QueryParser.MAX_LENGTH) {
      b.append(unit);
    }
    return b.toString();
  }

  @Benchmark
  public Query parse() {
    return parser.parse(text);
  }
}
