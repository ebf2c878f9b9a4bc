package io.kommander.supportbot.http;

import io.kommander.supportbot.metrics.BotMetrics;
import io.kommander.supportbot.policy.Freshness;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.ToDoubleFunction;

/**
 * {@code GET /metrics}: everything the process records, in Prometheus' text format, plus how old
 * the catalog in force is (the answers say "may be stale" when {@code catalog_may_be_stale} is 1).
 */
public final class MetricsServlet extends HttpServlet {
  private final transient PrometheusMeterRegistry registry;

  public MetricsServlet(PrometheusMeterRegistry registry, AnswerSource answers) {
    this.registry = registry;
    BotMetrics.measure("catalog", r -> catalogGauges(r, answers));
  }

  private static void catalogGauges(MeterRegistry registry, AnswerSource answers) {
    gauge(
        registry,
        "catalog.review.age.days",
        "Days since the catalog was last checked",
        answers,
        f -> f.reviewAgeDays());
    gauge(
        registry,
        "catalog.newest.line.age.days",
        "Days since the newest known line shipped",
        answers,
        f -> f.newestAgeDays());
    gauge(
        registry,
        "catalog.release.cadence.days",
        "Longest recent gap between lines",
        answers,
        f -> f.cadenceDays());
    gauge(
        registry,
        "catalog.may.be.stale",
        "1 when today's answers say they may be stale",
        answers,
        f -> f.stale() ? 1 : 0);
  }

  private static void gauge(
      MeterRegistry registry,
      String name,
      String help,
      AnswerSource answers,
      ToDoubleFunction<Freshness> value) {
    Gauge.builder(
            name,
            answers,
            a -> value.applyAsDouble(a.policy().policy().freshness(a.policy().today())))
        .description(help)
        .register(registry);
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setContentType("text/plain; version=0.0.4; charset=utf-8");
    registry.scrape(resp.getOutputStream());
  }
}
