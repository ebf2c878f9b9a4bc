package io.kommander.supportbot.delivery;

import com.google.gson.Gson;
import com.slack.api.util.json.GsonFactory;
import io.kommander.supportbot.slack.blocks.SlackMessage;

/**
 * One message to post exactly once, stored whole in the ledger so that any replica can post it
 * after the one that recorded it died.
 *
 * @param key what makes it unique: posted with the message (metadata) so history can show it went
 *     out
 * @param threadTs the thread to reply in, or null for the channel itself
 * @param blocksJson the Block Kit blocks as Slack's JSON, posted as they are
 */
public record Post(String key, String channel, String threadTs, String text, String blocksJson) {
  private static final Gson JSON = GsonFactory.createSnakeCase();

  public static Post of(String key, String channel, String threadTs, SlackMessage message) {
    return new Post(key, channel, threadTs, message.text(), JSON.toJson(message.blocks()));
  }
}
