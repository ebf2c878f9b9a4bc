package io.kommander.supportbot.query;

import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.policy.Query;
import io.kommander.supportbot.policy.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Text to the core's reply, for every entry that answers what people type (the CLI, Slack, the
 * page, {@code /ask}, the API). Total: a failure while reading or answering becomes a short reply
 * saying so, and one ERROR log line, never an exception that leaves the asker without an answer.
 */
public final class Answering {
  private static final Logger LOG = LoggerFactory.getLogger(Answering.class);

  private final QueryParser parser = new QueryParser();

  /** What {@code text} asks, read as the parser reads it (total). */
  public Query read(String text) {
    return parser.parse(text);
  }

  /** The reply to {@code text}. */
  public Reply answer(PolicyService policy, String text) {
    return answer(policy, read(text));
  }

  /** The reply to a query already read (the page adds the day its form names). */
  public Reply answer(PolicyService policy, Query query) {
    try {
      return policy.answer(query);
    } catch (Throwable e) { // NOPMD: whatever it was, the asker gets a reply
      LOG.error(
          "Answering {} question(s) failed: {}", query.questions().size(), Failures.oneLine(e));
      return policy.unanswered(QueryParser.UNREADABLE);
    }
  }
}
