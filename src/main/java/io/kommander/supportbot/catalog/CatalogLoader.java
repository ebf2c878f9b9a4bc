package io.kommander.supportbot.catalog;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.kommander.supportbot.policy.Catalog;
import io.kommander.supportbot.policy.CatalogRuleException;
import io.kommander.supportbot.policy.Minor;
import io.kommander.supportbot.policy.ReleaseLine;
import io.kommander.supportbot.policy.UpgradeHop;
import io.kommander.supportbot.policy.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the release catalog from YAML. Any problem becomes a {@link CatalogException} whose message
 * names the file, the line and the field, so a bad edit is fixed without reading a stack trace.
 */
public final class CatalogLoader {
  private final ObjectMapper yaml =
      JsonMapper.builder(new YAMLFactory())
          .addModule(new JavaTimeModule())
          .addModule(versions())
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .build();

  public Catalog load(Path file) {
    return parse(file.toString(), read(file));
  }

  /** The file's text, or a {@link CatalogException} saying why it cannot be read. */
  public static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new CatalogException(
          file + ": no such file (set CATALOG_FILE to the catalog's path)", e);
    } catch (IOException e) {
      throw new CatalogException(file + ": cannot be read: " + e.getMessage(), e);
    }
  }

  /** Parses catalog text; {@code name} is used in error messages. */
  public Catalog parse(String name, String text) {
    if (text.isBlank()) {
      throw new CatalogException(name + ": the file is empty", null);
    }
    CatalogDocument doc;
    try {
      doc = yaml.readValue(text, CatalogDocument.class);
    } catch (JsonMappingException e) {
      throw new CatalogException(CatalogProblems.describe(name, text, e, List.of()), e);
    } catch (JacksonException e) {
      throw new CatalogException(
          name
              + ": line "
              + CatalogProblems.line(e.getLocation())
              + ": not valid YAML: "
              + CatalogProblems.firstLine(e.getOriginalMessage()),
          e);
    }
    try {
      return new Catalog(
          doc.policy(),
          doc.review(),
          doc.eras(),
          doc.neverReleased(),
          doc.lines(),
          doc.upgrades(),
          doc.experimental(),
          doc.secondary(),
          fingerprint(text));
    } catch (CatalogRuleException e) {
      List<Object> path =
          e.lineIndex() < 0 ? List.of(e.field()) : List.of("lines", e.lineIndex(), e.field());
      throw new CatalogException(CatalogProblems.where(name, text, path, null) + e.getMessage(), e);
    }
  }

  /**
   * Every problem a reviewer should fix, not only the first: each release line and upgrade hop is
   * checked on its own (the file's first error stops a parse), then the rules across them. Empty
   * when the catalog loads.
   */
  public List<String> problems(String name, String text) {
    try {
      parse(name, text);
      return List.of();
    } catch (CatalogException first) {
      JsonNode tree;
      try {
        tree = yaml.readTree(text);
      } catch (JacksonException syntax) {
        return List.of(first.getMessage()); // nothing further can be read
      }
      Set<String> out = new LinkedHashSet<>();
      out.add(first.getMessage());
      for (String list : List.of("lines", "upgrades")) {
        Class<?> type = list.equals("lines") ? ReleaseLine.class : UpgradeHop.class;
        JsonNode items = tree.path(list);
        for (int i = 0; i < items.size(); i++) {
          try {
            yaml.treeToValue(items.get(i), type);
          } catch (JsonMappingException e) {
            out.add(CatalogProblems.describe(name, text, e, List.of(list, i)));
          } catch (JacksonException e) {
            out.add(
                name
                    + ": field "
                    + list
                    + "["
                    + i
                    + "]: "
                    + CatalogProblems.firstLine(e.getOriginalMessage()));
          }
        }
      }
      return List.copyOf(out);
    }
  }

  private static String fingerprint(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** Reads versions ("1.4", "2.17.1") as the catalog writes them, refusing bad ones by field. */
  public static SimpleModule versions() {
    return new SimpleModule()
        .addDeserializer(Minor.class, fromString(Minor::parse))
        .addDeserializer(Version.class, fromString(Version::parse));
  }

  private static <T> JsonDeserializer<T> fromString(Function<String, T> parse) {
    return new JsonDeserializer<>() {
      @Override
      public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String text = p.getValueAsString();
        try {
          return parse.apply(text == null ? p.getText() : text);
        } catch (IllegalArgumentException e) {
          throw JsonMappingException.from(p, e.getMessage(), e);
        }
      }
    };
  }
}
