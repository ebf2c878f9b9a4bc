package io.kommander.supportbot.delivery;

import io.kommander.supportbot.delivery.Ledger.Claim;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The answerers a process has, by the name a question's record gives: they turn a question into the
 * post's words when it is posted. A question nobody here can answer yet waits (the app that
 * registers its answerer is still starting).
 */
final class Answerers {
  private final Map<String, Answerer> byName = new ConcurrentHashMap<>();
  private final Outcomes outcomes;

  Answerers(Outcomes outcomes) {
    this.outcomes = outcomes;
  }

  void register(String name, Answerer answerer) {
    byName.put(name, answerer);
  }

  /** Whether {@code post} can be posted by this process: its words are final or answerable. */
  boolean canAnswer(Post post) {
    return !post.unanswered() || byName.containsKey(post.answerer());
  }

  /**
   * The post with its words: a question is answered now. Empty when there is nothing to post, or
   * the answerer failed: the post is then recorded as failed under {@code claim}.
   */
  Optional<Post> words(Post post, Claim claim) {
    if (!post.unanswered()) {
      return Optional.of(post);
    }
    try {
      Optional<Answerer.Words> words = byName.get(post.answerer()).answer(post.question());
      if (words.isEmpty()) {
        outcomes.nothingToAnswer(claim);
      }
      return words.map(w -> post.answered(w.text(), w.blocksJson()));
    } catch (RuntimeException | StackOverflowError e) {
      outcomes.unanswerable(post, claim, e);
      return Optional.empty();
    }
  }
}
