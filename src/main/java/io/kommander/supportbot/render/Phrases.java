package io.kommander.supportbot.render;

import io.kommander.supportbot.policy.Answer.CompatibilityAnswer;
import io.kommander.supportbot.policy.Answer.KubernetesAnswer;
import io.kommander.supportbot.policy.Answer.KubernetesFitAnswer;
import io.kommander.supportbot.policy.Answer.LineAnswer;
import io.kommander.supportbot.policy.Answer.UpcomingAnswer;
import io.kommander.supportbot.policy.Answer.UpgradePathAnswer;
import io.kommander.supportbot.policy.Answer.UpgradePathAnswer.Step;
import io.kommander.supportbot.policy.BpsTag;
import io.kommander.supportbot.policy.Ending;
import io.kommander.supportbot.policy.Era;
import io.kommander.supportbot.policy.ExperimentalTerms;
import io.kommander.supportbot.policy.Freshness;
import io.kommander.supportbot.policy.LatestPatches;
import io.kommander.supportbot.policy.Minor;
import io.kommander.supportbot.policy.Patch;
import io.kommander.supportbot.policy.PatchCheck;
import io.kommander.supportbot.policy.Product;
import io.kommander.supportbot.policy.ReleaseLine;
import io.kommander.supportbot.policy.ReleaseStatus;
import io.kommander.supportbot.policy.Reply;
import io.kommander.supportbot.policy.Support;
import io.kommander.supportbot.policy.Upgrade;
import io.kommander.supportbot.policy.UpgradeHop;
import io.kommander.supportbot.policy.Upstream;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The sentences every renderer uses, so the CLI, Slack and the API word an answer the same way.
 * Plain text: no markup, so each renderer may wrap them as it likes.
 */
public final class Phrases {
  public static final String DERIVED =
      "End-of-support dates are derived from the N-2 policy and release dates; neither D2iQ nor"
          + " Nutanix publishes them.";

  private static final String[] ORDINALS = {
    "", "next", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"
  };

  private Phrases() {}

  /** How a line stands; decided once, so every channel words (and colours) it alike. */
  public enum Standing {
    SUPPORTED("supported"),
    ENDS_SOON("supported, ends soon"),
    IN_DOUBT("in doubt: may have ended"),
    EXPIRED("expired"),
    UNCONFIRMED("reported, not confirmed"),
    NEVER_RELEASED("never released"),
    NOT_RELEASED("not released yet"),
    UNKNOWN("unknown");

    public final String words;

    Standing(String words) {
      this.words = words;
    }

    public static Standing of(Support support) {
      if (support instanceof Support.Supported s) {
        return s.endsSoon() ? ENDS_SOON : SUPPORTED;
      } else if (support instanceof Support.Expired || support instanceof Support.Predates) {
        return EXPIRED;
      } else if (support instanceof Support.InDoubt) {
        return IN_DOUBT;
      } else if (support instanceof Support.Unconfirmed) {
        return UNCONFIRMED;
      } else if (support instanceof Support.NotYetReleased) {
        return NOT_RELEASED;
      } else if (support instanceof Support.NeverReleased) {
        return NEVER_RELEASED;
      }
      return UNKNOWN;
    }
  }

  /** One word or two for the status, as a person would say it. */
  public static String status(Support support) {
    return Standing.of(support).words;
  }

  /** {@code text} cut to {@code max} characters, the cut marked with an ellipsis. */
  public static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  /** "30 and 7 days" for lead times [30, 7]. */
  public static String days(List<Integer> days) {
    List<String> each = days.stream().map(String::valueOf).toList();
    String joined =
        each.size() < 2
            ? String.join("", each)
            : String.join(", ", each.subList(0, each.size() - 1))
                + " and "
                + each.get(each.size() - 1);
    return joined + (days.size() == 1 && days.get(0) == 1 ? " day" : " days");
  }

  /** "N-2" for a window of 3. */
  public static String policyName(int window) {
    return "N-" + (window - 1);
  }

  /**
   * The version as its users knew it: "NKP 2.15.1", "DKP 2.4", "Kommander 1.4.2 (on Konvoy 1.8)",
   * "Konvoy 1.8 (with Kommander 1.4)"; an unknown version keeps the name it was asked under.
   */
  public static String subject(LineAnswer a) {
    Optional<ReleaseLine> line = a.line();
    if (line.isEmpty()) {
      return (a.named() ? a.product().displayName() : "Version") + " " + a.asked();
    }
    ReleaseLine l = line.get();
    if (l.product().platform()) {
      return l.product().displayName() + " " + a.asked();
    }
    Product side = a.product() == Product.KONVOY ? Product.KONVOY : Product.KOMMANDER;
    return side.displayName()
        + " "
        + a.asked()
        + " ("
        + pairVerb(side)
        + " "
        + l.name(side.other())
        + ")";
  }

  private static String pairVerb(Product asked) {
    return asked == Product.KONVOY ? "with" : "on";
  }

  /**
   * When the version was asked under another name than the one it shipped under, says which:
   * "Kommander 2.15" is NKP 2.15, "DKP 2.1" shipped as Kommander 2.1 and Konvoy 2.1.
   */
  public static Optional<String> naming(LineAnswer a) {
    Era era = a.era();
    Optional<ReleaseLine> line = a.line();
    if (line.isEmpty() || !a.named()) {
      return Optional.empty();
    }
    ReleaseLine l = line.get();
    boolean askedPlatform = a.product().platform();
    if (l.product().platform() && !askedPlatform) {
      return Optional.of(
          a.product().displayName()
              + " "
              + l.kommander()
              + " ships inside "
              + l.label()
              + era.full().map(f -> " (" + f + ")").orElse("")
              + ": from 2.2, Kommander and Konvoy ship as one platform with one version.");
    }
    if (askedPlatform && l.product() != a.product()) {
      return Optional.of(
          a.product().displayName()
              + " "
              + l.kommander()
              + " did not exist under that name: "
              + l.kommander()
              + " shipped as "
              + (l.product().platform()
                  ? l.label() + era.full().map(f -> " (" + f + ")").orElse("")
                  : "Kommander " + l.kommander() + " and Konvoy " + l.konvoy())
              + ".");
    }
    return Optional.empty();
  }

  /** "expired since 2023-04-12", "supported today (2026-11-25)": the status with its day. */
  public static String statusWhen(LineAnswer a, Reply reply) {
    if (a.support() instanceof Support.Expired e && e.ended().when().isPresent()) {
      return status(a.support())
          + (e.ended().uncertain() ? " no later than " : " since ")
          + e.ended().when().get()
          + (reply.asOfGiven() ? " (asked " + when(reply) + ")" : "");
    }
    return status(a.support()) + " " + when(reply);
  }

  /** Until when, or since when, the line is supported; or why the catalog can't say. */
  public static String untilWhen(LineAnswer a, int window) {
    Support support = a.support();
    if (support instanceof Support.Supported s) {
      String until =
          s.ends()
              .map(e -> endsWith(e, a.asOf()))
              .orElseGet(
                  () -> "Supported until the " + undatedEnd(s) + " ships (none announced yet).");
      // A line whose own GA is uncertain says so: a window, or a tag nobody has reviewed.
      return s.line().windowed() || s.line().provisional()
          ? until + " " + capitalize(ga(s.line())) + "."
          : until;
    } else if (support instanceof Support.Expired e) {
      Ending end = e.ended();
      if (end.by().windowed()) {
        return "Support ended no later than "
            + end.date()
            + ", when "
            + end.by().release()
            + " shipped ("
            + ga(end.by())
            + ").";
      }
      return "Support ended "
          + end.when().map(d -> "on " + d + ", when ").orElse("when ")
          + end.by().release()
          + " shipped"
          + (end.when().isPresent() ? "." : " (its date is not in the catalog).");
    } else if (support instanceof Support.InDoubt d) {
      ReleaseLine by = d.ending().by();
      return "Supported only if "
          + by.release()
          + " has not shipped: "
          + ga(by)
          + ". If it has, support ended "
          + (by.windowed() ? "no later than " : "on ")
          + d.ending().date()
          + ". Plan the upgrade now.";
    } else if (support instanceof Support.Unconfirmed u) {
      return capitalize(ga(u.line())) + ". If it has shipped, it is the newest line and supported.";
    } else if (support instanceof Support.Predates p) {
      return "Older than every line in the catalog (oldest: "
          + p.oldest().label()
          + "), so outside the "
          + policyName(window)
          + " window.";
    } else if (support instanceof Support.NotYetReleased n) {
      if (!n.line().isPlanned()) {
        return "Released on " + n.line().released() + ", after the day asked about.";
      }
      return Optional.ofNullable(n.line().planned())
          .map(d -> "Planned for " + d + ".")
          .orElse("Planned, not scheduled yet.");
    } else if (support instanceof Support.NeverReleased n) {
      return n.minor()
          + " was never released. "
          + n.why().note()
          + n.next().map(l -> " The line that came next is " + l.label() + ".").orElse("");
    }
    Support.Unknown u = (Support.Unknown) support;
    return u.newest()
        .map(
            n ->
                "Newer than any line I know (newest: "
                    + n.label()
                    + n.shipDate().map(d -> ", " + d).orElse("")
                    + "). If it has shipped, my catalog needs an update.")
        .orElseGet(
            () ->
                "Not in the release catalog. Known "
                    + a.product().displayName()
                    + " lines: "
                    + u.known().stream()
                        .distinct()
                        .map(Object::toString)
                        .collect(Collectors.joining(", "))
                    + ".");
  }

  /**
   * How sure the line's GA is, in a few words: "GA between 2026-05-19 and 2026-07-14", "reported on
   * 2026-08-26 by one source, not confirmed", "found as tag v2.19.0 upstream on 2026-08-20, not yet
   * reviewed", "released 2025-12-23".
   */
  public static String ga(ReleaseLine line) {
    if (line.isReported()) {
      return line.label()
          + " was reported"
          + Optional.ofNullable(line.released()).map(d -> " to have shipped on " + d).orElse("")
          + " and is not confirmed";
    } else if (line.windowed()) {
      return "GA between " + line.released() + " and " + line.releasedBy();
    } else if (line.provisional()) {
      return "found upstream as a release tag dated "
          + line.released()
          + ", not yet reviewed (provisional)";
    } else if (line.isPlanned()) {
      return Optional.ofNullable(line.planned())
          .map(d -> "planned for " + d)
          .orElse("planned, not scheduled");
    }
    return Optional.ofNullable(line.released()).map(d -> "released " + d).orElse("released");
  }

  /**
   * "third line after NKP 2.18", or counted from the newest known line when it surely shipped:
   * "next line after NKP 2.17". A reported line is not counted on.
   */
  private static String undatedEnd(Support.Supported s) {
    return s.newestKnown().status() == ReleaseStatus.RELEASED
        ? ordinal(s.releasesToGo()) + " line after " + s.newestKnown().label()
        : (s.window() == 1 ? "first" : ordinal(s.window())) + " line after " + s.line().label();
  }

  private static String capitalize(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static String endsWith(Ending e, LocalDate asOf) {
    String by = e.by().release();
    return e.when()
        .map(
            d ->
                d.isAfter(asOf)
                    ? "Supported until "
                        + by
                        + " ships ("
                        + (e.planned() ? "planned for " : "")
                        + d
                        + ")."
                    : "Supported until " + by + " shipped on " + d + ".")
        .orElse("Supported until " + by + " ships (planned, not scheduled yet).");
  }

  /**
   * The end of support in a few words, for a table cell: "2025-12-23 (ended)", "2027-01-15
   * (planned, when NKP 2.18 ships)", "when NKP 2.19 ships (not scheduled)", "not dated yet: when
   * the next line after NKP 2.17 ships".
   */
  public static String endOfSupport(Support support) {
    if (support instanceof Support.Expired e) {
      return e.ended()
          .when()
          .map(d -> (e.ended().uncertain() ? "no later than " : "") + d + " (ended)")
          .orElse("ended");
    } else if (support instanceof Support.InDoubt d) {
      return "may have ended "
          + d.ending().when().map(x -> (d.ending().by().windowed() ? "by " : "on ") + x).orElse("")
          + " ("
          + d.ending().by().label()
          + (d.ending().by().isReported() ? " reported, not confirmed)" : " GA window)");
    } else if (support instanceof Support.Supported s) {
      return s.ends()
          .map(
              e ->
                  e.when()
                      .map(
                          d ->
                              d
                                  + (e.planned() ? " (planned, when " : " (when ")
                                  + e.by().label()
                                  + " ships)")
                      .orElse("when " + e.by().label() + " ships (not scheduled)"))
          .orElseGet(() -> "not dated yet: when the " + undatedEnd(s) + " ships");
    }
    return "—";
  }

  /** Upgrade advice: the line's latest patch, and the newest line when the asked one is older. */
  public static List<String> upgrade(LineAnswer a) {
    List<String> out = new ArrayList<>(patchAdvice(a));
    a.upgrade().newestLine().ifPresent(n -> out.add(towardsNewest(a, n)));
    return out;
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
    return (supported ? "Newest line: " + newest + "; to get there, upgrade" : "Upgrade")
        + " to "
        + newest(next, LatestPatches.of(next, a.asOf()), a.product())
        + " next, then one minor at a time to "
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
    String start = subject(from);
    String goal = p.to().map(Phrases::subject).orElse("the newest line");
    switch (p.outcome()) {
      case UNKNOWN_FROM ->
          out.add("I can't plan an upgrade from " + start + ": " + untilWhen(from, window));
      case UNKNOWN_TO, NOT_RELEASED ->
          out.add(
              "I can't plan an upgrade to "
                  + goal
                  + ": "
                  + p.to().map(t -> untilWhen(t, window)).orElse("no line had shipped yet."));
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
              "Yes: " + subject(from) + " upgrades straight to " + target + ", in one hop.";
          case DIRECT_REFUSED ->
              "No: "
                  + subject(from)
                  + " does not upgrade straight to "
                  + target
                  + ": upgrades go one minor at a time. The path that works, "
                  + count
                  + ":";
          default ->
              "Upgrade path from "
                  + subject(from)
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
              + subject(from)
              + " to at least "
              + first.minPatch()
              + fromPatch.map(x -> " (latest: " + x.version() + ")").orElse("")
              + ".");
    } else if (from.upgrade().patchCheck() == PatchCheck.BEHIND) {
      out.add(
          "First: "
              + from.asked()
              + " to "
              + fromPatch.orElseThrow().version()
              + ", the latest patch of its line.");
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
              + status(landing.support())
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

  /** Said under an answer whose dates come from release tags. */
  public static final String APPROXIMATE =
      "Some dates here come from release tags, so they are approximate: GA was the same day or up"
          + " to a few weeks later.";

  /**
   * One short line on a catalog that may be stale, saying what it would change: "Release data last
   * reviewed 2026-04-30, upstream not checked: if a line newer than NKP 2.17 has shipped, NKP 2.15
   * is no longer supported."
   */
  public static String stale(Freshness f) {
    return "Release data last reviewed "
        + f.review().reviewed()
        + f.upstream()
            .lastCheckedDay()
            .map(d -> ", upstream last checked " + d)
            .orElse(", upstream not checked")
        + ": if a line newer than "
        + f.newest().label()
        + " has shipped, "
        + f.nextToDrop()
            .map(l -> l.label() + " is no longer supported.")
            .orElse("my answers miss it.");
  }

  /**
   * Where the release data stands, for the App Home and the page: "Release data reviewed 2026-11-29
   * (0 days ago); newest known line NKP 2.18, GA between 2026-05-19 and 2026-07-14. Upstream
   * release tags last checked 2026-11-29 23:40 UTC: nothing unreviewed."
   */
  public static String dataAge(Freshness f) {
    Upstream u = f.upstream();
    return "Release data reviewed "
        + f.review().reviewed()
        + " ("
        + f.reviewAgeDays()
        + " days ago); newest known line "
        + f.newest().label()
        + ", "
        + ga(f.newest())
        + ". "
        + u.lastChecked()
            .map(
                at ->
                    "Upstream release tags last checked "
                        + CHECKED.format(at)
                        + ": "
                        + (u.unreviewed() == 0
                            ? "nothing unreviewed."
                            : u.unreviewed()
                                + (u.unreviewed() == 1 ? " release" : " releases")
                                + " found there, not yet reviewed (provisional)."))
            .orElse("Upstream release tags not checked yet.");
  }

  private static final DateTimeFormatter CHECKED =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /** " (NKP 2.15)" for a platform line, whose pair of products has one name; else nothing. */
  private static String platformName(Optional<ReleaseLine> line) {
    return line.filter(l -> l.product().platform()).map(l -> " (" + l.label() + ")").orElse("");
  }

  /** "Kommander 1.2 on Konvoy 1.7": the pairing asked about. */
  public static String pair(CompatibilityAnswer c) {
    return "Kommander " + c.kommander() + " on Konvoy " + c.konvoy();
  }

  /**
   * The headline of an end-of-support announcement: "NKP 2.18 is out: support for NKP 2.15.x has
   * ended." on the day, "Support for … ends in 7 days, on …, when … ships." before it.
   */
  public static String announcement(
      ReleaseLine line, ReleaseLine by, LocalDate date, int leadDays) {
    String lines = allPatches(line);
    return leadDays == 0
        ? by.label() + " is out: support for " + lines + " has ended."
        : "Support for "
            + lines
            + " ends in "
            + leadDays
            + " days, on "
            + date
            + ", when "
            + by.label()
            + (by.isPlanned() ? " is planned to ship." : " ships.");
  }

  /** "NKP 2.16.x", or "Kommander 1.4.x and Konvoy 1.8.x" for a paired line. */
  private static String allPatches(ReleaseLine line) {
    return line.product().platform()
        ? line.label() + ".x"
        : "Kommander " + line.kommander() + ".x and Konvoy " + line.konvoy() + ".x";
  }

  /** A loss of support learned of after its day: when it happened, as surely as known. */
  public static String lostSupport(ReleaseLine line, ReleaseLine by, LocalDate date) {
    return allPatches(line)
        + " lost support: it ended "
        + (by.windowed() ? "no later than " : "on ")
        + date
        + ", when "
        + by.label()
        + " shipped ("
        + ga(by)
        + ").";
  }

  /** The verdict of a compatibility question, in one sentence, then details. */
  public static List<String> compatibility(CompatibilityAnswer c, int window) {
    String pair = pair(c);
    List<String> out = new ArrayList<>();
    switch (c.verdict()) {
      case SUPPORTED -> {
        out.add("Yes: " + pair + " is a supported pairing" + platformName(c.kommanderLine()) + ".");
        out.add(untilWhen(c.pairStatus().orElseThrow(), window));
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
                + status(s.support())
                + ".");
        out.add(untilWhen(s, window));
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

  /** "today (2026-11-25)" or "on 2021-06-01". */
  public static String when(Reply reply) {
    return reply.asOfGiven() ? "on " + reply.asOf() : "today (" + reply.asOf() + ")";
  }

  public static String ordinal(int n) {
    return n < ORDINALS.length ? ORDINALS[n] : n + "th";
  }

  /** One way to ask, and what it answers. */
  public record Example(String ask, String answers) {}

  public static final List<Example> EXAMPLES =
      List.of(
          new Example("2.15", "is it supported, until when, what to upgrade to"),
          new Example(
              "nkp 2.16.1 dkp 2.8",
              "several versions, under any name: kommander, konvoy, dkp, nkp"),
          new Example("konvoy 1.8", "a Konvoy version and its Kommander pair"),
          new Example("1.2 on konvoy 1.7", "can this Kommander run on this Konvoy"),
          new Example("kubernetes 1.31", "which lines deploy it"),
          new Example("nkp 2.15 on kubernetes 1.30", "can this line run this Kubernetes"),
          new Example("stable-1.29-3.2.0", "a Base Platform Services tag"),
          new Example("2.5 on 2023-06-01", "as of a past or future day"),
          new Example("upgrade path from 2.5", "the hops to the newest line"),
          new Example("upcoming 90", "what ships or loses support in the next 90 days"),
          new Example("matrix", "every line and its status"),
          new Example("experimental", "support for Experimental components"),
          new Example("secondary", "support for platform applications"));

  /** Experimental terms: the headline, then the summary, the services offered and the note. */
  public static String experimentalHeadline(ExperimentalTerms t) {
    return "Experimental components: Severity "
        + t.severity()
        + " support only"
        + (t.production() ? "." : "; never in production.");
  }

  /** How a line's support ends, for the App Home's list: "ends when NKP 2.18 ships (…)". */
  public static String endsWhen(Optional<Ending> ends) {
    return ends.map(
            e ->
                "ends when "
                    + e.by().release()
                    + " ships"
                    + e.when()
                        .map(d -> " (" + (e.planned() ? "planned for " : "") + d + ")")
                        .orElse(" (not scheduled yet)"))
        .orElse("no end scheduled: no line that would end it is planned yet");
  }

  /** The first line of the help. */
  public static final String HELP = "Ask me about Kommander, Konvoy, DKP and NKP versions.";

  /** "N-2: Nutanix supports the newest NKP line and the 2 before it, with all their patches." */
  public static String policyLine(Reply reply) {
    int window = reply.settings().window();
    return policyName(window)
        + ": "
        + reply.era().owner()
        + " supports the newest "
        + reply.era().name()
        + " line and the "
        + (window - 1)
        + " before it, with all their patches.";
  }

  /** Where the era's terms are. */
  public static URI termsUrl(Reply reply) {
    return reply.era().termsUrl() != null ? reply.era().termsUrl() : reply.settings().termsUrl();
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
                  .map(l -> l.line().orElseThrow().label() + " (" + status(l.support()) + ")")
                  .collect(Collectors.joining(", "))
              + ".");
    }
    if (k.supportedRunning().isPresent()) {
      out.add("Supported: " + k.supportedRunning().get().line().orElseThrow().label() + ".");
    } else if (!k.supported().isEmpty()) {
      out.add("No supported line deploys " + name + ".");
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
                + newest(
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
    String subject = subject(a);
    String k = "Kubernetes " + f.kubernetes();
    if (f.fits().isEmpty()) {
      out.add(
          a.line().isPresent()
              ? "I don't know which Kubernetes " + subject + " deploys: my catalog has none for it."
              : "I don't know " + subject + ": " + untilWhen(a, window));
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
      out.add(subject + " is " + status(a.support()) + ". " + untilWhen(a, window));
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
