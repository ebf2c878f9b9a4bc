package io.kommander.supportbot.catalog;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.MarkedYAMLException;

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
      throw new CatalogException(describe(name, text, e), e);
    } catch (JacksonException e) {
      throw new CatalogException(
          name
              + ": line "
              + line(e.getLocation())
              + ": not valid YAML: "
              + firstLine(e.getOriginalMessage()),
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
      throw new CatalogException(where(name, text, path, null) + e.getMessage(), e);
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
            out.add(describe(name, text, e, List.of(list, i)));
          } catch (JacksonException e) {
            out.add(name + ": field " + list + "[" + i + "]: " + firstLine(e.getOriginalMessage()));
          }
        }
      }
      return List.copyOf(out);
    }
  }

  private static String describe(String name, String text, JsonMappingException e) {
    return describe(name, text, e, List.of());
  }

  /** {@code prefix}: where in the file the value that failed to map was. */
  private static String describe(
      String name, String text, JsonMappingException e, List<Object> prefix) {
    if (rootCause(e) instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
      return name
          + ": line "
          + (yaml.getProblemMark().getLine() + 1)
          + ": not valid YAML: "
          + yaml.getProblem();
    }
    List<Object> path = new ArrayList<>(prefix);
    for (JsonMappingException.Reference r : e.getPath()) {
      path.add(r.getFieldName() != null ? r.getFieldName() : (Object) r.getIndex());
    }
    String problem;
    if (e instanceof UnrecognizedPropertyException u) {
      problem =
          "unknown field '"
              + u.getPropertyName()
              + "'; known fields: "
              + u.getKnownPropertyIds().stream()
                  .map(Object::toString)
                  .sorted()
                  .collect(Collectors.joining(", "));
    } else if (String.valueOf(e.getOriginalMessage()).startsWith("Cannot map `null`")) {
      problem = "is missing: this field is required";
    } else if (e instanceof InvalidFormatException f) {
      problem = "'" + f.getValue() + "' is not a valid " + typeName(f.getTargetType());
    } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      problem = "expected a " + typeName(m.getTargetType()) + ", found " + found(m);
    } else if (rootCause(e) instanceof CatalogRuleException rule) {
      problem = rule.getMessage();
      if (path.isEmpty() || !rule.field().equals(path.get(path.size() - 1))) {
        path.add(rule.field());
      }
    } else if (rootCause(e) instanceof IllegalArgumentException bad) {
      problem = bad.getMessage();
    } else {
      problem = firstLine(e.getOriginalMessage());
    }
    return where(name, text, path, e.getLocation()) + problem;
  }

  /** "NAME: line N, field a.b[2].c: ", the line found in the text, else the parser's. */
  private static String where(String name, String text, List<Object> path, JsonLocation parsed) {
    String field =
        path.stream()
            .map(step -> step instanceof Integer i ? "[" + i + "]" : "." + step)
            .collect(Collectors.joining())
            .replaceFirst("^\\.", "");
    Optional<String> line =
        YamlLocator.lineOf(text, path)
            .map(String::valueOf)
            .or(() -> Optional.ofNullable(parsed).map(CatalogLoader::line));
    return name
        + ": "
        + line.map(n -> "line " + n + ", ").orElse("")
        + "field "
        + (field.isEmpty() ? "(top level)" : field)
        + ": ";
  }

  /** What the YAML had where another type was expected, in the file's own terms. */
  private static String found(MismatchedInputException e) {
    if (!(e.getProcessor() instanceof JsonParser p) || p.currentToken() == null) {
      return "something else";
    }
    try {
      return switch (p.currentToken()) {
        case START_ARRAY -> "a list";
        case START_OBJECT -> "a mapping (key: value lines)";
        case VALUE_STRING -> "the text '" + p.getText() + "'";
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + p.getText();
        case VALUE_TRUE, VALUE_FALSE ->
            p.getText()
                + " (YAML reads yes, no, on and off as true or false: quote text, or give the"
                + " value itself)";
        case VALUE_NULL -> "nothing";
        default -> "something else";
      };
    } catch (IOException io) {
      return "something else";
    }
  }

  private static String typeName(Class<?> type) {
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "list";
    }
    if (type.isRecord()) {
      return "mapping (key: value lines)";
    }
    return switch (type.getSimpleName()) {
      case "LocalDate" -> "date (YYYY-MM-DD)";
      case "ReleaseStatus" -> "status (released, reported or planned)";
      case "Product" -> "product (kommander, dkp or nkp)";
      case "Confidence" -> "confidence (exact or approximate)";
      case "Evidence" -> "evidence (documented or inferred)";
      case "Kind" -> "kind (upgrade, adopt or rename)";
      case "int", "Integer" -> "whole number";
      case "boolean", "Boolean" -> "boolean (true or false)";
      default -> type.getSimpleName();
    };
  }

  private static Throwable rootCause(Throwable t) {
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  private static String line(JsonLocation location) {
    return location == null || location.getLineNr() < 1
        ? "?"
        : String.valueOf(location.getLineNr());
  }

  private static String firstLine(String message) {
    return Optional.ofNullable(message).map(m -> m.lines().findFirst().orElse("")).orElse("");
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
