package io.kommander.supportbot.http;

import java.io.IOException;
import java.util.function.BooleanSupplier;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

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
