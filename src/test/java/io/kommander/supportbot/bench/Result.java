package io.kommander.supportbot.bench;

import java.util.Arrays;

/**
 * One measured phase: how many requests completed in how long, how many failed, and the latency of
 * each (nanoseconds; at a fixed rate measured from when the request was due, so a stall counts
 * against every request queued behind it), and what the first failure was ("" if none).
 */
record Result(
    long requests, long failures, double seconds, long[] latencyNanos, String firstFailure) {
  Result {
    latencyNanos = latencyNanos.clone();
    Arrays.sort(latencyNanos);
  }

  double throughput() {
    return requests / seconds;
  }

  double percentileMillis(double fraction) {
    if (latencyNanos.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(fraction * latencyNanos.length) - 1;
    return latencyNanos[Math.max(0, index)] / 1e6;
  }

  double maxMillis() {
    return percentileMillis(1.0);
  }
}
