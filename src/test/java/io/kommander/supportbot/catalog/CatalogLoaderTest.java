package io.kommander.supportbot.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.policy.Catalog;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CatalogLoaderTest {
  private final CatalogLoader loader = new CatalogLoader();

  @Test
  void theShippedCatalogLoadsWithTheSeedsMatrix() {
    Catalog c = loader.load(TestCatalogs.SHIPPED);
    assertThat(c.lines())
        .extracting(l -> l.kommander() + "/" + l.konvoy())
        .containsExactly(
            "1.1/1.5", "1.2/1.6", "1.3/1.7", "1.4/1.8", "2.0/2.0", "2.1/2.1", "2.2/2.2");
    assertThat(c.settings().window()).isEqualTo(3);
    assertThat(c.version()).hasSize(12);
  }

  @Test
  void theVersionChangesWithTheContent() {
    Catalog a = loader.parse("a", TestCatalogs.shippedText());
    Catalog b = loader.parse("b", TestCatalogs.shippedText() + "\n# a comment\n");
    assertThat(a.version()).isNotEqualTo(b.version());
  }

  /** Replaces the first occurrence of {@code from} in the shipped catalog and expects an error. */
  @ParameterizedTest(name = "{0} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "kommander: \"1.3\"|kommander: \"1.x\"|line 38, field lines[2].kommander: '1.x' is not a MAJOR.MINOR version",
        "released: 2021-02-10|released: 2021-02-30|line 41, field lines[2].released: '2021-02-30' is not a valid date",
        "released: 2021-02-10|relesed: 2021-02-10|line 41, field lines[2].relesed: unknown field 'relesed'; known fields: kommander, konvoy, latest, note, planned, released, source, status",
        "'    status: released'|'    status: shipped'|line 30, field lines[0].status: 'shipped' is not a valid status (released or planned)",
        "window: 3|window: 0|line 21, field policy.window: window must be between 1 and 20, was 0",
        "window: 3|window: three|line 21, field policy.window: 'three' is not a valid whole number",
        "kommander: { version: \"1.3.4\"|kommander: { version: \"1.4.4\"|line 43, field lines[2].latest: latest Kommander patch 1.4.4 is not in this line",
        "kommander: \"2.0\"|kommander: \"1.4\"|line 57, field lines[4].kommander: Kommander 1.4 must be newer than the line before it (1.4)",
        "released: 2021-08-26|released: 2021-01-01|line 60, field lines[4].released: date 2021-01-01 is before the previous line's 2021-05-05",
        "released: 2021-08-26|planned: 2021-08-26|line 60, field lines[4].planned: planned is set on a released line",
        "'  window: 3'|'\twindow: 3'|line 21: not valid YAML",
        "'  endsSoonDays: 30'|'  endsSoon: 30'|line 19, field policy.endsSoonDays: is missing: this field is required",
      })
  void aMalformedCatalogIsRefusedNamingFileLineAndField(String from, String to, String message) {
    String text = TestCatalogs.shippedText();
    assertThat(text).contains(from);
    String broken =
        text.replaceFirst(
            java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    assertThatThrownBy(() -> loader.parse("config/releases.yaml", broken))
        .isInstanceOf(CatalogException.class)
        .hasMessageStartingWith("config/releases.yaml: ")
        .hasMessageContaining(message);
  }

  @Test
  void missingSectionsAreNamed() {
    String text = TestCatalogs.shippedText();
    String noSecondary = text.substring(0, text.indexOf("\nsecondary:"));
    assertThatThrownBy(() -> loader.parse("c.yaml", noSecondary))
        .hasMessage("c.yaml: field secondary: the 'secondary' section is missing");
  }

  @Test
  void aMissingOrEmptyFileIsNamed(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> loader.load(dir.resolve("nope.yaml")))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("nope.yaml: no such file");
    Path empty = Files.writeString(dir.resolve("empty.yaml"), "");
    assertThatThrownBy(() -> loader.load(empty))
        .hasMessageEndingWith("empty.yaml: the file is empty");
  }
}
