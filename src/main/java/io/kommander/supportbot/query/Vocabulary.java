package io.kommander.supportbot.query;

import io.kommander.supportbot.policy.Question.Topic;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The words and shapes the reader knows: separators, product and topic words, dates, BPS tags. */
final class Vocabulary {
  private Vocabulary() {}

  /** A word or a version (letters of any script, so "März" is one word), or a separator. */
  static final Pattern TOKEN = Pattern.compile("-?[\\p{L}0-9][\\p{L}0-9._*+\\-]*+|[,;?!]");

  static final Pattern VERSIONISH = Pattern.compile("[-+]?[vV]?\\d.*");

  static final Pattern DATE = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}");

  static final DateTimeFormatter DATE_FORMAT =
      DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT);

  static final Set<String> SEPARATORS = Set.of(",", ";", "?", "!", "and", "or", "vs", "also");

  static final Set<String> CONNECTORS = Set.of("on", "with", "atop", "avec", "mit", "con", "com");

  static final Pattern BPS_LIKE = Pattern.compile("[a-z]{2,}-.*\\d.*");

  static final Pattern BPS =
      Pattern.compile("([a-z]{2,})-(\\d{1,3})\\.(\\d{1,3})-(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

  static final Map<String, Topic> TOPICS =
      Map.of(
          "matrix", Topic.MATRIX,
          "table", Topic.MATRIX,
          "experimental", Topic.EXPERIMENTAL,
          "secondary", Topic.SECONDARY,
          "addon", Topic.SECONDARY,
          "addons", Topic.SECONDARY,
          "help", Topic.HELP,
          "usage", Topic.HELP);

  /** Words that ask for a way from one version to another, whatever else is said. */
  static final Set<String> PATH_WORDS =
      Set.of(
          "path",
          "paths",
          "route",
          "routes",
          "hop",
          "hops",
          "migrate",
          "migration",
          "start",
          "ruta",
          "chemin",
          "caminho");

  /**
   * Words that make the versions an upgrade question when an origin or a target is named ("upgrade
   * from 2.15", "upgrading to 2.18"); alone ("do we need to upgrade?") the status answer says it.
   */
  static final Set<String> UPGRADE_WORDS =
      Set.of(
          "upgrade",
          "upgrades",
          "upgrading",
          "upgraded",
          "upgarde",
          "update",
          "move",
          "moving",
          "go",
          "get",
          "actualizar",
          "aktualisieren",
          "actualización",
          "atualizar");

  /** "from" and "to" in the languages people write in. */
  static final Set<String> FROM_WORDS = Set.of("from", "form", "desde", "depuis", "von");

  static final Set<String> TO_WORDS = Set.of("to", "into", "hasta", "vers");

  /** Upcoming changes: "upcoming", "upcoming 60 days", "what changes in the next 90 days". */
  static final Set<String> UPCOMING_WORDS = Set.of("upcoming", "soon", "changes");

  /** Words that ask about going straight to the target, skipping what lies between. */
  static final Set<String> DIRECT_WORDS =
      Set.of(
          "straight",
          "directly",
          "direct",
          "skip",
          "skipping",
          "jump",
          "diretcly",
          "directo",
          "directement",
          "direkt",
          "direto");

  /** With no version in the message, these words ask for the newest release. */
  static final Set<String> NEWEST_WORDS = Set.of("newest", "latest", "current", "recent");

  /** With no version in the message, these words ask for the whole support table. */
  static final Set<String> MATRIX_HINTS =
      Set.of("support", "supported", "versions", "version", "lines", "n-2");
}
