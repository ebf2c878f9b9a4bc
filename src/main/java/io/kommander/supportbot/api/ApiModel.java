package io.kommander.supportbot.api;

import io.kommander.supportbot.policy.Answer.CompatibilityAnswer;
import io.kommander.supportbot.policy.Answer.KubernetesAnswer;
import io.kommander.supportbot.policy.Answer.LineAnswer;
import io.kommander.supportbot.policy.Answer.MatrixAnswer;
import io.kommander.supportbot.policy.Ending;
import io.kommander.supportbot.policy.Patch;
import io.kommander.supportbot.policy.ReleaseLine;
import io.kommander.supportbot.policy.Support;
import io.kommander.supportbot.policy.SupportEnd;
import io.kommander.supportbot.policy.SupportPolicy;
import io.kommander.supportbot.render.CatalogPhrases;
import io.kommander.supportbot.render.Phrases;
import io.kommander.supportbot.render.ReplyPhrases;
import io.kommander.supportbot.render.TopicPhrases;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The API's JSON shapes: kept apart from the core's records so the core can change without breaking
 * clients. Documented in {@code openapi.yaml}.
 */
final class ApiModel {
  private ApiModel() {}

  /**
   * A catalog line: its name as users knew it, both products' minors (equal from 2.0), dates and
   * their confidence, and its Kubernetes.
   */
  record Line(
      String name,
      String product,
      String kommander,
      String konvoy,
      LocalDate released,
      LocalDate releasedBy,
      LocalDate planned,
      String status,
      String confidence,
      Kube kubernetes) {
    static Line of(ReleaseLine l) {
      return new Line(
          l.label(),
          l.product().name().toLowerCase(Locale.ROOT),
          l.kommander().toString(),
          l.konvoy().toString(),
          l.released(),
          l.releasedBy(),
          l.planned(),
          l.status().name().toLowerCase(Locale.ROOT),
          l.confidence().name().toLowerCase(Locale.ROOT),
          l.kube().map(Kube::of).orElse(null));
    }
  }

  record Kube(String minor, String min, String max, String defaultPatch) {
    static Kube of(io.kommander.supportbot.policy.Kubernetes k) {
      return new Kube(
          k.minor().toString(),
          k.min().toString(),
          k.max().toString(),
          k.defaultVersion().map(Object::toString).orElse(null));
    }
  }

  /**
   * When support ends; always derived from the policy, never published by D2iQ.
   *
   * @param date the day it surely ended by (the last day of a GA window)
   * @param earliest the first day it may have ended, when the date is known only as a window
   * @param unconfirmed the ending release is reported, not confirmed
   */
  record End(
      LocalDate date,
      LocalDate earliest,
      String by,
      boolean planned,
      boolean unconfirmed,
      boolean derived) {
    static End of(Ending e) {
      return new End(
          e.date(),
          e.by().windowed() ? e.by().released() : null,
          e.by().label(),
          e.planned(),
          e.by().isReported(),
          true);
    }
  }

  record Upgrade(
      String latestPatch,
      String patchCheck,
      String newestLine,
      String newestKommander,
      String newestKonvoy,
      String nextHop,
      int hopsToNewest) {}

  record Status(
      String product,
      String version,
      LocalDate asOf,
      String status,
      boolean supported,
      Line line,
      End supportEnds,
      End supportEnded,
      End supportMayHaveEnded,
      Upgrade upgrade,
      String message) {

    static Status of(LineAnswer a, int window) {
      End ends = null;
      End ended = null;
      End mayHave = null;
      if (a.support() instanceof Support.Supported s) {
        ends = s.ends().map(End::of).orElse(null);
      } else if (a.support() instanceof Support.Expired e) {
        ended = End.of(e.ended());
      } else if (a.support() instanceof Support.InDoubt d) {
        mayHave = End.of(d.ending());
      }
      var u = a.upgrade();
      Upgrade upgrade =
          new Upgrade(
              u.linePatch().map(p -> p.version().toString()).orElse(null),
              u.patchCheck().name().toLowerCase(Locale.ROOT),
              u.newestLine().map(ReleaseLine::label).orElse(null),
              u.newestLine()
                  .map(n -> orLine(u.newestPatches().kommander(), n.kommander().toString()))
                  .orElse(null),
              u.newestLine()
                  .map(n -> orLine(u.newestPatches().konvoy(), n.konvoy().toString()))
                  .orElse(null),
              u.nextHop().map(ReleaseLine::label).orElse(null),
              u.hopsToNewest());
      return new Status(
          a.product().name().toLowerCase(Locale.ROOT),
          a.asked().toString(),
          a.asOf(),
          ApiJson.status(a.support()),
          a.support().isSupported(),
          a.line().map(Line::of).orElse(null),
          ends,
          ended,
          mayHave,
          upgrade,
          Phrases.untilWhen(a, window));
    }

    private static String orLine(Optional<Patch> patch, String line) {
      return patch.map(p -> p.version().toString()).orElse(line);
    }
  }

  record Compatibility(
      String kommander,
      String konvoy,
      LocalDate asOf,
      boolean supported,
      String verdict,
      String kommanderPairsWithKonvoy,
      String konvoyPairsWithKommander,
      Status line,
      List<String> message) {
    static Compatibility of(CompatibilityAnswer c, LocalDate asOf, int window) {
      return new Compatibility(
          c.kommander().toString(),
          c.konvoy().toString(),
          asOf,
          c.verdict() == io.kommander.supportbot.policy.Answer.Verdict.SUPPORTED,
          c.verdict().name().toLowerCase(Locale.ROOT),
          c.kommanderLine().map(l -> l.konvoy().toString()).orElse(null),
          c.konvoyLine().map(l -> l.kommander().toString()).orElse(null),
          c.pairStatus().map(s -> Status.of(s, window)).orElse(null),
          TopicPhrases.compatibility(c, window));
    }
  }

  record Matrix(
      LocalDate asOf,
      String policy,
      String owner,
      int window,
      Freshness freshness,
      List<Status> lines) {
    static Matrix of(MatrixAnswer m, SupportPolicy policy) {
      return new Matrix(
          m.asOf(),
          ReplyPhrases.policyName(m.window()),
          policy.eraOn(m.asOf()).owner(),
          m.window(),
          Freshness.of(policy.freshness(m.asOf())),
          m.lines().stream().map(l -> Status.of(l, m.window())).toList());
    }
  }

  /** Whether the catalog may be out of date for the day asked about, and why. */
  record Freshness(
      boolean mayBeStale,
      LocalDate reviewed,
      long reviewAgeDays,
      String newestLine,
      long newestAgeDays,
      long cadenceDays,
      Instant upstreamLastChecked,
      int unreviewedReleases,
      String message) {
    static Freshness of(io.kommander.supportbot.policy.Freshness f) {
      return new Freshness(
          f.stale(),
          f.review().reviewed(),
          f.reviewAgeDays(),
          f.newest().label(),
          f.newestAgeDays(),
          f.cadenceDays(),
          f.upstream().lastChecked().orElse(null),
          f.upstream().unreviewed(),
          f.stale() ? CatalogPhrases.stale(f) : null);
    }
  }

  /** Which lines deploy a Kubernetes minor. */
  record KubernetesLines(
      String kubernetes, LocalDate asOf, List<Status> running, List<String> message) {
    static KubernetesLines of(KubernetesAnswer k, int window) {
      return new KubernetesLines(
          k.kubernetes().toString(),
          k.asOf(),
          k.running().stream().map(l -> Status.of(l, window)).toList(),
          TopicPhrases.kubernetes(k));
    }
  }

  record Announcement(LocalDate date, String release, boolean planned, Line endsSupportFor) {
    static Announcement of(SupportEnd e) {
      return new Announcement(
          e.ending().date(), e.ending().by().label(), e.ending().planned(), Line.of(e.line()));
    }
  }

  record Announcements(LocalDate from, List<Announcement> upcoming) {}

  /** What ships and what loses support in a window of days. */
  record Upcoming(
      LocalDate from,
      LocalDate to,
      List<Announcement> endsOfSupport,
      List<Line> releases,
      List<String> message) {
    static Upcoming of(io.kommander.supportbot.policy.Answer.UpcomingAnswer u) {
      return new Upcoming(
          u.from(),
          u.to(),
          u.endings().stream().map(Announcement::of).toList(),
          u.releases().stream().map(Line::of).toList(),
          TopicPhrases.upcoming(u));
    }
  }
}
