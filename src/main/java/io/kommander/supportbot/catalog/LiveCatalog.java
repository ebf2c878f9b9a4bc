package io.kommander.supportbot.catalog;

import io.kommander.supportbot.policy.Catalog;
import io.kommander.supportbot.policy.FoundRelease;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.policy.ProvisionalReleases;
import io.kommander.supportbot.policy.SupportPolicy;
import io.kommander.supportbot.policy.Upstream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The catalog in force: the reviewed catalog with what upstream shows that it lacks merged in
 * ({@link ProvisionalReleases}). A new catalog or new findings swap in atomically (readers see the
 * old one or the new one, never a mix) and listeners hear of it, e.g. to reschedule announcements.
 */
public final class LiveCatalog implements Supplier<PolicyService> {
  private final Clock clock;
  private final AtomicReference<PolicyService> current;
  private final List<Consumer<Catalog>> listeners = new CopyOnWriteArrayList<>();
  private volatile Catalog reviewed;
  private volatile List<FoundRelease> found = List.of();
  private volatile Optional<Instant> checked = Optional.empty();
  private volatile List<FoundRelease> unreviewed = List.of();

  public LiveCatalog(Catalog initial, Clock clock) {
    this.clock = clock;
    this.reviewed = initial;
    this.current = new AtomicReference<>(new PolicyService(initial, clock));
  }

  /** The catalog as a person reviewed it, without what upstream added. */
  public Catalog reviewed() {
    return reviewed;
  }

  /** The found releases the reviewed catalog lacks, which answers use as provisional. */
  public List<FoundRelease> unreviewed() {
    return unreviewed;
  }

  /**
   * What the watcher found upstream, and the day it last read upstream successfully: merged into
   * the answers at once.
   */
  public synchronized void upstream(List<FoundRelease> releases, Optional<Instant> lastChecked) {
    this.found = List.copyOf(releases);
    this.checked = lastChecked;
    swap(current.get().caveat());
  }

  @Override
  public PolicyService get() {
    return current.get();
  }

  public Catalog catalog() {
    return current.get().catalog();
  }

  /** Swaps in a new reviewed catalog unless it is the same one; returns whether it changed. */
  public synchronized boolean replace(Catalog next) {
    if (reviewed.version().equals(next.version())) {
      return false;
    }
    reviewed = next;
    return swap(current.get().caveat());
  }

  /** Sets or clears the caveat every reply starts with (e.g. "may be stale"). */
  public synchronized void caveat(Optional<String> caveat) {
    if (!current.get().caveat().equals(caveat)) {
      swap(caveat);
    }
  }

  private boolean swap(Optional<String> caveat) {
    ProvisionalReleases merged = ProvisionalReleases.merge(reviewed, found);
    unreviewed = merged.unreviewed();
    PolicyService old = current.get();
    Upstream evidence = new Upstream(checked, merged.unreviewed().size());
    current.set(new PolicyService(new SupportPolicy(merged.catalog(), evidence), clock, caveat));
    boolean changed = !old.catalog().version().equals(merged.catalog().version());
    if (changed) {
      listeners.forEach(l -> l.accept(merged.catalog()));
    }
    return changed;
  }

  public void onChange(Consumer<Catalog> listener) {
    listeners.add(listener);
  }
}
