package io.kommander.supportbot.query;

import io.kommander.supportbot.policy.Minor;
import io.kommander.supportbot.policy.Question;
import java.util.List;
import java.util.Optional;

/**
 * {@code kubectl version} in every form people paste (plain, the old {@code version.Info}, {@code
 * -o json}, {@code -o yaml}): the cluster's Kubernetes from the server's version, never the
 * laptop's client or kustomize version.
 *
 * <p>Read by scanning forward, line by line and key by key, never by a backtracking pattern: a YAML
 * pattern with nested repetition took a minute on six indented lines (issue 34), so every step here
 * moves on through the text and the whole read is linear in its length.
 */
final class KubectlVersion implements PasteRecognizer {
  /** Where a server version was read, and the minor it names. */
  private record Found(int start, int end, Minor minor) {}

  @Override
  public String read(String text, List<Question> questions, List<String> notes) {
    if (!PasteRecognizer.mentions(text, "version")) {
      return text;
    }
    String lower = Scan.lower(text);
    Scan.Cuts cuts = new Scan.Cuts(text);
    Optional<Found> server =
        serverLine(lower)
            .or(() -> json(lower, "\"serverversion\""))
            .or(() -> yaml(lower, "serverversion:"));
    server.ifPresent(
        f -> {
          questions.add(new Question.AboutKubernetes(f.minor()));
          notes.add(
              "I read the cluster's Kubernetes "
                  + f.minor()
                  + " from kubectl's server version (its client version is your kubectl's own).");
          cuts.cut(f.start(), f.end());
        });
    clientLines(lower, cuts);
    return cuts.rest();
  }

  /**
   * The first line that starts (after indentation) with "server version:" and holds a version:
   * "Server Version: v1.29.6", or the old "Server Version: version.Info{... GitVersion:"v1.28.7"
   * ...}".
   */
  private static Optional<Found> serverLine(String lower) {
    String key = "server version:";
    for (int start = 0; start < lower.length(); start = Scan.lineEnd(lower, start) + 1) {
      int at = Scan.skipBlanks(lower, start);
      if (!lower.startsWith(key, at)) {
        continue;
      }
      int end = Scan.lineEnd(lower, at);
      int value = Scan.skipBlanks(lower, at + key.length());
      if (lower.startsWith("version.info{", value)) {
        int git = lower.indexOf("gitversion:\"", value);
        value = git >= 0 && git < end ? git + "gitversion:\"".length() : end;
      }
      Optional<Minor> minor = Scan.minorAt(lower, value);
      if (minor.isPresent()) {
        return Optional.of(new Found(start, end, minor.get()));
      }
    }
    return Optional.empty();
  }

  /**
   * {@code "serverVersion": { ... "gitVersion": "v1.29.6" ... }}, pretty or on one line. The search
   * for the closing brace and for the git version only ever moves forward.
   */
  private static Optional<Found> json(String lower, String key) {
    int brace = -1;
    int git = -1;
    for (int at = lower.indexOf(key); at >= 0; at = lower.indexOf(key, at + 1)) {
      int open = Scan.skipWhitespace(lower, at + key.length());
      if (open >= lower.length() || lower.charAt(open) != ':') {
        continue;
      }
      open = Scan.skipWhitespace(lower, open + 1);
      if (open >= lower.length() || lower.charAt(open) != '{') {
        continue;
      }
      if (brace < open) {
        brace = lower.indexOf('}', open);
      }
      if (brace < 0) {
        return Optional.empty();
      }
      if (git < open) {
        git = lower.indexOf("\"gitversion\"", open);
      }
      if (git < 0) {
        return Optional.empty();
      }
      if (git < brace) {
        int value = Scan.skipWhitespace(lower, git + "\"gitversion\"".length());
        if (value < lower.length() && lower.charAt(value) == ':') {
          value = Scan.skipWhitespace(lower, value + 1);
          value += value < lower.length() && lower.charAt(value) == '"' ? 1 : 0;
          Optional<Minor> minor = Scan.minorAt(lower, value);
          if (minor.isPresent()) {
            return Optional.of(new Found(at, brace + 1, minor.get()));
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A YAML block: {@code serverVersion:} at the start of a line, then indented lines, one of them
   * {@code gitVersion: v1.29.6}.
   */
  private static Optional<Found> yaml(String lower, String key) {
    for (int start = 0; start < lower.length(); start = Scan.lineEnd(lower, start) + 1) {
      if (!lower.startsWith(key, start)
          || Scan.skipBlanks(lower, start + key.length()) != Scan.lineEnd(lower, start)) {
        continue;
      }
      Minor minor = null;
      int line = Scan.lineEnd(lower, start) + 1;
      for (; line < lower.length() && Scan.indented(lower, line); ) {
        int at = Scan.skipBlanks(lower, line);
        if (minor == null && lower.startsWith("gitversion:", at)) {
          int value = Scan.skipBlanks(lower, at + "gitversion:".length());
          value += value < lower.length() && lower.charAt(value) == '"' ? 1 : 0;
          minor = Scan.minorAt(lower, value).orElse(null);
        }
        line = Scan.lineEnd(lower, line) + 1;
      }
      if (minor != null) {
        return Optional.of(new Found(start, Math.min(line, lower.length()), minor));
      }
      start = Math.min(line, lower.length()) - 1; // the block is read: go on after it
    }
    return Optional.empty();
  }

  /** The laptop's side of {@code kubectl version}, in each form: taken out, never read. */
  private static void clientLines(String lower, Scan.Cuts cuts) {
    for (int start = 0; start < lower.length(); start = Scan.lineEnd(lower, start) + 1) {
      int at = Scan.skipBlanks(lower, start);
      int end = Scan.lineEnd(lower, start);
      if (lower.startsWith("client version:", at)
          || lower.startsWith("kustomize version:", at)
          || lower.startsWith("kustomizeversion:", start)) {
        cuts.cut(start, end);
      } else if (lower.startsWith("clientversion:", start)) {
        int line = end + 1;
        while (line < lower.length() && Scan.indented(lower, line)) {
          line = Scan.lineEnd(lower, line) + 1;
        }
        cuts.cut(start, Math.min(line, lower.length()));
        start = Math.min(line, lower.length()) - 1;
      }
    }
    jsonObjects(lower, "\"clientversion\"", '{', '}', cuts);
    jsonObjects(lower, "\"kustomizeversion\"", '"', '"', cuts);
  }

  /**
   * Each {@code "key": <open>...<close>} taken out: an object, or a string. Every search moves
   * forward from where the last one ended.
   */
  private static void jsonObjects(String lower, String key, char open, char close, Scan.Cuts cuts) {
    for (int at = lower.indexOf(key); at >= 0; at = lower.indexOf(key, at + 1)) {
      int value = Scan.skipWhitespace(lower, at + key.length());
      if (value >= lower.length() || lower.charAt(value) != ':') {
        continue;
      }
      value = Scan.skipWhitespace(lower, value + 1);
      if (value >= lower.length() || lower.charAt(value) != open) {
        continue;
      }
      int end = lower.indexOf(close, value + 1);
      if (end < 0) {
        return;
      }
      cuts.cut(at, end + 1);
      at = end;
    }
  }
}
