package io.kommander.supportbot.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /ask?q=TEXT}: the bot's answer as plain text, to try it locally without Slack. */
public final class AskServlet extends HttpServlet {
  private final transient AnswerSource answers;

  public AskServlet(AnswerSource answers) {
    this.answers = answers;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setContentType("text/plain;charset=utf-8");
    resp.getWriter().println(answers.text(req.getParameter("q")));
  }
}
