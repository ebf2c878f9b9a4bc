package io.kommander.supportbot.policy;

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
 * The catalog's upgrade hops as a graph: the shortest chain of hops between two lines, using only
 * lines that had shipped on the day asked about. Pure and immutable.
 */
public final class UpgradePaths {
  private final Catalog catalog;

  public UpgradePaths(Catalog catalog) {
    this.catalog = catalog;
  }

  /** The direct hop from one line to another, when the sources allow it. */
  public Optional<UpgradeHop> hop(ReleaseLine from, ReleaseLine to) {
    return catalog.upgrades().stream()
        .filter(h -> h.from().equals(from.kommander()) && h.to().equals(to.kommander()))
        .findFirst();
  }

  /**
   * The fewest hops from {@code from} to {@code to}, each landing on a line shipped by {@code
   * date}; empty when there is no such chain (or the two are the same line).
   */
  public Optional<List<UpgradeHop>> path(ReleaseLine from, ReleaseLine to, LocalDate date) {
    Map<Minor, UpgradeHop> cameBy = new HashMap<>();
    Deque<Minor> queue = new ArrayDeque<>(List.of(from.kommander()));
    while (!queue.isEmpty()) {
      Minor at = queue.poll();
      if (at.equals(to.kommander())) {
        break;
      }
      for (UpgradeHop h : catalog.upgrades()) {
        if (h.from().equals(at) && !cameBy.containsKey(h.to()) && shipped(h.to(), date)) {
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

  private boolean shipped(Minor line, LocalDate date) {
    return catalog.line(Product.KOMMANDER, line).map(l -> l.shippedBy(date)).orElse(false);
  }
}
