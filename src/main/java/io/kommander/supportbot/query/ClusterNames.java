package io.kommander.supportbot.query;

import java.util.Locale;
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
   * What stands before a version that names its cluster: a name (a word starting with a letter, not
   * the tail of a contraction such as they're or it's; possessive, so a failed match never
   * backtracks into it), an optional "cluster", "is/are", "still", then a link word or sign and an
   * optional product, up to the version.
   */
  private static final Pattern NAMED =
      Pattern.compile(
          "(?<![\\w.\\-])(?<!\\w['\u2019])(?<name>[a-z][\\w\\-]{0,39}+)(?:\\s+clusters?)?\\s*"
              + "(?:\\b(?:is|are)\\s+)?(?:\\bstill\\s+)?"
              + "(?:\\bon\\b|\\brunning\\b|\\bruns\\b|\\bat\\b|:|=|->|\\(|\u2014|\u2013)\\s*"
              + "(?:(?:the\\s+)?(?:nkp|dkp|kommander|konvoy)\\s*)?$",
          Pattern.CASE_INSENSITIVE);

  /** Enough to hold the longest name and what may follow it. */
  private static final int LOOK_BACK = 90;

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

  private ClusterNames() {}

  /** The cluster named for the version that starts at {@code offset} in {@code text}. */
  static Optional<String> before(String text, int offset) {
    Matcher m = NAMED.matcher(text).region(Math.max(0, offset - LOOK_BACK), offset);
    m.useTransparentBounds(true); // the name's boundary may lie before the region
    while (m.find()) {
      String name = m.group("name");
      if (!NOT_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
        return Optional.of(name);
      }
      if (m.end("name") >= offset) {
        break;
      }
      m.region(m.end("name"), offset);
    }
    return Optional.empty();
  }
}
