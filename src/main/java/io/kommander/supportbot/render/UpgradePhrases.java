package io.kommander.supportbot.render;

import io.kommander.supportbot.policy.Answer.LineAnswer;
import io.kommander.supportbot.policy.Answer.UpgradePathAnswer;
import io.kommander.supportbot.policy.Answer.UpgradePathAnswer.Step;
import io.kommander.supportbot.policy.LatestPatches;
import io.kommander.supportbot.policy.Minor;
import io.kommander.supportbot.policy.Patch;
import io.kommander.supportbot.policy.PatchCheck;
import io.kommander.supportbot.policy.Product;
import io.kommander.supportbot.policy.ReleaseLine;
import io.kommander.supportbot.policy.Upgrade;
import io.kommander.supportbot.policy.UpgradeHop;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The words for what to do next: the latest patch, the next line, the hops of an upgrade path. */
public final class UpgradePhrases {
  private UpgradePhrases() {}

  /** Upgrade advice: the line's latest patch, and the newest line when the asked one is older. */
  public static List<String> upgrade(LineAnswer a) {
    List<String> out = new ArrayList<>(patchAdvice(a));
    a.upgrade().newestLine().ifPresent(n -> out.add(towardsNewest(a, n)));
    return out;
  }

  /**
   * The one thing to do next, for a compact answer: move off a line that is not supported, else
   * what the patch advice says.
   */
  public static Optional<String> nextStep(LineAnswer a) {
    Optional<String> newest = a.upgrade().newestLine().map(n -> towardsNewest(a, n));
    if (!a.support().isSupported() && newest.isPresent()) {
      return newest;
    }
    return patchAdvice(a).stream().findFirst().or(() -> newest);
  }

  /** How the asked patch stands within its line: behind, latest, not out yet, or unknown. */
  private static List<String> patchAdvice(LineAnswer a) {
    List<String> out = new ArrayList<>();
    Upgrade u = a.upgrade();
    String asked = a.asked().toString();
    Optional<String> latest = u.linePatch().map(p -> p.version().toString());
    switch (u.patchCheck()) {
      case LATEST -> out.add(asked + " is the latest patch of its line.");
      case BEHIND ->
          out.add(
              "Upgrade "
                  + asked
                  + " to "
                  + latest.orElseThrow()
                  + ", the latest patch of the line: features and fixes arrive in patches.");
      case NOT_OUT_YET ->
          out.add(
              asked + " was not out yet on that day (latest then: " + latest.orElseThrow() + ").");
      case NEWER_THAN_KNOWN ->
          out.add(
              asked
                  + " is newer than any patch I know (latest known: "
                  + latest.orElseThrow()
                  + "); check the version.");
      case LATEST_UNKNOWN, NOT_ASKED ->
          u.linePatch().ifPresent(p -> out.add("Latest patch: " + patch(p) + "."));
    }
    return out;
  }

  /** The newest line, and the next hop towards it when it is more than one minor away. */
  private static String towardsNewest(LineAnswer a, ReleaseLine n) {
    Upgrade u = a.upgrade();
    String newest = newest(n, u.newestPatches(), a.product());
    boolean supported = a.support().isSupported();
    if (u.hopsToNewest() < 2 || u.nextHop().isEmpty()) {
      return (supported ? "Newest line: " : "Upgrade to the newest line: ") + newest + ".";
    }
    ReleaseLine next = u.nextHop().get();
    boolean adopt = u.firstHop().filter(h -> h.kind() == UpgradeHop.Kind.ADOPT).isPresent();
    return (supported ? "Newest line: " + newest + "; to get there, upgrade" : "Upgrade")
        + " to "
        + newest(next, LatestPatches.of(next, a.asOf()), a.product())
        + (adopt ? " next, by adoption (" + u.firstHop().get().note() + ")," : " next,")
        + " then one minor at a time to "
        + (supported ? n.label() : newest)
        + " ("
        + u.hopsToNewest()
        + " hops; ask `upgrade path from "
        + a.asked().line()
        + "` for each).";
  }

  /** An upgrade path, hop by hop: where each lands, its latest patch and status, and why. */
  public static List<String> upgradePath(UpgradePathAnswer p, int window) {
    List<String> out = new ArrayList<>();
    LineAnswer from = p.from();
    String start = Phrases.subject(from);
    String goal = p.to().map(Phrases::subject).orElse("the newest line");
    switch (p.outcome()) {
      case UNKNOWN_FROM ->
          out.add("I can't plan an upgrade from " + start + ": " + Phrases.untilWhen(from, window));
      case UNKNOWN_TO, NOT_RELEASED ->
          out.add(
              "I can't plan an upgrade to "
                  + goal
                  + ": "
                  + p.to()
                      .map(t -> Phrases.untilWhen(t, window))
                      .orElse("no line had shipped yet."));
      case NOT_NEWER ->
          out.add(goal + " is older than " + start + ": downgrades are not supported.");
      case ALREADY_THERE -> {
        out.add("You are on the " + from.line().orElseThrow().label() + " line already.");
        out.addAll(patchAdvice(from));
      }
      case NO_PATH ->
          out.add("My catalog knows no chain of upgrades from " + start + " to " + goal + ".");
      case PATH, DIRECT_ALLOWED, DIRECT_REFUSED -> out.addAll(hops(p));
    }
    return out;
  }

  private static List<String> hops(UpgradePathAnswer p) {
    List<String> out = new ArrayList<>();
    LineAnswer from = p.from();
    List<Step> steps = p.steps();
    LineAnswer last = steps.get(steps.size() - 1).landing();
    String target = last.line().orElseThrow().label();
    String count = steps.size() + (steps.size() == 1 ? " hop" : " hops");
    out.add(
        switch (p.outcome()) {
          case DIRECT_ALLOWED ->
              "Yes: " + Phrases.subject(from) + " upgrades straight to " + target + ", in one hop.";
          case DIRECT_REFUSED ->
              "No: "
                  + Phrases.subject(from)
                  + " does not upgrade straight to "
                  + target
                  + ": upgrades go one minor at a time. The path that works, "
                  + count
                  + ":";
          default ->
              "Upgrade path from "
                  + Phrases.subject(from)
                  + " to "
                  + target
                  + ": "
                  + count
                  + ", one minor at a time, each to the line's latest patch.";
        });
    UpgradeHop first = steps.get(0).hop();
    Optional<Patch> fromPatch = from.upgrade().linePatch();
    if (first.minPatch() != null) {
      out.add(
          "First: "
              + Phrases.subject(from)
              + " to at least "
              + first.minPatch()
              + fromPatch.map(x -> " (latest: " + x.version() + ")").orElse("")
              + ".");
    } else if (from.upgrade().patchCheck() == PatchCheck.BEHIND) {
      // The hop does not ask for it: a recommendation, never a contradiction of "straight there".
      out.add(
          "Optionally first: "
              + from.asked()
              + " to "
              + fromPatch.orElseThrow().version()
              + ", the latest patch of its line; the hop does not require it.");
    }
    int back = p.backInSupport();
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      LineAnswer landing = s.landing();
      ReleaseLine line = landing.line().orElseThrow();
      out.add(
          (i + 1)
              + ". "
              + newest(line, LatestPatches.of(line, landing.asOf()), from.product())
              + switch (s.hop().kind()) {
                case ADOPT -> ", by adoption";
                case RENAME -> ", the rename";
                case UPGRADE -> "";
              }
              + " ("
              + Phrases.status(landing.support())
              + (s.hop().inferred() ? "; inferred hop" : "")
              + ")"
              + (i == back ? ": back in support from here" : "")
              + ".");
      if (s.hop().note() != null) {
        out.add("   " + s.hop().note());
      }
    }
    if (p.anyInferred()) {
      out.add(
          "Inferred hops follow the one-minor-at-a-time pattern the sources show elsewhere; no"
              + " source states them.");
    }
    return out;
  }

  /** "NKP 2.17.1", or "Kommander 2.1.5 on Konvoy 2.1.5" in the paired era. */
  public static String newest(ReleaseLine n, LatestPatches patches, Product asked) {
    if (n.product().platform()) {
      return n.product().displayName() + " " + patchOrLine(patches.kommander(), n.kommander());
    }
    String k = patchOrLine(patches.kommander(), n.kommander());
    String v = patchOrLine(patches.konvoy(), n.konvoy());
    return asked == Product.KONVOY
        ? "Konvoy " + v + " with Kommander " + k
        : "Kommander " + k + " on Konvoy " + v;
  }

  private static String patchOrLine(Optional<Patch> patch, Minor line) {
    return patch.map(p -> p.version().toString()).orElse(line + ".x");
  }

  private static String patch(Patch p) {
    return p.version() + (p.date() == null ? "" : " (" + p.date() + ")");
  }
}
