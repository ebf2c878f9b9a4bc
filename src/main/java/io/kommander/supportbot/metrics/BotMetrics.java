package io.kommander.supportbot.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The process's metrics, served at {@code /metrics} in Prometheus' text format. One registry per
 * process, added to Micrometer's global one, so every part of the bot records with {@link Metrics}
 * (no registry threaded through constructors); JVM and process metrics are bound once.
 */
public final class BotMetrics {
  private static final PrometheusMeterRegistry REGISTRY = create();
  private static final Map<String, List<Meter>> OWNED = new HashMap<>();

  private BotMetrics() {}

  private static PrometheusMeterRegistry create() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    Metrics.addRegistry(registry);
    return registry;
  }

  public static PrometheusMeterRegistry registry() {
    return REGISTRY;
  }

  /**
   * Binds meters that read one object (the answer cache, the catalog in force) for {@code owner},
   * replacing those an earlier bot in this process bound under the same owner: a process serves one
   * bot, but tests start many, and the newest is the one to measure.
   */
  public static synchronized void measure(String owner, Consumer<MeterRegistry> binder) {
    List<Meter> old = OWNED.getOrDefault(owner, List.of());
    old.forEach(REGISTRY::remove);
    Set<Meter.Id> before = new HashSet<>();
    REGISTRY.getMeters().forEach(m -> before.add(m.getId()));
    binder.accept(REGISTRY);
    OWNED.put(
        owner, REGISTRY.getMeters().stream().filter(m -> !before.contains(m.getId())).toList());
  }
}
