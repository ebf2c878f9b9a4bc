package io.kommander.supportbot.query;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The clusters a message names for its versions: "prod on dkp 2.6", "staging: nkp 2.13", "dev
 * cluster runs nkp 2.17.1". Found by where they stand in the text, so the reader can tell which
 * version each cluster runs.
 *
 * <p>Read backwards from the version, word by word, rather than by a pattern tried at every place
 * before it: a message of a thousand versions asks this a thousand times, and the pattern's tries
 * made that 24 ms. Right to left: an optional product (with "the"), a link word or sign, an
 * optional "still", an optional "is/are", an optional "cluster(s)", then the name.
 */
final class ClusterNames {
  /** A name's length, as the pattern this replaces allowed: a letter, then 39 more at most. */
  private static final int MAX_NAME = 40;

  /** Enough to hold the longest name and what may follow it. */
  private static final int LOOK_BACK = 90;

  private static final Set<String> LINK_WORDS = Set.of("on", "running", "runs", "at");
  private static final String LINK_SIGNS = ":=(\u2014\u2013";

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
    int floor = Math.max(0, offset - LOOK_BACK);
    int i = spacesBefore(text, offset, floor);
    int product = wordBefore(text, i, floor);
    if (product < i && Names.SHIPPED.product(lower(text, product, i)).isPresent()) {
      i = spacesBefore(text, product, floor);
      int the = wordBefore(text, i, floor);
      if (the < i && i < product && lower(text, the, i).equals("the")) {
        i = spacesBefore(text, the, floor);
      }
    }
    i = linkBefore(text, i, floor);
    if (i < 0) {
      return Optional.empty();
    }
    i = optionalWord(text, i, floor, Set.of("still"));
    i = optionalWord(text, i, floor, Set.of("is", "are"));
    int nameEnd = spacesBefore(text, i, floor);
    int cluster = wordBefore(text, nameEnd, floor);
    if (cluster < nameEnd
        && Set.of("cluster", "clusters").contains(lower(text, cluster, nameEnd))) {
      int spaces = spacesBefore(text, cluster, floor);
      nameEnd = spaces < cluster ? spaces : nameEnd;
    }
    return name(text, nameEnd, floor);
  }

  /** The name that ends at {@code end}: a whole word (letters, digits, _ or -) from a letter. */
  private static Optional<String> name(String text, int end, int floor) {
    int start = end;
    while (start > floor && nameChar(text.charAt(start - 1))) {
      start--;
    }
    if (start == end || end - start > MAX_NAME || !isAsciiLetter(text.charAt(start))) {
      return Optional.empty();
    }
    if (start > 0) {
      char before = text.charAt(start - 1);
      boolean contraction =
          (before == '\'' || before == '\u2019') && start > 1 && wordChar(text.charAt(start - 2));
      if (wordChar(before) || before == '.' || before == '-' || contraction) {
        return Optional.empty(); // the tail of a longer token, or of "they're", "it's"
      }
    }
    String name = text.substring(start, end);
    return NOT_NAMES.contains(name.toLowerCase(Locale.ROOT)) ? Optional.empty() : Optional.of(name);
  }

  /** Where the link before {@code end} starts ("on", "runs", ":", "->"), or -1 without one. */
  private static int linkBefore(String text, int end, int floor) {
    if (end > floor && LINK_SIGNS.indexOf(text.charAt(end - 1)) >= 0) {
      return end - 1;
    }
    if (end - 2 >= floor && text.startsWith("->", end - 2)) {
      return end - 2;
    }
    int word = wordBefore(text, end, floor);
    boolean bounded = end >= text.length() || !wordChar(text.charAt(end));
    return word < end && bounded && LINK_WORDS.contains(lower(text, word, end)) ? word : -1;
  }

  /** Before {@code end}, one of {@code words} followed by whitespace, when it is there. */
  private static int optionalWord(String text, int end, int floor, Set<String> words) {
    if (end == floor || !Character.isWhitespace(text.charAt(end - 1))) {
      return end;
    }
    int spaces = spacesBefore(text, end, floor);
    int word = wordBefore(text, spaces, floor);
    return word < spaces && words.contains(lower(text, word, spaces)) ? word : end;
  }

  /** The start of the run of whitespace that ends at {@code end}. */
  private static int spacesBefore(String text, int end, int floor) {
    while (end > floor && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return end;
  }

  /** The start of the whole word (letters, digits, _) that ends at {@code end}. */
  private static int wordBefore(String text, int end, int floor) {
    int start = end;
    while (start > floor && wordChar(text.charAt(start - 1))) {
      start--;
    }
    return start > 0 && wordChar(text.charAt(start - 1)) ? end : start; // cut by the floor
  }

  private static String lower(String text, int start, int end) {
    return text.substring(start, end).toLowerCase(Locale.ROOT);
  }

  private static boolean wordChar(char c) {
    return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_';
  }

  private static boolean nameChar(char c) {
    return wordChar(c) || c == '-';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
