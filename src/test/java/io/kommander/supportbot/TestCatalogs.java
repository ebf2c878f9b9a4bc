package io.kommander.supportbot;

import io.kommander.supportbot.catalog.CatalogLoader;
import io.kommander.supportbot.policy.Catalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Catalogs for tests: the shipped one, and the shipped one with planned lines appended. */
public final class TestCatalogs {
  public static final Path SHIPPED = Path.of("config/releases.yaml");

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

  public static String shippedText() {
    try {
      return Files.readString(SHIPPED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Catalog shipped() {
    return new CatalogLoader().load(SHIPPED);
  }

  /** The shipped catalog with {@link #PLANNED_LINES} after its last line. */
  public static Catalog withPlanned() {
    return new CatalogLoader().parse("with-planned.yaml", withPlannedText());
  }

  public static String withPlannedText() {
    String text = shippedText();
    int at = text.indexOf("\nupgrades:");
    return text.substring(0, at) + PLANNED_LINES + text.substring(at);
  }
}
