package io.kommander.supportbot.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.query.QueryParser;
import io.kommander.supportbot.slack.blocks.BlockKitRenderer;
import io.kommander.supportbot.slack.blocks.SlackMessage;
import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Answers text with a rendered Slack message, cached. The key holds the catalog's version and
 * today's date, so a catalog change or a new day never serves a stale answer.
 */
public final class SlackAnswers {
  /**
   * Bounded by size, not count: an answer costs about 4 bytes of heap per character of its text
   * (measured), so 4 M characters keep the cache near 16 MB whatever is asked, and still hold
   * thousands of typical answers (400 to 3,000 characters each).
   */
  static final long MAX_CHARACTERS = 4_000_000;

  private final Supplier<PolicyService> policy;
  private final QueryParser parser = new QueryParser();
  private final BlockKitRenderer renderer = new BlockKitRenderer();
  private final Cache<Key, SlackMessage> cache =
      Caffeine.newBuilder()
          .maximumWeight(MAX_CHARACTERS)
          .<Key, SlackMessage>weigher(
              (key, answer) -> key.question().length() + answer.text().length())
          .recordStats()
          .build();

  private record Key(String question, String catalogVersion, LocalDate today, String caveat) {}

  public SlackAnswers(Supplier<PolicyService> policy) {
    this.policy = policy;
  }

  public SlackMessage answer(String text) {
    PolicyService service = policy.get();
    String question = text == null ? "" : text;
    if (question.length() > QueryParser.MAX_LENGTH) {
      return render(service, question); // refused anyway; not worth a cache slot
    }
    Key key =
        new Key(
            normalise(question),
            service.catalog().version(),
            service.today(),
            service.caveat().orElse(""));
    return cache.get(key, k -> render(service, k.question()));
  }

  /** The ephemeral answer to a slash command, with a button to share it in the channel. */
  public SlackMessage answerWithShareButton(String text) {
    return renderer.withShareButton(answer(text), text == null ? "" : text.strip());
  }

  public BlockKitRenderer renderer() {
    return renderer;
  }

  public PolicyService policy() {
    return policy.get();
  }

  private SlackMessage render(PolicyService service, String question) {
    return renderer.render(service.answer(parser.parse(question)));
  }

  /** Case and spacing never change the answer, so they must not split the cache. */
  static String normalise(String text) {
    return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  public CacheStats stats() {
    return cache.stats();
  }

  public long size() {
    return cache.estimatedSize();
  }
}
