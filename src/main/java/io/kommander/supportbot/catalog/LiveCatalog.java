package io.kommander.supportbot.catalog;

import io.kommander.supportbot.policy.Catalog;
import io.kommander.supportbot.policy.PolicyService;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The catalog in force. A new catalog swaps in atomically (readers see the old one or the new one,
 * never a mix) and listeners hear of it, e.g. to reschedule announcements.
 */
public final class LiveCatalog implements Supplier<PolicyService> {
  private final Clock clock;
  private final AtomicReference<PolicyService> current;
  private final List<Consumer<Catalog>> listeners = new CopyOnWriteArrayList<>();

  public LiveCatalog(Catalog initial, Clock clock) {
    this.clock = clock;
    this.current = new AtomicReference<>(new PolicyService(initial, clock));
  }

  @Override
  public PolicyService get() {
    return current.get();
  }

  public Catalog catalog() {
    return current.get().catalog();
  }

  /** Swaps in {@code next} unless it is the same catalog; returns whether it changed. */
  public boolean replace(Catalog next) {
    PolicyService old = current.get();
    if (old.catalog().version().equals(next.version())) {
      return false;
    }
    current.set(new PolicyService(next, clock, old.caveat()));
    listeners.forEach(l -> l.accept(next));
    return true;
  }

  /** Sets or clears the caveat every reply starts with (e.g. "may be stale"). */
  public void caveat(Optional<String> caveat) {
    current.updateAndGet(
        s -> s.caveat().equals(caveat) ? s : new PolicyService(s.catalog(), clock, caveat));
  }

  public void onChange(Consumer<Catalog> listener) {
    listeners.add(listener);
  }
}
