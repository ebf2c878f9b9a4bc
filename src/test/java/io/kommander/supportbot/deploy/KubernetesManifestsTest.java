package io.kommander.supportbot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kommander.supportbot.testing.Tools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * deploy/kubernetes as kustomize renders it (kubectl kustomize, no flags, as README says): it
 * validates against Kubernetes' own schemas (npm kubernetes-models, run with node; .ci/run installs
 * them), its ConfigMap is config/ itself, the example overlay is a second environment, and the
 * Deployment says what operators rely on.
 */
class KubernetesManifestsTest {
  static final Path DIR = Path.of("deploy/kubernetes");
  static final Path TOOLS = Path.of("src/test/js");
  static final YAMLMapper YAML = new YAMLMapper();

  static JsonNode read(String file) throws IOException {
    return YAML.readTree(DIR.resolve(file).toFile());
  }

  static String run(Path dir, List<String> command) throws Exception {
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    boolean done = p.waitFor(5, TimeUnit.MINUTES);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(done).as("%s timed out", command).isTrue();
    assertThat(p.exitValue()).as("%s:%n%s", command, out).isZero();
    return out;
  }

  static boolean available(String tool) {
    try {
      return new ProcessBuilder(tool, "--version").start().waitFor(30, TimeUnit.SECONDS);
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /**
   * {@code kubectl kustomize DIR}, no flags, exactly as README says (skipped without kubectl on a
   * developer's machine, a failure under {@code CI=true}).
   */
  static String kustomize(String dir) throws Exception {
    Tools.require(available("kubectl"), "kubectl (kustomize is built into it)");
    return run(Path.of("."), List.of("kubectl", "kustomize", dir));
  }

  static List<JsonNode> documents(String yaml) throws IOException {
    return YAML.readValues(YAML.getFactory().createParser(yaml), JsonNode.class).readAll();
  }

  static JsonNode kind(List<JsonNode> docs, String kind) {
    return docs.stream()
        .filter(d -> d.path("kind").asText().equals(kind))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void whatKustomizeRendersValidatesAgainstKubernetesSchemas() throws Exception {
    Path out = Files.createDirectories(Path.of("target/k8s"));
    Path base = Files.writeString(out.resolve("base.yaml"), kustomize("deploy/kubernetes"));
    Path example =
        Files.writeString(out.resolve("example.yaml"), kustomize("deploy/overlays/example"));
    Tools.require(
        Files.isDirectory(TOOLS.resolve("node_modules/kubernetes-models")) && available("node"),
        "node and src/test/js's packages (npm ci --prefix src/test/js)");
    List<String> command = new ArrayList<>(List.of("node", "validate.mjs"));
    for (Path f :
        List.of(
            base,
            example,
            DIR.resolve("secret.example.yaml"),
            DIR.resolve("monitoring/podmonitor.yaml"))) {
      command.add(f.toAbsolutePath().toString());
    }
    String result = run(TOOLS, command);
    // base: ConfigMap, Service, Deployment, PDB, NetworkPolicy; example: the same and its
    // Namespace; 2 more.
    assertThat(result.lines().filter(l -> l.startsWith("valid ")).count()).isEqualTo(13);
  }

  @Test
  void theConfigMapHoldsTheCatalogOfConfigItselfAndTheDeploymentMountsIt() throws Exception {
    List<JsonNode> docs = documents(kustomize("deploy/kubernetes"));
    JsonNode config = kind(docs, "ConfigMap");
    assertThat(config.at("/data/releases.yaml").asText())
        .isEqualTo(Files.readString(Path.of("config/releases.yaml")));
    assertThat(config.at("/data/announcements.yaml").asText())
        .isEqualTo(Files.readString(Path.of("config/announcements.yaml")));
    JsonNode pod = kind(docs, "Deployment").at("/spec/template/spec");
    assertThat(pod.findValuesAsText("name")).contains(config.at("/metadata/name").asText());
    assertThat(pod.at("/volumes/0/configMap/name").asText())
        .isEqualTo(config.at("/metadata/name").asText());
  }

  @Test
  void theExampleOverlayIsASecondEnvironment() throws Exception {
    List<JsonNode> docs = documents(kustomize("deploy/overlays/example"));
    String namespace = kind(docs, "Namespace").at("/metadata/name").asText();
    assertThat(namespace).isEqualTo("kommander-support-staging");
    assertThat(docs)
        .filteredOn(d -> !d.path("kind").asText().equals("Namespace"))
        .allSatisfy(d -> assertThat(d.at("/metadata/namespace").asText()).isEqualTo(namespace));
    JsonNode deployment = kind(docs, "Deployment");
    assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(3);
    assertThat(deployment.at("/spec/template/spec/containers/0/env").toString())
        .contains("\"PUBLIC_URL\"", "https://support-bot.staging.example.com");
  }

  @Test
  void theDeploymentIsWhatOperatorsExpect() throws Exception {
    JsonNode deployment = read("deployment.yaml");
    JsonNode pod = deployment.at("/spec/template/spec");
    JsonNode bot = pod.at("/containers/0");
    assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
    assertThat(bot.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/healthz");
    assertThat(bot.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/readyz");
    assertThat(bot.at("/resources/requests/memory").isMissingNode()).isFalse();
    assertThat(bot.at("/resources/limits/memory").isMissingNode()).isFalse();
    assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
    assertThat(bot.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(pod.at("/terminationGracePeriodSeconds").asInt()).isGreaterThan(10);
    // Secrets come from a Secret, never inline; the catalog from the ConfigMap, re-read live.
    for (JsonNode env : bot.get("env")) {
      if (env.get("name").asText().matches("SLACK_.*|LEDGER_DATABASE_URL")) {
        assertThat(env.at("/valueFrom/secretKeyRef/name").asText())
            .isEqualTo("kommander-support-bot");
      }
    }
    assertThat(bot.get("env").toString()).contains("/etc/kommander-support-bot/releases.yaml");
    JsonNode config = YAML.readTree(Path.of("config/kustomization.yaml").toFile());
    assertThat(pod.at("/volumes/0/configMap/name").asText())
        .isEqualTo(config.at("/configMapGenerator/0/name").asText());
    assertThat(config.at("/generatorOptions/disableNameSuffixHash").asBoolean()).isTrue();
    assertThat(read("poddisruptionbudget.yaml").at("/spec/minAvailable").asInt()).isEqualTo(1);
    // A pod that is not ready never blocks a node drain (readiness fails only when it cannot
    // serve).
    assertThat(read("poddisruptionbudget.yaml").at("/spec/unhealthyPodEvictionPolicy").asText())
        .isEqualTo("AlwaysAllow");
    // The bot never calls the Kubernetes API: no service-account token in the pod.
    assertThat(pod.at("/automountServiceAccountToken").isBoolean()).isTrue();
    assertThat(pod.at("/automountServiceAccountToken").asBoolean()).isFalse();
  }

  @Test
  void theNetworkPolicyLetsInTheBotsPortAndOutOnlyDnsHttpsAndPostgres() throws Exception {
    List<JsonNode> docs = documents(kustomize("deploy/kubernetes"));
    JsonNode policy = kind(docs, "NetworkPolicy").at("/spec");
    JsonNode pod = kind(docs, "Deployment").at("/spec/template");
    assertThat(policy.at("/podSelector/matchLabels")).isEqualTo(pod.at("/metadata/labels"));
    assertThat(policy.at("/policyTypes").toString()).isEqualTo("[\"Ingress\",\"Egress\"]");
    assertThat(policy.at("/ingress").size()).isEqualTo(1);
    assertThat(policy.at("/ingress/0/from").isMissingNode()).as("from anywhere").isTrue();
    assertThat(policy.at("/ingress/0/ports/0/port").asText())
        .isEqualTo(pod.at("/spec/containers/0/ports/0/name").asText());
    List<String> egress = new ArrayList<>();
    for (JsonNode rule : policy.at("/egress")) {
      assertThat(rule.has("to")).as("to any address, on these ports only").isFalse();
      rule.get("ports")
          .forEach(p -> egress.add(p.get("port").asText() + "/" + p.get("protocol").asText()));
    }
    assertThat(egress).containsExactlyInAnyOrder("53/UDP", "53/TCP", "443/TCP", "5432/TCP");
  }

  @Test
  void thePodMonitorScrapesTheBotsPodsOnTheirMetricsPort() throws Exception {
    JsonNode monitor = read("monitoring/podmonitor.yaml");
    JsonNode pod = read("deployment.yaml").at("/spec/template");
    assertThat(monitor.at("/kind").asText()).isEqualTo("PodMonitor");
    assertThat(monitor.at("/spec/selector/matchLabels")).isEqualTo(pod.at("/metadata/labels"));
    JsonNode endpoint = monitor.at("/spec/podMetricsEndpoints/0");
    assertThat(endpoint.at("/path").asText()).isEqualTo("/metrics");
    assertThat(pod.at("/spec/containers/0/ports").findValuesAsText("name"))
        .contains(endpoint.at("/port").asText());
  }
}
