package io.kommander.supportbot.render;

import io.kommander.supportbot.policy.Answer.LineAnswer;
import io.kommander.supportbot.policy.Ending;
import io.kommander.supportbot.policy.Era;
import io.kommander.supportbot.policy.Minor;
import io.kommander.supportbot.policy.Product;
import io.kommander.supportbot.policy.ReleaseLine;
import io.kommander.supportbot.policy.ReleaseStatus;
import io.kommander.supportbot.policy.Reply;
import io.kommander.supportbot.policy.Support;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The sentences every renderer uses, so the CLI, Slack and the API word an answer the same way.
 * Plain text: no markup, so each renderer may wrap them as it likes. Here: one line's standing and
 * its end of support; {@link UpgradePhrases}, {@link CatalogPhrases}, {@link TopicPhrases} and
 * {@link ReplyPhrases} have the rest.
 */
public final class Phrases {
  private static final String[] ORDINALS = {
    "", "next", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"
  };

  private Phrases() {}

  /** One word or two for the status, as a person would say it. */
  public static String status(Support support) {
    return Standing.of(support).words;
  }

  /** {@code text} cut to {@code max} characters, the cut marked with an ellipsis. */
  public static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
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
          + (reply.asOfGiven() ? " (asked " + ReplyPhrases.when(reply) + ")" : "");
    }
    return status(a.support()) + " " + ReplyPhrases.when(reply);
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
          + (by.isReported() // an announcement's day is not a GA day
              ? ". If it has, support ended on its GA day. Plan the upgrade now."
              : ". If it has, support ended "
                  + (by.windowed() ? "no later than " : "on ")
                  + d.ending().date()
                  + ". Plan the upgrade now.");
    } else if (support instanceof Support.Unconfirmed u) {
      return capitalize(ga(u.line())) + ". If it has shipped, it is the newest line and supported.";
    } else if (support instanceof Support.Predates p) {
      return "Older than every line in the catalog (oldest: "
          + p.oldest().label()
          + "), so outside the "
          + ReplyPhrases.policyName(window)
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
                (far(u.minor(), n.minor(n.product()))
                        ? "There is no " + a.product().displayName() + " " + u.minor() + ": "
                        : "Newer than any line I know: ")
                    + "the newest I know is "
                    + n.label()
                    + " ("
                    + ga(n)
                    + "). If a newer line has shipped, my catalog needs an update.")
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

  /** How sure the line's GA is: "GA between A and B", "announced on D; its GA is not confirmed". */
  public static String ga(ReleaseLine line) {
    if (line.isReported()) {
      return line.label()
          + " was announced"
          + Optional.ofNullable(line.released()).map(d -> " on " + d).orElse("")
          + "; its GA is not confirmed";
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

  /** A number more than two minors past the newest line (or of a later major): not a typo away. */
  private static boolean far(Minor asked, Minor newest) {
    return asked.major() != newest.major() || asked.minor() > newest.minor() + 2;
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
      return "may have ended"
          + d.ending()
              .when()
              .filter(x -> !d.ending().by().isReported())
              .map(x -> (d.ending().by().windowed() ? " by " : " on ") + x)
              .orElse("")
          + " ("
          + d.ending().by().label()
          + (d.ending().by().isReported() ? " announced, GA not confirmed)" : " GA window)");
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

  public static String ordinal(int n) {
    return n < ORDINALS.length ? ORDINALS[n] : n + "th";
  }
}
