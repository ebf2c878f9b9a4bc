package io.kommander.supportbot.query;

import io.kommander.supportbot.policy.Minor;
import io.kommander.supportbot.policy.Question;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code kubectl get nodes}: the nodes' Kubernetes; two versions mean a cluster mid-upgrade. */
final class KubectlNodes implements PasteRecognizer {
  /** {@code kubectl get nodes}: its header, then a row per node. */
  private static final Pattern NODES_HEADER =
      Pattern.compile("(?im)^NAME[ \\t]++STATUS[ \\t]++ROLES[ \\t]++AGE[ \\t]++VERSION\\b.*+$");

  /** A node's row; its ROLES may be gone ("<none>" reads as Slack markup and is dropped). */
  private static final Pattern NODE_ROW =
      Pattern.compile(
          "(?m)^\\S++[ \\t]++\\S++[ \\t]++(?:\\S++[ \\t]++)?\\S++[ \\t]++v(\\d++)\\.(\\d++)\\.(\\d++)\\S*+.*+$");

  @Override
  public String read(String text, List<Question> questions, List<String> notes) {
    if (!PasteRecognizer.mentions(text, "version")) {
      return text;
    }
    Matcher header = NODES_HEADER.matcher(text);
    if (!header.find()) {
      return text;
    }
    Set<String> versions = new LinkedHashSet<>();
    Set<Minor> minors = new LinkedHashSet<>();
    String table = text.substring(header.end());
    Matcher row = NODE_ROW.matcher(table);
    int end = 0;
    while (row.find() && table.substring(end, row.start()).isBlank()) {
      int major = QueryParser.number(row.group(1));
      int minor = QueryParser.number(row.group(2));
      if (major >= 0 && minor >= 0) {
        versions.add("v" + row.group(1) + "." + row.group(2) + "." + row.group(3));
        minors.add(new Minor(major, minor));
      }
      end = row.end();
    }
    minors.forEach(m -> questions.add(new Question.AboutKubernetes(m)));
    if (versions.size() > 1) {
      notes.add(
          "The nodes run "
              + versions.size()
              + " Kubernetes versions ("
              + String.join(", ", versions)
              + "): the cluster is mid-upgrade.");
    }
    return text.substring(0, header.start()) + " " + table.substring(end);
  }
}
