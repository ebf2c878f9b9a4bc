package io.kommander.supportbot.query;

import io.kommander.supportbot.policy.Minor;
import io.kommander.supportbot.policy.Question;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code kubectl version} in every form people paste (plain, the old {@code version.Info}, {@code
 * -o json}, {@code -o yaml}): the cluster's Kubernetes from the server's version, never the
 * laptop's client or kustomize version.
 */
final class KubectlVersion implements PasteRecognizer {
  private static final Pattern SERVER_PLAIN =
      Pattern.compile("(?im)^[ \\t]*server version:[ \\t]*v(\\d+)\\.(\\d+)\\.\\d+\\S*");
  private static final Pattern SERVER_INFO =
      Pattern.compile(
          "(?i)server version:\\s*version\\.info\\{[^}]*?gitversion:\"v(\\d+)\\.(\\d+)[^}]*}");
  private static final Pattern SERVER_JSON =
      Pattern.compile(
          "(?i)\"serverversion\"\\s*:\\s*\\{[^}]*?\"gitversion\"\\s*:\\s*\"v(\\d+)\\.(\\d+)[^}]*}");
  private static final Pattern SERVER_YAML =
      Pattern.compile(
          "(?im)^serverversion:[ \\t]*\\n(?:[ \\t]+.*\\n)*?[ \\t]+gitversion:[ \\t]*\"?v(\\d+)\\.(\\d+)"
              + "(?:.*\\n?)(?:[ \\t]+.*\\n?)*");

  /** The laptop's side of {@code kubectl version}: removed, never read as a version asked about. */
  private static final Pattern CLIENT =
      Pattern.compile(
          "(?im)^[ \\t]*(?:client|kustomize) version:.*$"
              + "|\"(?:clientversion)\"\\s*:\\s*\\{[^}]*}"
              + "|\"kustomizeversion\"\\s*:\\s*\"[^\"]*\""
              + "|^clientversion:[ \\t]*\\n(?:[ \\t]+.*\\n?)*"
              + "|^kustomizeversion:.*$");

  @Override
  public String read(String text, List<Question> questions, List<String> notes) {
    if (!PasteRecognizer.mentions(text, "version")) {
      return text;
    }
    String rest = text;
    for (Pattern server : List.of(SERVER_INFO, SERVER_JSON, SERVER_YAML, SERVER_PLAIN)) {
      Matcher m = server.matcher(rest);
      if (m.find()) {
        Minor minor = new Minor(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        questions.add(new Question.AboutKubernetes(minor));
        notes.add(
            "I read the cluster's Kubernetes "
                + minor
                + " from kubectl's server version (its client version is your kubectl's own).");
        rest = rest.substring(0, m.start()) + " " + rest.substring(m.end());
        break;
      }
    }
    return CLIENT.matcher(rest).replaceAll(" ");
  }
}
