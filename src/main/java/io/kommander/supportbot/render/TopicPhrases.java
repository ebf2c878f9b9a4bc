package io.kommander.supportbot.render;

import io.kommander.supportbot.policy.Answer.CompatibilityAnswer;
import io.kommander.supportbot.policy.Answer.KubernetesAnswer;
import io.kommander.supportbot.policy.Answer.KubernetesFitAnswer;
import io.kommander.supportbot.policy.Answer.LineAnswer;
import io.kommander.supportbot.policy.Answer.UpcomingAnswer;
import io.kommander.supportbot.policy.BpsTag;
import io.kommander.supportbot.policy.LatestPatches;
import io.kommander.supportbot.policy.ReleaseLine;
import io.kommander.supportbot.policy.Support;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The words for the answers beyond one line: pairings, Kubernetes, what is coming, BPS tags. */
public final class TopicPhrases {
  private TopicPhrases() {}

  /** " (NKP 2.15)" for a platform line, whose pair of products has one name; else nothing. */
  private static String platformName(Optional<ReleaseLine> line) {
    return line.filter(l -> l.product().platform()).map(l -> " (" + l.label() + ")").orElse("");
  }

  /** "Kommander 1.2 on Konvoy 1.7": the pairing asked about. */
  public static String pair(CompatibilityAnswer c) {
    return "Kommander " + c.kommander() + " on Konvoy " + c.konvoy();
  }

  /** The verdict of a compatibility question, in one sentence, then details. */
  public static List<String> compatibility(CompatibilityAnswer c, int window) {
    String pair = pair(c);
    List<String> out = new ArrayList<>();
    switch (c.verdict()) {
      case SUPPORTED -> {
        out.add("Yes: " + pair + " is a supported pairing" + platformName(c.kommanderLine()) + ".");
        out.add(Phrases.untilWhen(c.pairStatus().orElseThrow(), window));
      }
      case PAIRED_NOT_SUPPORTED -> {
        LineAnswer s = c.pairStatus().orElseThrow();
        out.add(
            "No: Kommander "
                + c.kommander().line()
                + " and Konvoy "
                + c.konvoy().line()
                + " pair"
                + platformName(s.line())
                + ", but the line is "
                + Phrases.status(s.support())
                + ".");
        out.add(Phrases.untilWhen(s, window));
      }
      case MIXED_MINORS -> {
        out.add("No: " + pair + " is not supported: mixing minor versions is prohibited.");
        c.kommanderLine()
            .ifPresent(
                l ->
                    out.add(
                        "Kommander " + l.kommander() + " pairs with Konvoy " + l.konvoy() + "."));
        c.konvoyLine()
            .ifPresent(
                l ->
                    out.add(
                        "Konvoy " + l.konvoy() + " pairs with Kommander " + l.kommander() + "."));
      }
      case UNKNOWN ->
          out.add(
              "I don't know either version: neither Kommander "
                  + c.kommander().line()
                  + " nor Konvoy "
                  + c.konvoy().line()
                  + " is in the release catalog.");
    }
    return out;
  }

  /** "Kubernetes 1.27 is deployed by DKP 2.7 (expired)." and what the supported lines deploy. */
  public static List<String> kubernetes(KubernetesAnswer k) {
    List<String> out = new ArrayList<>();
    String name = "Kubernetes " + k.kubernetes();
    if (k.running().isEmpty()) {
      out.add(name + ": no line in my catalog deploys it.");
    } else {
      out.add(
          name
              + " is deployed by "
              + k.running().stream()
                  .map(
                      l ->
                          l.line().orElseThrow().label() + " (" + Phrases.status(l.support()) + ")")
                  .collect(Collectors.joining(", "))
              + ".");
    }
    if (k.supportedRunning().isPresent()) {
      out.add("Supported: " + k.supportedRunning().get().line().orElseThrow().label() + ".");
    } else if (!k.supported().isEmpty()) {
      // A line in doubt deploys it: say so, instead of a bare "no supported line" after it.
      out.add(
          k.running().stream()
              .filter(l -> l.support() instanceof Support.InDoubt)
              .findFirst()
              .map(
                  l ->
                      "No line surely supported deploys "
                          + name
                          + ": "
                          + l.line().orElseThrow().label()
                          + " is supported only if "
                          + ((Support.InDoubt) l.support()).ending().by().release()
                          + " has not shipped.")
              .orElse("No supported line deploys " + name + "."));
    }
    if (!k.supported().isEmpty()) {
      out.add(
          "Supported lines deploy "
              + k.supported().stream()
                  .map(l -> l.line().orElseThrow())
                  .map(l -> l.label() + ": " + kubernetesOf(l))
                  .collect(Collectors.joining("; "))
              + ".");
      LineAnswer newest = k.supported().get(0);
      if (k.supportedRunning().isEmpty() && !k.running().isEmpty()) {
        out.add(
            "Upgrade to a supported line, the newest being "
                + UpgradePhrases.newest(
                    newest.line().orElseThrow(),
                    LatestPatches.of(newest.line().orElseThrow(), newest.asOf()),
                    newest.product())
                + ".");
      }
    }
    return out;
  }

  /** "Kubernetes 1.21 to 1.23 (ships 1.23, default 1.23.7)", or "Kubernetes 1.32". */
  public static String kubernetesOf(ReleaseLine line) {
    return line.kube()
        .map(
            k ->
                "Kubernetes "
                    + (k.isRange() ? k.min() + " to " + k.max() : k.minor().toString())
                    + k.defaultVersion().map(d -> " (default " + d + ")").orElse(""))
        .orElse("Kubernetes not in my catalog");
  }

  /** Can this line run that Kubernetes: the verdict first, then where that Kubernetes runs. */
  public static List<String> kubernetesFit(KubernetesFitAnswer f, int window) {
    List<String> out = new ArrayList<>();
    LineAnswer a = f.line();
    String subject = Phrases.subject(a);
    String k = "Kubernetes " + f.kubernetes();
    if (f.fits().isEmpty()) {
      out.add(
          a.line().isPresent()
              ? "I don't know which Kubernetes " + subject + " deploys: my catalog has none for it."
              : "I don't know " + subject + ": " + Phrases.untilWhen(a, window));
    } else if (f.fits().get()) {
      out.add(
          (a.support().isSupported() ? "Yes: " : "It runs, but the line is not supported: ")
              + subject
              + " deploys "
              + kubernetesOf(a.line().orElseThrow())
              + ".");
    } else {
      out.add(
          "No: "
              + subject
              + " deploys "
              + kubernetesOf(a.line().orElseThrow())
              + ", not "
              + f.kubernetes()
              + ".");
    }
    if (a.line().isPresent()) {
      out.add(subject + " is " + Phrases.status(a.support()) + ". " + Phrases.untilWhen(a, window));
    }
    if (!f.fits().orElse(false)) {
      out.addAll(kubernetes(f.alternatives()));
    }
    return out;
  }

  /** What ships and what loses support in a window of days, soonest first. */
  public static List<String> upcoming(UpcomingAnswer u) {
    List<String> out = new ArrayList<>();
    long days = java.time.temporal.ChronoUnit.DAYS.between(u.from(), u.to());
    if (u.isEmpty()) {
      out.add(
          "Nothing in my catalog ships or loses support in the next "
              + days
              + " days (to "
              + u.to()
              + ")."
              + u.next()
                  .map(
                      n ->
                          " The next change I know of: "
                              + n.label()
                              + (n.isPlanned() ? " is planned for " : " ships on ")
                              + n.shipDate().orElseThrow()
                              + ".")
                  .orElse(" No later release is dated either."));
      return out;
    }
    out.add("In the next " + days + " days (to " + u.to() + "):");
    for (ReleaseLine r : u.releases()) {
      LocalDate d = r.shipDate().orElseThrow();
      String ends =
          u.endings().stream()
              .filter(e -> e.ending().by().equals(r))
              .map(e -> "; support for " + e.line().label() + " ends")
              .findFirst()
              .orElse("");
      out.add(
          "• "
              + d
              + ": "
              + r.label()
              + (r.isPlanned() ? " is planned to ship" : " ships")
              + ends
              + ".");
    }
    return out;
  }

  /** What a Base Platform Services tag means, then its Kubernetes version's lines. */
  public static List<String> bps(BpsTag tag, KubernetesAnswer k) {
    List<String> out = new ArrayList<>();
    out.add(
        "Base Platform Services "
            + tag
            + ": release channel "
            + tag.channel()
            + ", Kubernetes "
            + tag.kubernetes()
            + ", BPS version "
            + tag.bps()
            + ".");
    out.add(
        "It deploys on any Kubernetes "
            + tag.kubernetes()
            + " cluster, and its support follows that Kubernetes version's:");
    out.addAll(kubernetes(k));
    return out;
  }
}
