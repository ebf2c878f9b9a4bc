package io.kommander.supportbot.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.slack.SlackAnswers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Rewrites the golden Block Kit files from the current renderer, as a command of its own (never in
 * the test run that checks them); review the diff by eye before committing:
 *
 * <pre>
 * mvn -B -q test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.kommander.supportbot.testing.UpdateGoldens
 * </pre>
 */
public final class UpdateGoldens {
  private UpdateGoldens() {}

  public static void main(String[] args) throws Exception {
    // The day and catalog SlackAppTest's bot answers with.
    PolicyService policy =
        new PolicyService(
            TestCatalogs.april(),
            Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC));
    ObjectMapper json = new ObjectMapper();
    String reply = new SlackAnswers(() -> policy).commandReply("1.2 on konvoy 1.7");
    Path golden = Path.of("src/test/resources/golden/slash-1.2-on-konvoy-1.7.json");
    Files.writeString(
        golden,
        json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(reply).get("blocks"))
            + "\n");
    System.out.println("Wrote " + golden + "; review with git diff");
  }
}
