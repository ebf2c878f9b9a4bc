package io.kommander.supportbot.slack.blocks;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/**
 * A rendered reply: Block Kit blocks, and the plain {@code text} that notifications and screen
 * readers show instead.
 *
 * @param answered whether it answers a question (false for help), so only answers get "Share"
 */
public record SlackMessage(String text, List<LayoutBlock> blocks, boolean answered) {
  public SlackMessage {
    blocks = List.copyOf(blocks);
  }
}
