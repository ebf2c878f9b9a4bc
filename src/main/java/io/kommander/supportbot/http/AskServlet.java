package io.kommander.supportbot.http;

import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.query.Answering;
import io.kommander.supportbot.render.TextRenderer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * {@code GET /ask?q=TEXT}: the answer as plain text, as the CLI prints it, to try the bot without
 * Slack. Straight from the policy service: nothing Slack's is involved, on or off. {@code q} is
 * bounded as every parameter is ({@link QueryParams}).
 */
public final class AskServlet extends HttpServlet {
  private final transient Supplier<PolicyService> policy;
  private final transient Answering answering = new Answering();
  private final transient TextRenderer renderer = new TextRenderer();

  public AskServlet(Supplier<PolicyService> policy) {
    this.policy = policy;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    PolicyService service = policy.get();
    String q = new QueryParams(req, service).text("q", QueryParams.MAX_TEXT).orElse("");
    resp.setContentType("text/plain;charset=utf-8");
    resp.getWriter().println(renderer.render(answering.answer(service, q)));
  }
}
