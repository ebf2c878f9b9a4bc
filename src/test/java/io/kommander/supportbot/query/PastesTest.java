package io.kommander.supportbot.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.kommander.supportbot.policy.Minor;
import io.kommander.supportbot.policy.Product;
import io.kommander.supportbot.policy.Query;
import io.kommander.supportbot.policy.Question;
import io.kommander.supportbot.policy.Question.AboutKubernetes;
import io.kommander.supportbot.policy.Question.AboutLine;
import io.kommander.supportbot.policy.Version;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tool output as people paste it, in the tools' documented formats (src/test/resources/pastes/):
 * what each must be read as, and the versions in it that must not be answered.
 */
class PastesTest {
  private final QueryParser parser = new QueryParser();

  private Query paste(String file) throws Exception {
    return parser.parse(Files.readString(Path.of("src/test/resources/pastes", file)));
  }

  @ParameterizedTest(name = "{0}: the server's Kubernetes {1}, never the client's or kustomize's")
  @CsvSource({
    "kubectl-version.txt, 1.29",
    "kubectl-version-old.txt, 1.28",
    "kubectl-version.json, 1.29",
    "kubectl-version.yaml, 1.29"
  })
  void kubectlVersionIsReadAsTheClustersKubernetes(String file, String minor) throws Exception {
    Query q = paste(file);
    assertThat(q.questions()).containsExactly(new AboutKubernetes(Minor.parse(minor)));
    assertThat(q.notes())
        .containsExactly(
            "I read the cluster's Kubernetes "
                + minor
                + " from kubectl's server version (its client version is your kubectl's own).");
  }

  @Test
  void kubectlVersionInsideAQuestionIsReadWithTheQuestion() {
    Query q = parser.parse("is this ok?\n```Client Version: v1.30.2\nServer Version: v1.29.6```");
    assertThat(q.questions()).containsExactly(new AboutKubernetes(Minor.parse("1.29")));
  }

  @Test
  void nodesOnTwoVersionsAreAClusterMidUpgrade() throws Exception {
    Query q = paste("kubectl-get-nodes.txt");
    assertThat(q.questions())
        .containsExactly(
            new AboutKubernetes(Minor.parse("1.29")), new AboutKubernetes(Minor.parse("1.28")));
    assertThat(q.notes())
        .containsExactly(
            "The nodes run 2 Kubernetes versions (v1.29.6, v1.28.7): the cluster is mid-upgrade.");
  }

  @ParameterizedTest(name = "{0} is {1} {2}; its tools' versions are not lines")
  @CsvSource({"nkp-version.txt, NKP, 2.17.1", "dkp-version.txt, DKP, 2.8.1"})
  void platformVersionListingsNameTheirLineAndNothingElse(
      String file, Product product, String version) throws Exception {
    Query q = paste(file);
    assertThat(q.questions()).containsExactly(new AboutLine(product, Version.parse(version)));
    assertThat(q.notes()).isEmpty();
  }

  @Test
  void aSingleColonLineIsNotAListing() {
    List<Question> read = parser.parse("nkp: v2.17.1").questions();
    assertThat(read).containsExactly(new AboutLine(Product.NKP, Version.parse("2.17.1")));
  }

  @Test
  void aClusterManifestNamesItsReleaseAndItsKubernetesAndNothingElse() throws Exception {
    Query q = paste("cluster-topology.yaml");
    assertThat(q.questions())
        .containsExactly(
            new AboutLine(Product.NKP, Version.parse("2.17.1")),
            new AboutKubernetes(Minor.parse("1.34")));
    assertThat(q.notes()).as("the pod CIDR and worker names are not versions").isEmpty();
    assertThat(paste("kubeadm-control-plane.yaml").questions())
        .containsExactly(new AboutKubernetes(Minor.parse("1.29")));
  }

  @Test
  void versionLinesOutsideAManifestAreNotReadAsOne() {
    assertThat(parser.parse("version: v1.29.6\nnkp 2.16").questions())
        .doesNotContain(new AboutKubernetes(Minor.parse("1.29")));
  }
}
