package io.kommander.supportbot.http;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /readyz}: says what the pod can serve. 503 when a check it cannot serve without fails
 * (the catalog, Slack's connection): the pod leaves the Service. 200 {@code degraded} when only a
 * dependency some features need fails (the database: mention replies and announcements wait, the
 * page, the API and slash commands do not): the pod stays in service. Reasons are short fixed
 * words, never exception text or paths. {@code /healthz} stays liveness.
 */
public final class ReadinessServlet extends HttpServlet implements MeterBinder {
  /**
   * A dependency and what its failure costs.
   *
   * @param problem empty when fine; else why not, in words fit for anyone to read
   * @param required whether the pod is out of service without it (else it only degrades)
   */
  public record Check(String name, Supplier<Optional<String>> problem, boolean required) {
    public static Check required(String name, Supplier<Optional<String>> problem) {
      return new Check(name, problem, true);
    }

    public static Check degrading(String name, Supplier<Optional<String>> problem) {
      return new Check(name, problem, false);
    }
  }

  private final transient List<Check> checks;

  public ReadinessServlet(List<Check> checks) {
    this.checks = List.copyOf(checks);
  }

  /** {@code readiness_degraded{check}}: 1 while a check that degrades the pod fails. */
  @Override
  public void bindTo(MeterRegistry registry) {
    for (Check c : checks) {
      if (!c.required()) {
        Gauge.builder("readiness_degraded", () -> c.problem().get().isPresent() ? 1 : 0)
            .tag("check", c.name())
            .description("1 while this dependency fails: the pod serves, without what needs it")
            .register(registry);
      }
    }
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    List<String> missing = new ArrayList<>();
    List<String> degraded = new ArrayList<>();
    for (Check c : checks) {
      c.problem()
          .get()
          .ifPresent(p -> (c.required() ? missing : degraded).add(c.name() + ": " + p));
    }
    List<String> lines = new ArrayList<>();
    lines.add(!missing.isEmpty() ? "not ready" : degraded.isEmpty() ? "ready" : "degraded");
    lines.addAll(missing);
    lines.addAll(degraded);
    resp.setStatus(missing.isEmpty() ? 200 : 503);
    resp.setContentType("text/plain;charset=utf-8");
    resp.setHeader("Cache-Control", "no-store");
    resp.getWriter().println(String.join("\n", lines));
  }
}
