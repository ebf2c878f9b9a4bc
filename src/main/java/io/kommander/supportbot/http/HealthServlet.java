package io.kommander.supportbot.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.BooleanSupplier;

/** {@code GET /healthz}: 200 once the bot is ready to answer, 503 before. */
public final class HealthServlet extends HttpServlet {
  private final transient BooleanSupplier ready;

  public HealthServlet(BooleanSupplier ready) {
    this.ready = ready;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    boolean ok = ready.getAsBoolean();
    resp.setStatus(ok ? 200 : 503);
    resp.setContentType("text/plain;charset=utf-8");
    resp.getWriter().println(ok ? "ok" : "starting");
  }
}
