package io.kommander.supportbot.cli;

import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.query.QueryParser;
import io.kommander.supportbot.render.TextRenderer;

/** {@code ask "TEXT"}: answers offline, as plain text, exactly as the bot would in Slack. */
public final class AskCommand {
  private final PolicyService policy;
  private final QueryParser parser = new QueryParser();
  private final TextRenderer renderer = new TextRenderer();

  public AskCommand(PolicyService policy) {
    this.policy = policy;
  }

  public String ask(String text) {
    return renderer.render(policy.answer(parser.parse(text)));
  }
}
