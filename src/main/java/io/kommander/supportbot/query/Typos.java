package io.kommander.supportbot.query;

import io.kommander.supportbot.policy.Product;
import java.util.Map;
import java.util.Optional;

/**
 * Product names as people mistype them ("komander", "kommnader", "konvoi"): a word within a letter
 * or two of a long product name is read as that product, and the answer says so. Short names (DKP,
 * NKP) are too close to other words to guess at.
 */
final class Typos {
  /**
   * Each long name of ours (the vocabulary's, six letters or more), and how many edits away a word
   * may be to be read as it: two for a long name, one for a shorter one.
   */
  private static final Map<String, Integer> NAMES =
      Names.SHIPPED.productWords().stream()
          .filter(n -> n.length() >= 6)
          .collect(java.util.stream.Collectors.toMap(n -> n, n -> n.length() >= 8 ? 2 : 1));

  private Typos() {}

  /** The product {@code word} is a near miss of; empty for exact names and other words. */
  static Optional<Product> product(String word) {
    // Both names start with a k sound; most words are let go here, before any counting.
    char first = word.isEmpty() ? ' ' : word.charAt(0);
    if (word.length() < 5
        || (first != 'k' && first != 'c')
        || Names.SHIPPED.product(word).isPresent()) {
      return Optional.empty();
    }
    for (var name : NAMES.entrySet()) {
      if (distance(word, name.getKey()) <= name.getValue()) {
        return Names.SHIPPED.product(name.getKey());
      }
    }
    return Optional.empty();
  }

  /**
   * Edits between two words: insertions, deletions, substitutions and swaps of neighbours (optimal
   * string alignment); words whose lengths differ by more than 2 are 3 apart at once.
   */
  static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 2) {
      return 3;
    }
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
