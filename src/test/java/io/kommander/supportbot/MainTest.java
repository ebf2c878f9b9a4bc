package io.kommander.supportbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Map<String, String> env, String... args) {
    return Main.run(
        args,
        env,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void askAnswersOfflineInPlainText() {
    assertThat(run(Map.of(), "ask", "is 1.3 still supported on 2021-11-19?")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith("Kommander 1.3 (on Konvoy 1.7): expired on 2021-11-19\n")
        .contains("Support ended on 2021-11-19, when Kommander 2.1 and Konvoy 2.1 shipped.")
        // No 2.1 patch was out yet on that day: the advice names the line, not a future patch.
        .contains(
            "Upgrade to Kommander 1.4.x on Konvoy 1.8.x next, then one minor at a time to"
                + " Kommander 2.1.x on Konvoy 2.1.x (2 hops; ask `upgrade path from 1.3` for each).")
        .contains("N-2: D2iQ supports the newest Kommander line and the 2 before it")
        .contains("Terms: https://d2iq.com/legal/support-terms")
        .doesNotContain("Release data last reviewed");
  }

  @Test
  void askJoinsUnquotedWords() {
    assertThat(run(Map.of(), "ask", "kommander", "1.2", "on", "konvoy", "1.7")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains(
            "No: Kommander 1.2 on Konvoy 1.7 is not supported: mixing minor versions is"
                + " prohibited.\n");
  }

  @Test
  void catalogCheckPassesTheShippedCatalogAndNamesFileLineAndFieldOfABrokenOne(@TempDir Path dir)
      throws Exception {
    assertThat(run(Map.of(), "catalog", "check")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith("config/releases.yaml: valid: ")
        .contains("newest NKP 2.19 (reported), reviewed 2026-11-29");
    Path bad =
        Files.writeString(
            dir.resolve("pr.yaml"),
            Files.readString(Path.of("config/releases.yaml"))
                .replace("releasedBy: 2026-07-14", "releasedBy: 2026-05-01"));
    assertThat(run(Map.of(), "catalog", "check", bad.toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith(bad + ": line ")
        .contains("field lines[19].releasedBy: releasedBy must be after 'released' (2026-05-19)")
        .doesNotContain("at io.kommander");
  }

  @Test
  void catalogCheckNamesEveryBrokenEntryNotOnlyTheFirst(@TempDir Path dir) throws Exception {
    Path bad =
        Files.writeString(
            dir.resolve("pr.yaml"),
            Files.readString(Path.of("config/releases.yaml"))
                .replace("releasedBy: 2026-07-14", "releasedBy: 2026-05-01")
                .replace("released: 2026-08-26", "released: 2026-13-26")
                .replaceFirst("product: dkp", "product: dpk"));
    assertThat(run(Map.of(), "catalog", "check", bad.toString())).isEqualTo(1);
    List<String> problems = err.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(problems).hasSize(3).allMatch(p -> p.startsWith(bad + ": line "));
    assertThat(String.join("\n", problems))
        .contains("'dpk' is not a valid product (kommander, dkp or nkp)")
        .contains("field lines[19].releasedBy: releasedBy must be after 'released' (2026-05-19)")
        .contains("field lines[20].released:");
  }

  @Test
  void aBrokenCatalogExitsTwoWithTheReasonAndNoStackTrace(@TempDir Path dir) throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), "policy: [");
    assertThat(run(Map.of("CATALOG_FILE", bad.toString()), "ask", "1.4")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("Cannot load the release catalog: " + bad + ": line ")
        .doesNotContain("at io.kommander");
  }

  @Test
  void noCommandPrintsUsage() {
    assertThat(run(Map.of())).isEqualTo(64);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:");
  }
}
