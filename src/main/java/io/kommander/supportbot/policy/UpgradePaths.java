package io.kommander.supportbot.policy;

import io.kommander.supportbot.policy.Answer.UpgradePathAnswer;
import io.kommander.supportbot.policy.Answer.UpgradePathAnswer.Step;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog's upgrade hops as a graph: the shortest chain of hops between two lines. Hops only go
 * to newer lines, and lines ship in catalog order, so a path to a line out on some day passes only
 * lines out by then. Pure and immutable.
 */
public final class UpgradePaths {
  private final Catalog catalog;

  public UpgradePaths(Catalog catalog) {
    this.catalog = catalog;
  }

  /** The fewest hops from {@code from} to {@code to}; empty when none (or the same line). */
  public Optional<List<UpgradeHop>> path(ReleaseLine from, ReleaseLine to) {
    Map<Minor, UpgradeHop> cameBy = new HashMap<>();
    Deque<Minor> queue = new ArrayDeque<>(List.of(from.kommander()));
    while (!queue.isEmpty()) {
      Minor at = queue.poll();
      if (at.equals(to.kommander())) {
        break;
      }
      for (UpgradeHop h : catalog.upgrades()) {
        if (h.from().equals(at) && !cameBy.containsKey(h.to())) {
          cameBy.put(h.to(), h);
          queue.add(h.to());
        }
      }
    }
    if (!cameBy.containsKey(to.kommander())) {
      return Optional.empty();
    }
    List<UpgradeHop> hops = new ArrayList<>();
    for (Minor at = to.kommander(); !at.equals(from.kommander()); at = cameBy.get(at).from()) {
      hops.add(cameBy.get(at));
    }
    Collections.reverse(hops);
    return Optional.of(hops);
  }

  /**
   * How to get from {@code from} to {@code to} (the newest line when absent), hop by hop, with each
   * step's status from {@code policy}.
   */
  UpgradePathAnswer answer(
      SupportPolicy policy,
      Question.AboutLine from,
      Optional<Question.AboutLine> to,
      boolean direct,
      LocalDate date) {
    Answer.LineAnswer start = policy.line(from, date);
    Optional<Answer.LineAnswer> target = to.map(t -> policy.line(t, date));
    Optional<ReleaseLine> goal =
        target.isPresent() ? target.get().line() : policy.newestShipped(date);
    PathOutcome outcome;
    List<Step> steps = new ArrayList<>();
    if (start.line().isEmpty()) {
      outcome = PathOutcome.UNKNOWN_FROM;
    } else if (goal.isEmpty()) {
      outcome = PathOutcome.UNKNOWN_TO;
    } else if (!goal.get().shippedBy(date)) {
      outcome = PathOutcome.NOT_RELEASED;
    } else {
      int order = goal.get().kommander().compareTo(start.line().get().kommander());
      Optional<List<UpgradeHop>> hops =
          order > 0 ? path(start.line().get(), goal.get()) : Optional.empty();
      hops.orElse(List.of())
          .forEach(
              h ->
                  steps.add(
                      new Step(
                          h,
                          policy.lineStatus(
                              catalog.line(Product.KOMMANDER, h.to()).orElseThrow(), date))));
      if (order == 0) {
        outcome = PathOutcome.ALREADY_THERE;
      } else if (order < 0) {
        outcome = PathOutcome.NOT_NEWER;
      } else if (hops.isEmpty()) {
        outcome = PathOutcome.NO_PATH;
      } else if (direct) {
        outcome = steps.size() == 1 ? PathOutcome.DIRECT_ALLOWED : PathOutcome.DIRECT_REFUSED;
      } else {
        outcome = PathOutcome.PATH;
      }
    }
    return new UpgradePathAnswer(start, target, direct, steps, outcome);
  }
}
