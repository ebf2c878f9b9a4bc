package io.kommander.supportbot.policy;

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
      return reply(asOf, true, List.of(new Answer.HelpAnswer()), notes, Intent.HELP);
    }
    Asking asking = new Asking(policy, asOf);
    List<Answer> answers = new ArrayList<>();
    query.questions().forEach(q -> answers.addAll(q.accept(asking)));
    if (answers.isEmpty()) {
      answers.add(new Answer.HelpAnswer());
    }
    List<Answer> once = Lines.once(answers);
    boolean given = query.asOf().isPresent();
    return reply(asOf, given, once, notes, Intents.of(query.intent(), once, given));
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
        catalog().settings(),
        Intent.HELP);
  }

  private Reply reply(
      LocalDate asOf, boolean given, List<Answer> answers, List<String> notes, Intent intent) {
    Freshness freshness = policy.freshness(asOf);
    return new Reply(
        asOf,
        given,
        policy.eraOn(asOf),
        Optional.of(freshness).filter(Freshness::stale),
        answers,
        notes,
        catalog().settings(),
        intent);
  }
}
