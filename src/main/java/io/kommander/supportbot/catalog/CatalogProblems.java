package io.kommander.supportbot.catalog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.kommander.supportbot.policy.CatalogRuleException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A catalog's problems in its editor's terms: "FILE: line N, field lines[19].releasedBy: …", the
 * value found and what was expected, never a parser's stack trace or Java type names.
 */
final class CatalogProblems {
  private CatalogProblems() {}

  /** {@code prefix}: where in the file the value that failed to map was. */
  static String describe(String name, String text, JsonMappingException e, List<Object> prefix) {
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
  static String where(String name, String text, List<Object> path, JsonLocation parsed) {
    String field =
        path.stream()
            .map(step -> step instanceof Integer i ? "[" + i + "]" : "." + step)
            .collect(Collectors.joining())
            .replaceFirst("^\\.", "");
    Optional<String> line =
        YamlLocator.lineOf(text, path)
            .map(String::valueOf)
            .or(() -> Optional.ofNullable(parsed).map(CatalogProblems::line));
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

  static String line(JsonLocation location) {
    return location == null || location.getLineNr() < 1
        ? "?"
        : String.valueOf(location.getLineNr());
  }

  static String firstLine(String message) {
    return Optional.ofNullable(message).map(m -> m.lines().findFirst().orElse("")).orElse("");
  }
}
