package io.kommander.supportbot.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.util.JsonOps;
import io.kommander.supportbot.json.Json;
import io.kommander.supportbot.metrics.BotMetrics;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.policy.Query;
import io.kommander.supportbot.query.Answering;
import io.kommander.supportbot.query.QueryParser;
import io.kommander.supportbot.slack.blocks.BlockKitRenderer;
import io.kommander.supportbot.slack.blocks.SlackMessage;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Answers text with a rendered Slack message, cached. The key holds the catalog's version and
 * today's date, so a catalog change or a new day never serves a stale answer. The slash command's
 * whole reply is cached too, already in JSON: serialising its blocks costs far more than finding
 * the cached answer (docs/performance.md has the figures).
 */
public final class SlackAnswers {
  /**
   * Bounded by size, not count, so the cache's memory is bounded whatever is asked (an answer's
   * heap grows with its text; docs/performance.md has the measured ratio), while still holding some
   * 600 typical answers (each kept as text, slash reply and thread-reply blocks).
   */
  static final long MAX_CHARACTERS = 4_000_000;

  private final Supplier<PolicyService> policy;
  private final Answering answering = new Answering();
  private final BlockKitRenderer renderer;
  private final Cache<Key, Rendered> cache =
      Caffeine.newBuilder()
          .maximumWeight(MAX_CHARACTERS)
          .<Key, Rendered>weigher(
              (key, answer) ->
                  key.question().length()
                      + answer.message().text().length()
                      + answer.commandReply().length()
                      + answer.reply().blocksJson().length())
          .recordStats()
          .build();

  private record Key(String question, String revision, LocalDate today, String caveat) {}

  /**
   * One answer: the message, the slash command's reply (the same, ephemeral, shareable), and the
   * message as a mention's thread reply posts it, its blocks already JSON.
   */
  private record Rendered(SlackMessage message, String commandReply, Reply reply) {}

  /** A thread reply: the fallback text and the Block Kit blocks as Slack's JSON. */
  public record Reply(String text, String blocksJson) {}

  public SlackAnswers(Supplier<PolicyService> policy) {
    this(policy, Optional.empty());
  }

  /**
   * @param pageUrl the support page's public base URL ({@code PUBLIC_URL}); no link when empty
   */
  public SlackAnswers(Supplier<PolicyService> policy, Optional<String> pageUrl) {
    this.policy = policy;
    this.renderer = new BlockKitRenderer(pageUrl);
    BotMetrics.measure("answer-cache", r -> CaffeineCacheMetrics.monitor(r, cache, "answers"));
  }

  public SlackMessage answer(String text) {
    return lookup(text).message();
  }

  /**
   * The answer as a mention's reply, cached with its blocks serialised (serialising them costs far
   * more than finding the cached answer).
   */
  public Reply reply(String text) {
    return lookup(text).reply();
  }

  /**
   * The body of the ack to {@code /kommander-support TEXT}: the answer, ephemeral, with a button to
   * share it in the channel, as the JSON Bolt itself would write.
   */
  public String commandReply(String text) {
    return lookup(text).commandReply();
  }

  private Rendered lookup(String text) {
    PolicyService service = policy.get();
    String question = text == null ? "" : text;
    if (question.length() > QueryParser.MAX_LENGTH) {
      return render(service, question); // refused anyway; not worth a cache slot
    }
    // Keyed on the text exactly as typed (only its outer spaces trimmed) and rendered from it:
    // newlines make a paste a paste, and a cluster's name keeps its case (issue 35: answers were
    // computed from the key, lower-cased with its whitespace collapsed, so pastes were not read).
    Key key =
        new Key(question.strip(), service.revision(), service.today(), service.caveat().orElse(""));
    return cache.get(key, k -> render(service, k.question()));
  }

  /** What the parser reads in {@code text}, for commands that take versions. */
  public Query parse(String text) {
    return answering.read(text);
  }

  public BlockKitRenderer renderer() {
    return renderer;
  }

  /** The core's reply to {@code text}, uncached (a workflow step's outputs are built from it). */
  public io.kommander.supportbot.policy.Reply replyTo(String text) {
    return answering.answer(policy.get(), text);
  }

  public PolicyService policy() {
    return policy.get();
  }

  private Rendered render(PolicyService service, String question) {
    SlackMessage message = renderer.render(answering.answer(service, question));
    // The button carries the question as typed: sharing re-answers it from the same entry.
    SlackMessage shareable = renderer.withShareButton(message, question);
    return new Rendered(
        message,
        Json.asciiOnly(
            JsonOps.toJsonString(
                SlashCommandResponse.builder()
                    .responseType("ephemeral")
                    .text(shareable.text())
                    .blocks(shareable.blocks())
                    .build())),
        new Reply(message.text(), message.blocksJson()));
  }
}
