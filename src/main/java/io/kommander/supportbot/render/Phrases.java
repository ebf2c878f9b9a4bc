package io.kommander.supportbot.render;

import io.kommander.supportbot.policy.Answer.CompatibilityAnswer;
import io.kommander.supportbot.policy.Answer.LineAnswer;
import io.kommander.supportbot.policy.Ending;
import io.kommander.supportbot.policy.LatestPatches;
import io.kommander.supportbot.policy.Minor;
import io.kommander.supportbot.policy.Patch;
import io.kommander.supportbot.policy.Product;
import io.kommander.supportbot.policy.ReleaseLine;
import io.kommander.supportbot.policy.Reply;
import io.kommander.supportbot.policy.Support;
import io.kommander.supportbot.policy.Upgrade;
import java.time.LocalDate;
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
      "End-of-support dates are derived from the N-2 policy and release dates; D2iQ does not publish them.";

  private static final String[] ORDINALS = {
    "", "next", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"
  };

  private Phrases() {}

  /** How a line stands, in words and as a Slack emoji; decided once so the two always agree. */
  public enum Standing {
    SUPPORTED("supported", ":white_check_mark:"),
    ENDS_SOON("supported, ends soon", ":hourglass_flowing_sand:"),
    EXPIRED("expired", ":x:"),
    NOT_RELEASED("not released yet", ":calendar:"),
    UNKNOWN("unknown", ":grey_question:");

    public final String words;
    public final String emoji;

    Standing(String words, String emoji) {
      this.words = words;
      this.emoji = emoji;
    }

    public static Standing of(Support support) {
      if (support instanceof Support.Supported s) {
        return s.endsSoon() ? ENDS_SOON : SUPPORTED;
      } else if (support instanceof Support.Expired || support instanceof Support.Predates) {
        return EXPIRED;
      } else if (support instanceof Support.NotYetReleased) {
        return NOT_RELEASED;
      }
      return UNKNOWN;
    }
  }

  /** One word or two for the status, as a person would say it. */
  public static String status(Support support) {
    return Standing.of(support).words;
  }

  /** A Slack emoji short code matching {@link #status}. */
  public static String emoji(Support support) {
    return Standing.of(support).emoji;
  }

  /** "N-2" for a window of 3. */
  public static String policyName(int window) {
    return "N-" + (window - 1);
  }

  /** "Kommander 1.4.2 (Konvoy 1.8)", naming the paired product when the line is known. */
  public static String subject(LineAnswer a) {
    String name = a.product().displayName() + " " + a.asked();
    return a.line()
        .map(
            l ->
                name
                    + " ("
                    + pairVerb(a.product())
                    + " "
                    + a.product().other().displayName()
                    + " "
                    + l.minor(a.product().other())
                    + ")")
        .orElse(name);
  }

  private static String pairVerb(Product asked) {
    return asked == Product.KOMMANDER ? "on" : "with";
  }

  /** Until when, or since when, the line is supported; or why the catalog can't say. */
  public static String untilWhen(LineAnswer a, int window) {
    Support support = a.support();
    if (support instanceof Support.Supported s) {
      return s.ends()
          .map(e -> endsWith(e, a.asOf()))
          .orElseGet(
              () ->
                  "Supported until the "
                      + ordinal(window)
                      + " newer minor line ships (not planned yet).");
    } else if (support instanceof Support.Expired e) {
      return "Support ended "
          + e.ended().when().map(d -> "on " + d + ", when ").orElse("when ")
          + "Kommander "
          + e.ended().by().kommander()
          + " shipped"
          + (e.ended().when().isPresent() ? "." : " (its date is not in the catalog).");
    } else if (support instanceof Support.Predates p) {
      return "Older than every line in the catalog (oldest: Kommander "
          + p.oldest().kommander()
          + "), so outside the "
          + policyName(window)
          + " window.";
    } else if (support instanceof Support.NotYetReleased n) {
      return Optional.ofNullable(n.line().planned())
          .map(d -> "Planned for " + d + ".")
          .orElse("Planned, not scheduled yet.");
    }
    Support.Unknown u = (Support.Unknown) support;
    return "Not in the release catalog. Known "
        + a.product().displayName()
        + " lines: "
        + u.known().stream().map(Object::toString).collect(Collectors.joining(", "))
        + ".";
  }

  private static String endsWith(Ending e, LocalDate asOf) {
    String by = "Kommander " + e.by().kommander();
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

  /** Upgrade advice: the line's latest patch, and the newest line when the asked one is older. */
  public static List<String> upgrade(LineAnswer a) {
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
      case NEWER_THAN_KNOWN ->
          out.add(
              asked
                  + " is newer than any patch I know (latest known: "
                  + latest.orElseThrow()
                  + "); check the version.");
      case LATEST_UNKNOWN, NOT_ASKED ->
          u.linePatch().ifPresent(p -> out.add("Latest patch: " + patch(p) + "."));
    }
    u.newestLine()
        .ifPresent(
            n ->
                out.add(
                    (a.support().isSupported() ? "Newest line: " : "Upgrade to the newest line: ")
                        + newest(n, u.newestPatches(), a.product())));
    return out;
  }

  private static String newest(ReleaseLine n, LatestPatches patches, Product asked) {
    String k = patchOrLine(patches.kommander(), n.kommander());
    String v = patchOrLine(patches.konvoy(), n.konvoy());
    return asked == Product.KONVOY
        ? "Konvoy " + v + " with Kommander " + k + "."
        : "Kommander " + k + " on Konvoy " + v + ".";
  }

  private static String patchOrLine(Patch patch, Minor line) {
    return patch == null ? line + ".x" : patch.version().toString();
  }

  private static String patch(Patch p) {
    return p.version() + (p.date() == null ? "" : " (" + p.date() + ")");
  }

  /** The verdict of a compatibility question, in one sentence, then details. */
  public static List<String> compatibility(CompatibilityAnswer c, int window) {
    String pair = "Kommander " + c.kommander() + " on Konvoy " + c.konvoy();
    List<String> out = new ArrayList<>();
    switch (c.verdict()) {
      case SUPPORTED -> {
        out.add("Yes: " + pair + " is a supported pairing.");
        out.add(untilWhen(c.pairStatus().orElseThrow(), window));
      }
      case PAIRED_NOT_SUPPORTED -> {
        LineAnswer s = c.pairStatus().orElseThrow();
        out.add(
            "No: Kommander "
                + c.kommander().line()
                + " and Konvoy "
                + c.konvoy().line()
                + " pair, but the line is "
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

  public static final List<String> EXAMPLES =
      List.of(
          "1.4  (is Kommander 1.4 supported, until when, what to upgrade to)",
          "1.4.2 2.0  (several versions at once)",
          "konvoy 1.8  (a Konvoy version and its Kommander pair)",
          "1.2 on konvoy 1.7  (can this Kommander run on this Konvoy)",
          "1.3 on 2021-06-01  (as of a past or future day)",
          "matrix  (every line and its status)",
          "experimental  (support for Experimental components)",
          "secondary  (support for platform applications)");
}
