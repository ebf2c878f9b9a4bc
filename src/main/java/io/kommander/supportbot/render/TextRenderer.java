package io.kommander.supportbot.render;

import io.kommander.supportbot.policy.Answer;
import io.kommander.supportbot.policy.Answer.BpsAnswer;
import io.kommander.supportbot.policy.Answer.CompatibilityAnswer;
import io.kommander.supportbot.policy.Answer.ExperimentalAnswer;
import io.kommander.supportbot.policy.Answer.KubernetesAnswer;
import io.kommander.supportbot.policy.Answer.KubernetesFitAnswer;
import io.kommander.supportbot.policy.Answer.LineAnswer;
import io.kommander.supportbot.policy.Answer.MatrixAnswer;
import io.kommander.supportbot.policy.Answer.SecondaryAnswer;
import io.kommander.supportbot.policy.Answer.UpcomingAnswer;
import io.kommander.supportbot.policy.Answer.UpgradePathAnswer;
import io.kommander.supportbot.policy.ExperimentalTerms;
import io.kommander.supportbot.policy.NearMissAnswer;
import io.kommander.supportbot.policy.NotOursAnswer;
import io.kommander.supportbot.policy.PlatformAppsAnswer;
import io.kommander.supportbot.policy.PrereleaseAnswer;
import io.kommander.supportbot.policy.Reply;
import io.kommander.supportbot.policy.SecondarySupport;
import io.kommander.supportbot.policy.UpgradeOrderAnswer;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a reply as plain text: the CLI's output and the {@code text} fallback of Slack messages
 * (notifications and screen readers show only this).
 */
public final class TextRenderer {

  public String render(Reply reply) {
    int window = reply.settings().window();
    List<String> out = new ArrayList<>();
    reply.stale().ifPresent(f -> out.add(CatalogPhrases.stale(f)));
    ReplyPhrases.summary(reply.answers()).ifPresent(out::add);
    boolean compact = ClusterPhrases.compact(reply);
    boolean inList = false;
    for (Answer answer : reply.answers()) {
      if (compact && answer instanceof LineAnswer a) {
        // One cluster a line, in the order asked, under one blank line.
        if (!inList && !out.isEmpty()) {
          out.add("");
        }
        out.add(ClusterPhrases.headline(a));
        out.add("  " + ClusterPhrases.details(a, window));
        inList = true;
        continue;
      }
      if (!out.isEmpty()) {
        out.add("");
      }
      inList = false;
      out.addAll(render(answer, reply, window));
    }
    if (compact && !ClusterPhrases.caveats(reply).isEmpty()) {
      out.add("");
      out.addAll(ClusterPhrases.caveats(reply));
    }
    reply.notes().forEach(n -> out.add("Note: " + n));
    out.add("");
    out.add(footer(reply));
    return String.join("\n", out);
  }

  /** One answer's lines as {@link #render} writes them: its headline, then indented facts. */
  public List<String> lines(Answer answer, Reply reply) {
    return render(answer, reply, reply.settings().window());
  }

  /** The policy and terms line closing every reply. */
  public static String footer(Reply reply) {
    return ReplyPhrases.policyLine(reply) + " Terms: " + ReplyPhrases.termsUrl(reply);
  }

  private List<String> render(Answer answer, Reply reply, int window) {
    // One method per kind of answer: a kind this renderer forgets does not compile.
    List<String> out =
        new ArrayList<>(
            answer.accept(
                new Answer.Visitor<List<String>>() {
                  @Override
                  public List<String> line(LineAnswer a) {
                    List<String> out = new ArrayList<>();
                    out.add(
                        Phrases.subject(a)
                            + ": "
                            + Phrases.status(a.support())
                            + (reply.asOfGiven() ? " " + ReplyPhrases.when(reply) : ""));
                    Phrases.naming(a).ifPresent(n -> out.add("  " + n));
                    out.add("  " + Phrases.untilWhen(a, window));
                    // As the Block Kit reply's Kubernetes field: "which Kubernetes does it run".
                    a.line()
                        .filter(l -> l.kube().isPresent())
                        .ifPresent(l -> out.add("  Deploys " + TopicPhrases.kubernetesOf(l) + "."));
                    UpgradePhrases.upgrade(a).forEach(u -> out.add("  " + u));
                    return out;
                  }

                  @Override
                  public List<String> compatibility(CompatibilityAnswer c) {
                    List<String> out = new ArrayList<>();
                    List<String> lines = TopicPhrases.compatibility(c, window);
                    out.add(
                        lines.get(0)
                            + (reply.asOfGiven() ? " (" + ReplyPhrases.when(reply) + ")" : ""));
                    lines.subList(1, lines.size()).forEach(l -> out.add("  " + l));
                    return out;
                  }

                  @Override
                  public List<String> matrix(MatrixAnswer m) {
                    List<String> out = new ArrayList<>();
                    out.add(
                        "Support matrix "
                            + ReplyPhrases.when(reply)
                            + ": "
                            + ReplyPhrases.policyName(window)
                            + ", the newest "
                            + window
                            + " lines are supported.");
                    for (LineAnswer a : m.lines()) {
                      String patch =
                          a.upgrade()
                              .linePatch()
                              .map(p -> ", latest patch " + p.version())
                              .orElse("");
                      out.add(
                          "  "
                              + a.line().orElseThrow().label()
                              + ": "
                              + Phrases.status(a.support())
                              + patch
                              + ". "
                              + Phrases.untilWhen(a, window));
                    }
                    return out;
                  }

                  @Override
                  public List<String> kubernetes(KubernetesAnswer k) {
                    return indented(TopicPhrases.kubernetes(k));
                  }

                  @Override
                  public List<String> kubernetesFit(KubernetesFitAnswer f) {
                    return indented(TopicPhrases.kubernetesFit(f, window));
                  }

                  @Override
                  public List<String> upcoming(UpcomingAnswer u) {
                    return indented(TopicPhrases.upcoming(u));
                  }

                  @Override
                  public List<String> upgradePath(UpgradePathAnswer p) {
                    return indented(UpgradePhrases.upgradePath(p, window));
                  }

                  @Override
                  public List<String> bps(BpsAnswer b) {
                    return indented(TopicPhrases.bps(b.tag(), b.kubernetes()));
                  }

                  @Override
                  public List<String> experimental(ExperimentalAnswer e) {
                    List<String> out = new ArrayList<>();
                    out.addAll(TextRenderer.experimental(e.terms()));
                    return out;
                  }

                  @Override
                  public List<String> secondary(SecondaryAnswer s) {
                    List<String> out = new ArrayList<>();
                    out.addAll(TextRenderer.secondary(s.table()));
                    return out;
                  }

                  @Override
                  public List<String> notOurs(NotOursAnswer a) {
                    return List.of(ScopePhrases.notOurs(a));
                  }

                  @Override
                  public List<String> platformApps(PlatformAppsAnswer a) {
                    return indented(ScopePhrases.platformApps(a));
                  }

                  @Override
                  public List<String> prerelease(PrereleaseAnswer a) {
                    List<String> out = new ArrayList<>(List.of(ScopePhrases.prerelease(a)));
                    out.addAll(render(a.line(), reply, window));
                    return out;
                  }

                  @Override
                  public List<String> nearMiss(NearMissAnswer a) {
                    List<String> out = new ArrayList<>(List.of(ScopePhrases.nearMiss(a)));
                    out.addAll(render(a.line(), reply, window));
                    return out;
                  }

                  @Override
                  public List<String> upgradeOrder(UpgradeOrderAnswer a) {
                    return indented(ScopePhrases.upgradeOrder(a));
                  }

                  @Override
                  public List<String> help(Answer.HelpAnswer h) {
                    List<String> out = new ArrayList<>();
                    out.add(ReplyPhrases.HELP + " Examples:");
                    ReplyPhrases.EXAMPLES.forEach(
                        x -> out.add("  " + x.ask() + "  (" + x.answers() + ")"));
                    return out;
                  }
                }));
    if (Caveats.derived(answer)) {
      out.add("  " + ReplyPhrases.DERIVED);
    }
    if (Caveats.approximate(answer)) {
      out.add("  " + CatalogPhrases.APPROXIMATE);
    }
    return out;
  }

  /** The first line as is, the rest indented under it. */
  private static List<String> indented(List<String> lines) {
    List<String> out = new ArrayList<>(List.of(lines.get(0)));
    lines.subList(1, lines.size()).forEach(l -> out.add("  " + l));
    return out;
  }

  public static List<String> experimental(ExperimentalTerms t) {
    List<String> out = new ArrayList<>();
    out.add(ReplyPhrases.experimentalHeadline(t));
    out.add("  " + t.summary());
    out.add("  Offered:");
    t.services().forEach(s -> out.add("  - " + s));
    if (t.note() != null) {
      out.add("  " + t.note());
    }
    return out;
  }

  public static List<String> secondary(SecondarySupport table) {
    List<String> out = new ArrayList<>();
    out.add("Secondary support: " + table.appliesTo());
    for (SecondarySupport.Type type : table.types()) {
      out.add("  " + type.type() + ": " + type.support() + ".");
      type.scope().forEach(s -> out.add("    - " + s));
    }
    return out;
  }
}
