package io.kommander.supportbot.corpus;

import io.kommander.supportbot.policy.Answer;
import io.kommander.supportbot.policy.Answer.LineAnswer;
import io.kommander.supportbot.policy.NearMissAnswer;
import io.kommander.supportbot.policy.NotOursAnswer;
import io.kommander.supportbot.policy.PlatformAppsAnswer;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.policy.PrereleaseAnswer;
import io.kommander.supportbot.policy.Product;
import io.kommander.supportbot.policy.ReleaseLine;
import io.kommander.supportbot.policy.Reply;
import io.kommander.supportbot.policy.UpgradeOrderAnswer;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** What a reply read, in the corpus's terms: lines with states, versions asked, the intent. */
final class ReplyReading {
  private final PolicyService policy;
  private final LocalDate asOf;
  private final Set<String> lines = new LinkedHashSet<>();
  private final Set<String> versions = new LinkedHashSet<>();

  private ReplyReading(PolicyService policy, LocalDate asOf) {
    this.policy = policy;
    this.asOf = asOf;
  }

  static Checks.Read of(Reply reply, PolicyService policy) {
    ReplyReading r = new ReplyReading(policy, reply.asOf());
    for (Answer a : reply.answers()) {
      a.accept(r.new Walk());
    }
    return new Checks.Read(r.lines, r.versions, reply.intent().label());
  }

  private void line(LineAnswer a, boolean asked) {
    String state = Checks.state(a.support());
    if (asked) {
      versions.add(a.asked().toString());
    }
    a.line()
        .ifPresentOrElse(
            l -> Checks.names(l, a.product()).forEach(n -> lines.add(n + " " + state)),
            () ->
                lines.add(
                    a.product().name().toLowerCase(Locale.ROOT)
                        + " "
                        + a.asked().line()
                        + " "
                        + state));
  }

  private void catalogLine(ReleaseLine l, Product asked) {
    String state = Checks.state(policy.policy().support(l, asOf));
    Checks.names(l, asked).forEach(n -> lines.add(n + " " + state));
  }

  /** Records what each answer read, and names its intent. */
  private final class Walk implements Answer.Visitor<String> {
    @Override
    public String line(LineAnswer a) {
      ReplyReading.this.line(a, true);
      return "status";
    }

    @Override
    public String compatibility(Answer.CompatibilityAnswer a) {
      versions.add(a.kommander().toString());
      versions.add(a.konvoy().toString());
      a.kommanderLine().ifPresent(l -> catalogLine(l, Product.KOMMANDER));
      a.konvoyLine().ifPresent(l -> catalogLine(l, Product.KONVOY));
      return "pairing";
    }

    @Override
    public String matrix(Answer.MatrixAnswer a) {
      a.lines().forEach(l -> ReplyReading.this.line(l, false));
      return "matrix";
    }

    @Override
    public String kubernetes(Answer.KubernetesAnswer a) {
      a.running().forEach(l -> ReplyReading.this.line(l, false));
      return "kubernetes";
    }

    @Override
    public String kubernetesFit(Answer.KubernetesFitAnswer a) {
      ReplyReading.this.line(a.line(), true);
      kubernetes(a.alternatives());
      return "kubernetes";
    }

    @Override
    public String bps(Answer.BpsAnswer a) {
      kubernetes(a.kubernetes());
      return "kubernetes";
    }

    @Override
    public String upgradePath(Answer.UpgradePathAnswer a) {
      ReplyReading.this.line(a.from(), true);
      a.to().ifPresent(t -> ReplyReading.this.line(t, true));
      a.steps().forEach(s -> ReplyReading.this.line(s.landing(), false));
      return a.direct() ? "direct-upgrade" : "upgrade-path";
    }

    @Override
    public String upcoming(Answer.UpcomingAnswer a) {
      a.releases().forEach(l -> catalogLine(l, l.product()));
      a.endings().forEach(e -> catalogLine(e.line(), e.line().product()));
      return "upcoming";
    }

    @Override
    public String experimental(Answer.ExperimentalAnswer a) {
      return "experimental";
    }

    @Override
    public String secondary(Answer.SecondaryAnswer a) {
      return "secondary";
    }

    @Override
    public String help(Answer.HelpAnswer a) {
      return "help";
    }

    @Override
    public String notOurs(NotOursAnswer a) {
      return "other-product";
    }

    @Override
    public String platformApps(PlatformAppsAnswer a) {
      a.line().ifPresent(l -> ReplyReading.this.line(l, true));
      return "secondary";
    }

    @Override
    public String prerelease(PrereleaseAnswer a) {
      versions.add(a.build());
      ReplyReading.this.line(a.line(), false);
      a.line()
          .line()
          .ifPresent(
              l ->
                  lines.add(
                      a.line().product().name().toLowerCase(Locale.ROOT)
                          + " "
                          + l.kommander()
                          + " pre-release"));
      a.line()
          .line()
          .ifPresent(
              l ->
                  lines.add(
                      l.product().name().toLowerCase(Locale.ROOT)
                          + " "
                          + l.kommander()
                          + " pre-release"));
      return "prerelease";
    }

    @Override
    public String upgradeOrder(UpgradeOrderAnswer a) {
      a.order().forEach(l -> ReplyReading.this.line(l, true));
      return "upgrade-order";
    }

    @Override
    public String nearMiss(NearMissAnswer a) {
      ReplyReading.this.line(a.line(), true);
      return "near-miss";
    }
  }
}
