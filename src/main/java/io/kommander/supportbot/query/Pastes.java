package io.kommander.supportbot.query;

import io.kommander.supportbot.policy.Minor;
import io.kommander.supportbot.policy.Product;
import io.kommander.supportbot.policy.Question;
import io.kommander.supportbot.policy.Version;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tool output people paste, read as what it is: {@code kubectl version} (plain, the old {@code
 * version.Info} form, {@code -o json}, {@code -o yaml}) gives the cluster's Kubernetes from the
 * server's version, never the laptop's client; {@code kubectl get nodes} gives the nodes' versions;
 * {@code nkp version} / {@code dkp version} give the platform's; a cluster manifest gives its
 * ClusterClass's release and its Kubernetes. What was read is taken out of the text, so no version
 * in it is read again as a Kommander line.
 */
final class Pastes {
  /** The questions the pasted output asks, notes on it, and the text left for the reader. */
  record Read(String rest, List<Question> questions, List<String> notes) {}

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

  /** {@code kubectl get nodes}: its header, then a row per node. */
  private static final Pattern NODES_HEADER =
      Pattern.compile("(?im)^NAME\\s+STATUS\\s+ROLES\\s+AGE\\s+VERSION\\b.*$");

  /** A node's row; its ROLES may be gone ("<none>" reads as Slack markup and is dropped). */
  private static final Pattern NODE_ROW =
      Pattern.compile("(?m)^\\S+\\s+\\S+\\s+(?:\\S+\\s+)?\\S+\\s+v(\\d+)\\.(\\d+)\\.(\\d+)\\S*.*$");

  /** One line of {@code nkp version}: a component and its version. */
  private static final Pattern COMPONENT =
      Pattern.compile(
          "(?im)^[ \\t]*([a-z][\\w-]*)[ \\t]*:[ \\t]*v?(\\d+\\.\\d+\\.\\d+)\\S*[ \\t]*$");

  private static final Set<String> PLATFORM_KEYS = Set.of("kommander", "konvoy", "nkp", "dkp");

  /** A Cluster API or NKP cluster manifest: its kind, or a managed topology. */
  private static final Pattern MANIFEST =
      Pattern.compile("(?im)^[ \\t]*(?:kind:[ \\t]*(?:Cluster|KubeadmControlPlane)\\b|topology:)");

  /**
   * The Kubernetes a manifest asks for: {@code spec.topology.version}, {@code kubernetesVersion}.
   */
  private static final Pattern MANIFEST_KUBERNETES =
      Pattern.compile(
          "(?im)^[ \\t]*(?:version|kubernetesVersion):[ \\t]*\"?v(\\d+)\\.(\\d+)\\.\\d+\"?[ \\t]*$");

  /** An NKP ClusterClass, named after the release that ships it: {@code nkp-nutanix-v2.17.1}. */
  private static final Pattern CLUSTER_CLASS =
      Pattern.compile(
          "(?im)^[ \\t]*class:[ \\t]*\"?(nkp|dkp)-[a-z0-9-]*?v(\\d+\\.\\d+\\.\\d+)\"?[ \\t]*$");

  private Pastes() {}

  static Read read(String text) {
    List<Question> questions = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    String rest = kubectlVersion(text, questions, notes);
    rest = nodes(rest, questions, notes);
    rest = components(rest, questions);
    rest = manifest(rest, questions);
    return new Read(rest, questions, notes);
  }

  private static String kubectlVersion(String text, List<Question> questions, List<String> notes) {
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

  private static String nodes(String text, List<Question> questions, List<String> notes) {
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
      versions.add("v" + row.group(1) + "." + row.group(2) + "." + row.group(3));
      minors.add(new Minor(Integer.parseInt(row.group(1)), Integer.parseInt(row.group(2))));
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

  /**
   * {@code nkp version}: two or more "component: version" lines. The platform's components
   * (kommander, konvoy, nkp or dkp) name one line; other tools (diagnose, imagebuilder, mindthegap)
   * are not platform versions and are dropped.
   */
  private static String components(String text, List<Question> questions) {
    Matcher m = COMPONENT.matcher(text);
    List<String[]> found = new ArrayList<>();
    while (m.find()) {
      found.add(new String[] {m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2)});
    }
    if (found.size() < 2) {
      return text;
    }
    Product platform =
        found.stream().anyMatch(f -> f[0].equals("nkp"))
            ? Product.NKP
            : found.stream().anyMatch(f -> f[0].equals("dkp")) ? Product.DKP : Product.KOMMANDER;
    found.stream()
        .filter(f -> PLATFORM_KEYS.contains(f[0]))
        .map(f -> Version.parse(f[1]))
        .distinct()
        .forEach(v -> questions.add(new Question.AboutLine(platform, v)));
    return COMPONENT.matcher(text).replaceAll(" ");
  }

  /**
   * A cluster manifest: the platform release its ClusterClass is named after, and the Kubernetes it
   * asks for. Only in a manifest: elsewhere "version: v1.2.3" could be anything's.
   */
  private static String manifest(String text, List<Question> questions) {
    if (!MANIFEST.matcher(text).find()) {
      return text;
    }
    Matcher c = CLUSTER_CLASS.matcher(text);
    while (c.find()) {
      Product product = c.group(1).equalsIgnoreCase("dkp") ? Product.DKP : Product.NKP;
      questions.add(new Question.AboutLine(product, Version.parse(c.group(2))));
    }
    Matcher k = MANIFEST_KUBERNETES.matcher(text);
    while (k.find()) {
      questions.add(
          new Question.AboutKubernetes(
              new Minor(Integer.parseInt(k.group(1)), Integer.parseInt(k.group(2)))));
    }
    return MANIFEST_KUBERNETES.matcher(CLUSTER_CLASS.matcher(text).replaceAll(" ")).replaceAll(" ");
  }
}
