package io.kommander.supportbot.query;

import io.kommander.supportbot.policy.Minor;
import io.kommander.supportbot.policy.Product;
import io.kommander.supportbot.policy.Question;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Cluster API or NKP cluster manifest: the platform release its ClusterClass is named after, and
 * the Kubernetes it asks for. Only in a manifest: elsewhere "version: v1.2.3" could be anything's.
 */
final class ClusterManifest implements PasteRecognizer {
  /** A Cluster API or NKP cluster manifest: its kind, or a managed topology. */
  private static final Pattern MANIFEST =
      Pattern.compile("(?im)^[ \\t]*(?:kind:[ \\t]*(?:Cluster|KubeadmControlPlane)\\b|topology:)");

  /**
   * The Kubernetes a manifest asks for: {@code spec.topology.version}, {@code kubernetesVersion}.
   */
  private static final Pattern MANIFEST_KUBERNETES =
      Pattern.compile(
          "(?im)^[ \\t]*+(?:version|kubernetesVersion):[ \\t]*+\"?v(\\d++)\\.(\\d++)\\.\\d++\"?[ \\t]*+$");

  /** An NKP ClusterClass, named after the release that ships it: {@code nkp-nutanix-v2.17.1}. */
  private static final Pattern CLUSTER_CLASS =
      Pattern.compile(
          "(?im)^[ \\t]*+class:[ \\t]*+\"?("
              + String.join("|", Names.SHIPPED.platformWords())
              + ")(-[a-z0-9.\\-]*+)\"?[ \\t]*+$");

  @Override
  public String read(String text, List<Question> questions, List<String> notes) {
    if (!PasteRecognizer.mentions(text, "kind", "topology")) {
      return text;
    }
    if (!MANIFEST.matcher(text).find()) {
      return text;
    }
    Matcher c = CLUSTER_CLASS.matcher(text);
    while (c.find()) {
      Product product = Names.SHIPPED.product(c.group(1)).orElseThrow();
      String name = c.group(2).toLowerCase(java.util.Locale.ROOT);
      Scan.exactPatch(name.substring(Math.max(0, name.lastIndexOf('v'))))
          .ifPresent(v -> questions.add(new Question.AboutLine(product, v)));
    }
    Matcher k = MANIFEST_KUBERNETES.matcher(text);
    while (k.find()) {
      int major = QueryParser.number(k.group(1));
      int minor = QueryParser.number(k.group(2));
      if (major >= 0 && minor >= 0) {
        questions.add(new Question.AboutKubernetes(new Minor(major, minor)));
      }
    }
    return MANIFEST_KUBERNETES.matcher(CLUSTER_CLASS.matcher(text).replaceAll(" ")).replaceAll(" ");
  }
}
