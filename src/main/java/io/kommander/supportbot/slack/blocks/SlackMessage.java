package io.kommander.supportbot.slack.blocks;

import com.google.gson.Gson;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import java.util.List;

/**
 * A rendered reply: Block Kit blocks, and the {@code text} that notifications and screen readers
 * show instead, which Slack reads as mrkdwn (so {@code &}, {@code <} and {@code >} in it are
 * escaped by whoever renders it: {@link BlockKitRenderer#escape}).
 *
 * @param answered whether it answers a question (false for help), so only answers get "Share"
 */
public record SlackMessage(String text, List<LayoutBlock> blocks, boolean answered) {
  private static final Gson JSON = GsonFactory.createSnakeCase();

  public SlackMessage {
    blocks = List.copyOf(blocks);
  }

  /** The blocks as Slack's JSON, as {@code chat.postMessage} takes them. */
  public String blocksJson() {
    return JSON.toJson(blocks);
  }
}
