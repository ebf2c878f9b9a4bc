package io.kommander.supportbot.query;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The clusters a message names for its versions: "prod on dkp 2.6", "staging: nkp 2.13", "dev
 * cluster runs nkp 2.17.1". Found by where they stand in the text, so the reader can tell which
 * version each cluster runs.
 */
final class ClusterNames {
  /**
   * A name (a word starting with a letter, bounded so the scan stays linear), an optional
   * "cluster", "is/are", "still", then a link word or sign, an optional product, and the version.
   */
  private static final Pattern NAMED =
      Pattern.compile(
          "(?<![\\w.\\-])(?<name>[a-z][\\w\\-]{0,39})(?:\\s+clusters?)?\\s*"
              + "(?:\\b(?:is|are)\\s+)?(?:\\bstill\\s+)?"
              + "(?:\\bon\\b|\\brunning\\b|\\bruns\\b|\\bat\\b|:|=|->|\\(|\u2014|\u2013)\\s*"
              + "(?:(?:the\\s+)?(?:nkp|dkp|kommander|konvoy)\\s*)?"
              + "(?<version>v?\\d{1,3}\\.\\d{1,3}(?:\\.\\d{1,3})?)(?!\\d)",
          Pattern.CASE_INSENSITIVE);

  /** Words that stand before a version without naming a cluster. */
  private static final Set<String> NOT_NAMES =
      Set.of(
          "we",
          "i",
          "you",
          "they",
          "it",
          "he",
          "she",
          "this",
          "that",
          "which",
          "what",
          "who",
          "still",
          "also",
          "and",
          "or",
          "but",
          "is",
          "are",
          "was",
          "were",
          "be",
          "now",
          "currently",
          "version",
          "versions",
          "release",
          "line",
          "cluster",
          "clusters",
          "upgrade",
          "upgrading",
          "from",
          "to",
          "can",
          "run",
          "running",
          "runs",
          "on",
          "at",
          "kommander",
          "konvoy",
          "nkp",
          "dkp",
          "kubernetes",
          "k8s",
          "kube",
          "client",
          "server",
          "kustomize",
          "gitversion",
          "kubernetesversion",
          "everything",
          "all",
          "both",
          "one",
          "ones",
          "anyone",
          "someone");

  private final Map<Integer, String> byVersion = new HashMap<>();
  private final Set<Integer> names = new HashSet<>();

  private ClusterNames() {}

  static ClusterNames in(String text) {
    ClusterNames found = new ClusterNames();
    Matcher m = NAMED.matcher(text);
    while (m.find()) {
      String name = m.group("name");
      if (!NOT_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
        found.byVersion.put(m.start("version"), name);
        found.names.add(m.start("name"));
      }
    }
    return found;
  }

  /** The cluster named for the version that starts at {@code offset}. */
  Optional<String> forVersionAt(int offset) {
    return Optional.ofNullable(byVersion.get(offset));
  }

  /** Whether a cluster's name starts at {@code offset}: what follows is that cluster's own. */
  boolean nameAt(int offset) {
    return names.contains(offset);
  }
}
