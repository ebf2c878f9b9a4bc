package io.kommander.supportbot.policy;

import io.kommander.supportbot.policy.Question.AboutBps;
import io.kommander.supportbot.policy.Question.AboutKubernetes;
import io.kommander.supportbot.policy.Question.AboutLine;
import io.kommander.supportbot.policy.Question.AboutPair;
import io.kommander.supportbot.policy.Question.AboutTopic;
import io.kommander.supportbot.policy.Question.OnKubernetes;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Answers parsed queries from the current catalog, as of today or a day the asker named. */
public final class PolicyService {
  private final SupportPolicy policy;
  private final Clock clock;
  private final Optional<String> caveat;
  private final String revision;

  public PolicyService(Catalog catalog, Clock clock) {
    this(catalog, clock, Optional.empty());
  }

  /**
   * @param caveat said first in every reply, e.g. that the data may be stale
   */
  public PolicyService(Catalog catalog, Clock clock, Optional<String> caveat) {
    this(new SupportPolicy(catalog), clock, caveat);
  }

  public PolicyService(SupportPolicy policy, Clock clock, Optional<String> caveat) {
    this.policy = policy;
    this.clock = clock;
    this.caveat = caveat;
    // Once per service, not per request: it keys the answer cache on the hot path.
    this.revision =
        policy.catalog().version() + "-" + Integer.toHexString(policy.upstream().hashCode());
  }

  public Optional<String> caveat() {
    return caveat;
  }

  public SupportPolicy policy() {
    return policy;
  }

  public Catalog catalog() {
    return policy.catalog();
  }

  /**
   * Changes whenever answers may, short of the day: the catalog's version and what upstream says
   * about it (a look can end a stale warning). For cache keys and ETags.
   */
  public String revision() {
    return revision;
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /** Why the catalog cannot speak for {@code day}, when it is before its first dated release. */
  public Optional<String> beforeHistory(LocalDate day) {
    return catalog()
        .historyStart()
        .filter(day::isBefore)
        .map(
            start ->
                "The catalog's history starts on "
                    + start
                    + " (the first dated release); ask about a day on or after it.");
  }

  public Reply answer(Query query) {
    LocalDate asOf = query.asOf().orElseGet(this::today);
    List<String> notes = new ArrayList<>();
    caveat.ifPresent(notes::add);
    notes.addAll(query.notes());
    Optional<String> before = beforeHistory(asOf);
    if (before.isPresent()) {
      notes.add(before.get());
      return reply(asOf, true, List.of(new Answer.HelpAnswer()), notes);
    }
    List<Answer> answers = new ArrayList<>();
    for (Question question : query.questions()) {
      answers.add(answer(question, asOf));
      if (question.equals(new AboutTopic(Question.Topic.NEWEST))) {
        answers.addAll(maybeNewer(asOf)); // the newest may already be one that is only reported
      }
    }
    if (answers.isEmpty()) {
      answers.add(new Answer.HelpAnswer());
    }
    return reply(asOf, query.asOf().isPresent(), answers, notes);
  }

  /** A reply that answers nothing and says why: {@code note}. */
  public Reply unanswered(String note) {
    LocalDate today = today();
    return new Reply(
        today,
        false,
        policy.eraOn(today),
        Optional.empty(),
        List.of(),
        List.of(note),
        catalog().settings());
  }

  private Reply reply(LocalDate asOf, boolean given, List<Answer> answers, List<String> notes) {
    Freshness freshness = policy.freshness(asOf);
    return new Reply(
        asOf,
        given,
        policy.eraOn(asOf),
        Optional.of(freshness).filter(Freshness::stale),
        answers,
        notes,
        catalog().settings());
  }

  private Answer answer(Question question, LocalDate asOf) {
    if (question instanceof AboutLine q) {
      return policy.line(q, asOf);
    } else if (question instanceof AboutPair q) {
      return policy.compatibility(q.kommander(), q.konvoy(), asOf);
    } else if (question instanceof AboutKubernetes q) {
      return policy.kubernetes(q.kubernetes(), asOf);
    } else if (question instanceof OnKubernetes q) {
      return policy.onKubernetes(q.product(), q.version(), q.kubernetes(), asOf);
    } else if (question instanceof Question.Upcoming q) {
      return policy.upcoming(asOf, q.days());
    } else if (question instanceof Question.UpgradePath q) {
      return policy.upgradePath(q.from(), q.to(), q.direct(), asOf);
    } else if (question instanceof AboutBps q) {
      return new Answer.BpsAnswer(q.tag(), policy.kubernetes(q.tag().kubernetes(), asOf));
    }
    return switch (((AboutTopic) question).topic()) {
      case MATRIX -> policy.matrix(asOf);
      case NEWEST -> newest(asOf);
      case EXPERIMENTAL -> new Answer.ExperimentalAnswer(catalog().experimental());
      case SECONDARY -> new Answer.SecondaryAnswer(catalog().secondary());
      case HELP -> new Answer.HelpAnswer();
    };
  }

  /** The newest line shipped by that day, asked at its latest patch, as if named. */
  private Answer newest(LocalDate asOf) {
    return policy
        .newestShipped(asOf)
        .<Answer>map(
            line ->
                policy.status(
                    line.product(),
                    line.latestPatchOn(line.product(), asOf)
                        .map(Patch::version)
                        .orElse(Version.of(line.minor(line.product()))),
                    asOf))
        .orElseGet(() -> policy.matrix(asOf));
  }

  /** Lines that may have shipped by that day (reported, or inside their GA window). */
  private List<Answer> maybeNewer(LocalDate asOf) {
    return catalog().lines().stream()
        .filter(l -> l.shipping(asOf) == Shipping.MAYBE)
        .<Answer>map(l -> policy.status(l.product(), Version.of(l.minor(l.product())), asOf))
        .toList();
  }
}
