package io.kommander.supportbot.delivery;

/**
 * One message to post exactly once, stored whole in the ledger so that any replica can post it
 * after the one that recorded it died. Either its words are final ({@code text} and {@code
 * blocksJson}), or it is a question still to be answered ({@code question}, by the {@link Answerer}
 * named {@code answerer}) when it is posted: then reading the question costs its event's ack
 * nothing.
 *
 * @param key what makes it unique: posted with the message (metadata) so history can show it went
 *     out
 * @param threadTs the thread to reply in, or null for the channel itself
 * @param blocksJson the Block Kit blocks as Slack's JSON, posted as they are
 * @param question the text to answer when posting; null when the words are final
 * @param answerer the name of the answerer that turns {@code question} into words
 */
public record Post(
    String key,
    String channel,
    String threadTs,
    String text,
    String blocksJson,
    String question,
    String answerer) {

  /** A post whose words are final. */
  public Post(String key, String channel, String threadTs, String text, String blocksJson) {
    this(key, channel, threadTs, text, blocksJson, null, null);
  }

  /** A reply to {@code question}, answered by {@code answerer} when it is posted. */
  public static Post question(
      String key, String channel, String threadTs, String answerer, String question) {
    return new Post(key, channel, threadTs, null, null, question == null ? "" : question, answerer);
  }

  /** Whether its words are still to be found: {@link #answered} gives them. */
  public boolean unanswered() {
    return question != null;
  }

  /** The same post with its words, ready to send. */
  public Post answered(String answerText, String answerBlocksJson) {
    return new Post(key, channel, threadTs, answerText, answerBlocksJson);
  }
}
