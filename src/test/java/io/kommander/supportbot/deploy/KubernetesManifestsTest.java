package io.kommander.supportbot.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * deploy/kubernetes: each manifest validates against Kubernetes' own schema (npm kubernetes-models,
 * run with node; .ci/run installs node where it is missing), and says what operators rely on.
 */
class KubernetesManifestsTest {
  static final Path DIR = Path.of("deploy/kubernetes");
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

  @Test
  void everyManifestValidatesAgainstKubernetesSchemas() throws Exception {
    assumeTrue(available("node") && available("npm"), "needs node and npm (.ci/run installs them)");
    Path work = Files.createDirectories(Path.of("target/k8s-validate"));
    Files.copy(
        Path.of("src/test/resources/k8s/validate.mjs"),
        work.resolve("validate.mjs"),
        StandardCopyOption.REPLACE_EXISTING);
    if (!Files.isDirectory(work.resolve("node_modules/kubernetes-models"))) {
      run(
          work,
          List.of(
              "npm",
              "install",
              "--no-audit",
              "--no-fund",
              "--silent",
              "kubernetes-models@5.1.0",
              "yaml@2.8.1"));
    }
    List<String> command = new ArrayList<>(List.of("node", "validate.mjs"));
    for (String f :
        List.of(
            "deployment.yaml", "service.yaml", "poddisruptionbudget.yaml", "secret.example.yaml")) {
      command.add(DIR.resolve(f).toAbsolutePath().toString());
    }
    String out = run(work, command);
    assertThat(out.lines().filter(l -> l.startsWith("valid ")).count()).isEqualTo(4);
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
    assertThat(pod.at("/volumes/0/configMap/name").asText())
        .isEqualTo(read("kustomization.yaml").at("/configMapGenerator/0/name").asText());
    assertThat(read("kustomization.yaml").at("/generatorOptions/disableNameSuffixHash").asBoolean())
        .isTrue();
    assertThat(read("poddisruptionbudget.yaml").at("/spec/minAvailable").asInt()).isEqualTo(1);
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
