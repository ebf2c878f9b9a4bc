package io.kommander.supportbot.cli;

import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.query.Answering;
import io.kommander.supportbot.render.TextRenderer;

/** {@code ask "TEXT"}: answers offline, as plain text, exactly as the bot would in Slack. */
public final class AskCommand {
  private final PolicyService policy;
  private final Answering answering = new Answering();
  private final TextRenderer renderer = new TextRenderer();

  public AskCommand(PolicyService policy) {
    this.policy = policy;
  }

  public String ask(String text) {
    return renderer.render(answering.answer(policy, text));
  }
}
