package io.kommander.supportbot.http;

import io.kommander.supportbot.metrics.BotMetrics;
import io.kommander.supportbot.policy.Freshness;
import io.kommander.supportbot.policy.PolicyService;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * {@code GET /metrics}: everything the process records, in Prometheus' text format, plus how old
 * the catalog in force is (the answers say "may be stale" when {@code catalog_may_be_stale} is 1).
 */
public final class MetricsServlet extends HttpServlet {
  private final transient PrometheusMeterRegistry registry;

  public MetricsServlet(PrometheusMeterRegistry registry, Supplier<PolicyService> policy) {
    this.registry = registry;
    BotMetrics.measure("catalog", r -> catalogGauges(r, policy));
  }

  private static void catalogGauges(MeterRegistry registry, Supplier<PolicyService> policy) {
    gauge(
        registry,
        "catalog.review.age.days",
        "Days since the catalog was last checked",
        policy,
        f -> f.reviewAgeDays());
    gauge(
        registry,
        "catalog.newest.line.age.days",
        "Days since the newest known line shipped",
        policy,
        f -> f.newestAgeDays());
    gauge(
        registry,
        "catalog.release.cadence.days",
        "Longest recent gap between lines",
        policy,
        f -> f.cadenceDays());
    gauge(
        registry,
        "catalog.may.be.stale",
        "1 when today's answers say they may be stale",
        policy,
        f -> f.stale() ? 1 : 0);
  }

  private static void gauge(
      MeterRegistry registry,
      String name,
      String help,
      Supplier<PolicyService> policy,
      ToDoubleFunction<Freshness> value) {
    Gauge.builder(
            name, policy, p -> value.applyAsDouble(p.get().policy().freshness(p.get().today())))
        .description(help)
        .register(registry);
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setContentType("text/plain; version=0.0.4; charset=utf-8");
    registry.scrape(resp.getOutputStream());
  }
}
