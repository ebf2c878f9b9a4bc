package io.kommander.supportbot.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /readyz}: 200 when every dependency the bot needs answers (the catalog is loaded,
 * Slack is reachable, the database answers when one is configured), 503 naming what does not.
 * {@code /healthz} stays liveness: a bot waiting on its database is alive, not ready.
 */
public final class ReadinessServlet extends HttpServlet {
  private final transient Map<String, Supplier<Optional<String>>> checks;

  /**
   * @param checks by name, each giving the problem when there is one
   */
  public ReadinessServlet(Map<String, Supplier<Optional<String>>> checks) {
    this.checks = checks;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    List<String> problems = new ArrayList<>();
    checks.forEach((name, check) -> check.get().ifPresent(p -> problems.add(name + ": " + p)));
    resp.setStatus(problems.isEmpty() ? 200 : 503);
    resp.setContentType("text/plain;charset=utf-8");
    resp.getWriter().println(problems.isEmpty() ? "ready" : String.join("\n", problems));
  }
}
