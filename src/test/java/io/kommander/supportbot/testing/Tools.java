package io.kommander.supportbot.testing;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A test that needs a tool outside the JVM (node packages, Chromium, Python's Prometheus parser):
 * where the tool is missing it is skipped on a developer's machine, and fails in CI ({@code CI}
 * set, as {@code .ci/run} does), where a skipped check would pass unnoticed.
 */
public final class Tools {
  private Tools() {}

  public static void require(boolean present, String what) {
    if (!present && System.getenv("CI") != null) {
      fail("CI must have " + what + " (.ci/run installs it)");
    }
    assumeTrue(present, "needs " + what + " (.ci/run installs it)");
  }
}
