package io.kommander.supportbot;

import io.kommander.supportbot.catalog.CatalogLoader;
import io.kommander.supportbot.policy.Catalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Catalogs for tests. The shipped one ({@code config/releases.yaml}) changes as releases ship, so
 * tests of the policy's mechanics run on a frozen copy of it as reviewed on 2026-04-30 ({@link
 * #APRIL}, newest line NKP 2.17), optionally with planned lines appended; tests of today's facts
 * read the shipped file.
 */
public final class TestCatalogs {
  public static final Path SHIPPED = Path.of("config/releases.yaml");
  public static final Path APRIL = Path.of("src/test/resources/catalog/reviewed-2026-04-30.yaml");

  /** Two planned lines: NKP 2.18 on a date, 2.19 not scheduled. */
  public static final String PLANNED_LINES =
      """

        - kommander: "2.18"
          product: nkp
          status: planned
          planned: 2027-01-15

        - kommander: "2.19"
          product: nkp
          status: planned
      """;

  private TestCatalogs() {}

  public static String aprilText() {
    return read(APRIL);
  }

  public static String shippedText() {
    return read(SHIPPED);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The catalog as reviewed on 2026-04-30: lines to NKP 2.17. */
  public static Catalog april() {
    return new CatalogLoader().load(APRIL);
  }

  /** Today's shipped catalog. */
  public static Catalog shipped() {
    return new CatalogLoader().load(SHIPPED);
  }

  /** The April catalog with {@link #PLANNED_LINES} after its last line. */
  public static Catalog withPlanned() {
    return new CatalogLoader().parse("with-planned.yaml", withPlannedText());
  }

  public static String withPlannedText() {
    String text = aprilText();
    int at = text.indexOf("\nupgrades:");
    return text.substring(0, at) + PLANNED_LINES + text.substring(at);
  }

  /** A catalog with 40 lines (1.0 to 4.9), far longer than any real one. */
  public static Catalog forty() {
    StringBuilder lines = new StringBuilder("lines:\n");
    LocalDate day = LocalDate.of(2021, 1, 1);
    for (int major = 1; major <= 4; major++) {
      for (int minor = 0; minor < 10; minor++) {
        String v = major + "." + minor;
        lines
            .append("  - kommander: \"")
            .append(v)
            .append("\"\n    konvoy: \"")
            .append(v)
            .append("\"\n    status: released\n    released: ")
            .append(day)
            .append("\n    product: nkp\n    confidence: approximate")
            .append("\n    kubernetes: { minor: \"1.")
            .append(20 + minor)
            .append("\" }\n    patches:\n      - { version: \"")
            .append(v)
            .append(".9\" }\n");
        day = day.plusDays(45);
      }
    }
    String text = TestCatalogs.aprilText();
    // No never-released numbers: this catalog has every number from 1.0 to 4.9.
    String head = text.substring(0, text.indexOf("\nneverReleased:") + 1);
    String tail = text.substring(text.indexOf("\nexperimental:"));
    return new CatalogLoader().parse("huge.yaml", head + lines + tail);
  }
}
