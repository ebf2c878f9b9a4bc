package io.kommander.supportbot.delivery;

/**
 * One message to post exactly once, stored whole in the ledger so that any replica can post it
 * after the one that recorded it died.
 *
 * @param key what makes it unique: posted with the message (metadata) so history can show it went
 *     out
 * @param threadTs the thread to reply in, or null for the channel itself
 * @param blocksJson the Block Kit blocks as Slack's JSON, posted as they are
 */
public record Post(String key, String channel, String threadTs, String text, String blocksJson) {}
