package io.kommander.supportbot.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.policy.Catalog;
import io.kommander.supportbot.policy.Confidence;
import io.kommander.supportbot.policy.Era;
import io.kommander.supportbot.policy.Minor;
import io.kommander.supportbot.policy.Product;
import io.kommander.supportbot.policy.ReleaseLine;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CatalogLoaderTest {
  private final CatalogLoader loader = new CatalogLoader();

  @Test
  void theShippedCatalogLoadsEveryLineUnderItsName() {
    Catalog c = loader.load(TestCatalogs.SHIPPED);
    assertThat(c.lines())
        .extracting(l -> l.kommander() + "/" + l.konvoy())
        .startsWith("1.1/1.5", "1.2/1.6", "1.3/1.7", "1.4/1.8", "2.0/2.0", "2.1/2.1", "2.2/2.2");
    assertThat(c.lines())
        .extracting(ReleaseLine::label)
        .endsWith(
            "DKP 2.2",
            "DKP 2.3",
            "DKP 2.4",
            "DKP 2.5",
            "DKP 2.6",
            "DKP 2.7",
            "DKP 2.8",
            "NKP 2.12",
            "NKP 2.13",
            "NKP 2.14",
            "NKP 2.15",
            "NKP 2.16",
            "NKP 2.17",
            "NKP 2.18",
            "NKP 2.19");
    assertThat(c.settings().window()).isEqualTo(3);
    assertThat(c.version()).hasSize(12);
    assertThat(c.eras()).extracting(Era::owner).containsExactly("D2iQ", "D2iQ", "Nutanix");
    // Every dated line names its source; tag-dated lines say they are approximate.
    for (ReleaseLine l : c.lines()) {
      if (l.released() != null) {
        assertThat(l.source()).as(l.label()).isNotBlank();
      }
      if (l.source() != null && l.source().startsWith("KA")) {
        assertThat(l.confidence()).as(l.label()).isEqualTo(Confidence.APPROXIMATE);
      }
    }
    assertThat(c.line(Product.KOMMANDER, Minor.parse("2.2")).orElseThrow().released())
        .hasToString("2022-04-08");
  }

  @Test
  void theVersionChangesWithTheContent() {
    Catalog a = loader.parse("a", TestCatalogs.shippedText());
    Catalog b = loader.parse("b", TestCatalogs.shippedText() + "\n# a comment\n");
    assertThat(a.version()).isNotEqualTo(b.version());
  }

  /**
   * Replaces the first occurrence of {@code from} in the shipped catalog and expects an error
   * naming the line where {@code at} (by default the replacement) stands: no line number is written
   * here.
   */
  @ParameterizedTest(name = "{0} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "kommander: \"1.3\"|kommander: \"1.x\"|field lines[2].kommander: '1.x' is not a MAJOR.MINOR version|",
        "released: 2021-02-10|released: 2021-02-30|field lines[2].released: '2021-02-30' is not a valid date|",
        "released: 2021-02-10|relesed: 2021-02-10|field lines[2].relesed: unknown field 'relesed'; known fields: confidence, kommander, konvoy, kubernetes, learned, note, patches, planned, product, released, releasedBy, source, status|",
        "'    status: released'|'    status: shipped'|field lines[0].status: 'shipped' is not a valid status (released, reported or planned)|",
        "window: 3|window: 0|field policy.window: window must be between 1 and 20, was 0|",
        "window: 3|window: three|field policy.window: 'three' is not a valid whole number|",
        "version: \"1.3.4\"|version: \"1.5.4\"|field lines[2].patches: patches patch 1.5.4 is in neither 1.3 nor 1.7|- { version: \"1.5.4\"",
        "kommander: \"2.1\"|kommander: \"1.9\"|field lines[5].kommander: Kommander 1.9 must be newer than the line before it (2.0)|",
        "released: 2021-08-26|released: 2021-01-01|field lines[4].released: date 2021-01-01 is before the previous line's 2021-05-05|",
        "released: 2021-08-26|planned: 2021-08-26|field lines[4].planned: planned is set on a released line|",
        "'  window: 3'|'\twindow: 3'|not valid YAML|",
        "product: dkp|product: xkp|field eras[1].product: 'xkp' is not a valid product (kommander, dkp or nkp)|",
        "product: dkp|product: konvoy|field eras[1].product: an era's product must be kommander, dkp or nkp, was konvoy|",
        "konvoy: \"2.3\"|konvoy: \"2.4\"|field lines[7].konvoy: konvoy must equal kommander on a DKP line|",
        "minor: \"1.23\"|minor: \"1.20\"|field lines[7].kubernetes.minor: kubernetes 1.20 is outside its own range 1.21-1.23|minor: \"1.20\"",
        "versions: [\"3.0\"]|versions: [\"2.12\"]|field lines[13].kommander: 2.12 is also listed under neverReleased|- kommander: \"2.12\"",
        "  reviewed: 2026-11-29|  reviewed: someday|field review.reviewed: 'someday' is not a valid date|",
        "released: 2021-02-10|released: yes|field lines[2].released: expected a date (YYYY-MM-DD), found yes (YAML reads yes, no, on and off as true or false|",
        "window: 3|window: [3]|field policy.window: expected a whole number, found a list|",
        "'    status: released'|'    status: {a: 1}'|field lines[0].status: expected a status (released, reported or planned), found a mapping|",
      })
  void aMalformedCatalogIsRefusedNamingFileLineAndField(
      String from, String to, String message, String at) {
    String text = TestCatalogs.shippedText();
    assertThat(text).contains(from);
    String broken =
        text.replaceFirst(
            java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    String anchor = at == null ? to : at;
    int line = broken.substring(0, broken.indexOf(anchor.strip())).split("\n", -1).length;
    assertThatThrownBy(() -> loader.parse("config/releases.yaml", broken))
        .isInstanceOf(CatalogException.class)
        .hasMessageStartingWith(
            "config/releases.yaml: line " + line + (message.startsWith("field") ? ", " : ": "))
        .hasMessageContaining(message);
  }

  @Test
  void aMissingFieldIsNamedAtItsSection() {
    String broken = TestCatalogs.shippedText().replace("  endsSoonDays: 30", "  endsSoon: 30");
    assertThatThrownBy(() -> loader.parse("c.yaml", broken))
        .hasMessageContaining("field policy.endsSoonDays: is missing: this field is required");
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
