package io.kommander.supportbot.http;

import io.kommander.supportbot.slack.SlackAnswers;
import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** {@code GET /ask?q=TEXT}: the bot's answer as plain text, to try it locally without Slack. */
public final class AskServlet extends HttpServlet {
  private final transient SlackAnswers answers;

  public AskServlet(SlackAnswers answers) {
    this.answers = answers;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setContentType("text/plain;charset=utf-8");
    resp.getWriter().println(answers.answer(req.getParameter("q")).text());
  }
}
