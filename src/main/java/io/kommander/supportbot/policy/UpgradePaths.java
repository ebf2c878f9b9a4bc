package io.kommander.supportbot.policy;

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
}
