package io.kommander.supportbot.slack.listeners;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.bolt.context.builtin.MessageShortcutContext;
import com.slack.api.bolt.handler.builtin.MessageShortcutHandler;
import com.slack.api.bolt.request.builtin.MessageShortcutRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import io.kommander.supportbot.delivery.Answerer;
import io.kommander.supportbot.delivery.Attempt;
import io.kommander.supportbot.delivery.Outbox;
import io.kommander.supportbot.delivery.Post;
import io.kommander.supportbot.slack.SlackAnswers;
import io.kommander.supportbot.slack.blocks.SlackMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Check versions", from any message's menu: answers what the message names in its thread, through
 * the outbox like a mention, keyed by the message, so however often and by however many people it
 * is used, the thread gets one answer. The message's text is recorded and the shortcut acked at
 * once; the outbox's worker reads it. Whatever the person must be told (nothing to check, already
 * answered, the bot cannot post there) goes to them alone through {@code response_url} after the
 * post was tried. If the outbox can record the question nowhere, the ack is a 503 and Slack tells
 * the person the shortcut failed.
 */
public final class CheckMessageShortcut implements MessageShortcutHandler {
  public static final String CALLBACK_ID = "check_versions";

  /** Slack's errors for a channel the bot cannot post in: only the person can be answered. */
  static final Set<String> CANNOT_POST =
      Set.of(
          "not_in_channel",
          "channel_not_found",
          "is_archived",
          "restricted_action",
          "restricted_action_read_only_channel",
          "restricted_action_thread_only_channel",
          "cannot_reply_to_message");

  static final String NOTHING_TO_CHECK =
      "I found no Kommander, Konvoy, DKP or NKP versions in this message, so there is nothing to"
          + " check. Try `/kommander-support help` for what I understand.";
  static final String ALREADY_ANSWERED = "I have already answered this message in its thread.";
  static final String ONLY_YOU =
      ":lock: I cannot post in this conversation, so only you can see this answer. To get answers"
          + " in threads here, invite me: `/invite @kommander-support`.";

  private static final Logger log = LoggerFactory.getLogger(CheckMessageShortcut.class);

  /** The outbox's name for this shortcut's answers, kept in the records of its questions. */
  public static final String ANSWERER = "check";

  private final SlackAnswers answers;
  private final Outbox outbox;

  /** Also makes {@code outbox} answer this shortcut's questions, whoever recorded them. */
  public CheckMessageShortcut(SlackAnswers answers, Outbox outbox) {
    this.answers = answers;
    this.outbox = outbox;
    outbox.answerWith(ANSWERER, this::reply);
  }

  /** The thread reply to a message, or none when it names nothing to check. */
  private Optional<Answerer.Words> reply(String text) {
    if (!answers.answer(text).answered()) {
      return Optional.empty();
    }
    SlackAnswers.Reply reply = answers.reply(text);
    return Optional.of(new Answerer.Words(reply.text(), reply.blocksJson()));
  }

  @Override
  public Response apply(MessageShortcutRequest req, MessageShortcutContext ctx) {
    MessageShortcutPayload payload = req.getPayload();
    Message message = payload.getMessage();
    String channel = payload.getChannel() == null ? null : payload.getChannel().getId();
    if (channel == null || message == null || message.getTs() == null) {
      log.warn("Message shortcut without a channel or message; nothing answered");
      return ctx.ack();
    }
    String text = message.getText() == null ? "" : message.getText();
    String thread = message.getThreadTs() != null ? message.getThreadTs() : message.getTs();
    Post question =
        Post.question(
            Outbox.REPLY + "check:" + channel + ":" + message.getTs(),
            channel,
            thread,
            ANSWERER,
            text);
    // Recorded before the ack (or kept in the spool); read, posted and followed up after it. If
    // it can be kept nowhere, Receipt.NotRecorded makes the ack a 503: Slack tells the person.
    CompletableFuture<Attempt> attempt = outbox.receiveAndReport(question);
    attempt.thenAccept(a -> followUp(ctx, text, a));
    return ctx.ack();
  }

  /** Tells the person what the thread does not show: nothing to check, not postable, answered. */
  private void followUp(MessageShortcutContext ctx, String text, Attempt attempt) {
    if (attempt.failure().filter(Outbox.NOTHING_TO_ANSWER::equals).isPresent()) {
      tell(ctx, NOTHING_TO_CHECK, List.of());
    } else if (attempt.failure().filter(CANNOT_POST::contains).isPresent()) {
      SlackMessage answer = answers.answer(text);
      List<LayoutBlock> blocks = new ArrayList<>(answer.blocks());
      blocks.add(context(c -> c.elements(List.of(markdownText(ONLY_YOU)))));
      tell(ctx, answer.text(), blocks);
    } else if (!attempt.recorded() && attempt.sent()) {
      tell(ctx, ALREADY_ANSWERED, List.of());
    }
  }

  /** An ephemeral message to the person who used the shortcut; a failure is only logged. */
  private static void tell(MessageShortcutContext ctx, String text, List<LayoutBlock> blocks) {
    ResponseUrls.tell(
        "Message shortcut",
        ctx.getResponseUrl(),
        () ->
            ctx.respond(
                r ->
                    r.responseType("ephemeral")
                        .replaceOriginal(false)
                        .text(text)
                        .blocks(blocks.isEmpty() ? null : blocks)));
  }
}
