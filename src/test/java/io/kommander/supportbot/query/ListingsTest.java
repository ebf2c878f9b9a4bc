package io.kommander.supportbot.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.kommander.supportbot.policy.Product;
import io.kommander.supportbot.policy.Query;
import io.kommander.supportbot.policy.Question;
import io.kommander.supportbot.policy.Question.AboutLine;
import io.kommander.supportbot.policy.Version;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 35's listings: the platform's version from its own chart, app or image row, every other
 * row's versions never read as ours (cert-manager v1.17.2 was "Kommander 1.17.2: unknown", traefik
 * v2.11.0 "Kommander 2.11.0: never released", kube-prometheus-stack "Kommander 65.1.1", loki "an
 * upgrade from Kommander 6.6.4"), and a timestamp inside a listing is never the day asked about.
 */
class ListingsTest {
  static final QueryParser PARSER = new QueryParser();

  static final AboutLine NKP_2_16_1 =
      new AboutLine(Product.KOMMANDER, Version.parse("2.16.1"), false, Optional.empty());

  @Test
  void helmListReadsTheKommanderChartOnly() {
    Query q =
        PARSER.parse(
            "helm list -A\n"
                + "NAME        \tNAMESPACE   \tREVISION\tUPDATED                                \tSTATUS  \tCHART                \tAPP VERSION\n"
                + "cert-manager\tcert-manager\t2       \t2025-11-20 10:03:55.664219877 +0000 UTC\tdeployed\tcert-manager-v1.17.2 \tv1.17.2\n"
                + "kommander   \tkommander   \t3       \t2025-11-20 15:48:20.911063217 +0000 UTC\tdeployed\tkommander-v2.16.1    \tv2.16.1\n"
                + "traefik     \tkommander   \t3       \t2025-11-20 15:48:20.911063217 +0000 UTC\tdeployed\ttraefik-v2.11.0      \tv2.11.0\n"
                + "orders-api  \tpayments    \t41      \t2025-11-20 15:48:20.911063217 +0000 UTC\tdeployed\torders-api-2.17.4    \t2.17.4\n");
    assertThat(q.questions()).containsExactly(NKP_2_16_1);
    assertThat(q.asOf()).as("helm's UPDATED column is not the day asked about").isEmpty();
    assertThat(q.notes()).anyMatch(n -> n.contains("orders-api"));
  }

  @Test
  void fluxHelmReleasesAndKommanderAppsReadThePlatformRowOnly() {
    Query flux =
        PARSER.parse(
            "kubectl get helmreleases -A\n"
                + "NAMESPACE   NAME                    AGE   READY   STATUS\n"
                + "kommander   kube-prometheus-stack   3d2h  True    Helm upgrade succeeded for release kommander/kube-prometheus-stack.v4 with chart kube-prometheus-stack@65.1.1\n"
                + "kommander   kommander               3d2h  True    Helm upgrade succeeded for release kommander/kommander.v5 with chart kommander@v2.16.1\n");
    assertThat(flux.questions()).containsExactly(NKP_2_16_1);
    Query apps =
        PARSER.parse(
            "kubectl get apps -A\n"
                + "NAMESPACE   NAME                 APP-ID           VERSION\n"
                + "kommander   grafana-loki-6.6.4   grafana-loki     6.6.4\n"
                + "kommander   kommander-0.16.1     kommander        0.16.1\n"
                + "upgrade from here?");
    assertThat(apps.questions()).noneMatch(ListingsTest::namesAVersionOfTheirs);
  }

  @Test
  void thePlatformImageTagNamesTheVersionAndOtherImagesAreTheirs() {
    Query q =
        PARSER.parse(
            "docker.io/mesosphere/kommander2-appmanagement:v2.16.1\n"
                + "docker.io/library/traefik:v3.3.6\n"
                + "mesosphere/kommander2-core-installer:v2.18.0-rc.3");
    assertThat(q.questions())
        .contains(NKP_2_16_1)
        .contains(
            new Question.AboutPrerelease(Product.KOMMANDER, Version.parse("2.18.0"), "2.18.0-rc.3"))
        .noneMatch(ListingsTest::namesAVersionOfTheirs);
  }

  private static boolean namesAVersionOfTheirs(Question q) {
    String s = q.toString();
    return s.contains("6.6") || s.contains("0.16") || s.contains("3.3.6") || s.contains("65.1");
  }
}
