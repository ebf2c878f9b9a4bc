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
import io.kommander.supportbot.delivery.Outbox;
import io.kommander.supportbot.delivery.Post;
import io.kommander.supportbot.slack.SlackAnswers;
import io.kommander.supportbot.slack.blocks.SlackMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Check versions", from any message's menu: answers what the message names in its thread, through
 * the outbox like a mention, keyed by the message, so however often and by however many people it
 * is used, the thread gets one answer. Acked at once; whatever the person must be told (nothing to
 * check, already answered, the bot cannot post there) goes to them alone through {@code
 * response_url} after the post was tried.
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

  private final SlackAnswers answers;
  private final Outbox outbox;

  public CheckMessageShortcut(SlackAnswers answers, Outbox outbox) {
    this.answers = answers;
    this.outbox = outbox;
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
    SlackMessage answer = answers.answer(text);
    if (!answer.answered()) {
      tell(ctx, NOTHING_TO_CHECK, List.of());
      return ctx.ack();
    }
    String thread = message.getThreadTs() != null ? message.getThreadTs() : message.getTs();
    SlackAnswers.Reply reply = answers.reply(text);
    Post post =
        new Post(
            Outbox.REPLY + "check:" + channel + ":" + message.getTs(),
            channel,
            thread,
            reply.text(),
            reply.blocksJson());
    // Recorded before the ack (a failure throws, Bolt answers 500, and the person can try again);
    // posted and followed up after it.
    outbox
        .sendAndReport(post)
        .thenAccept(
            attempt -> {
              if (attempt.failure().filter(CANNOT_POST::contains).isPresent()) {
                List<LayoutBlock> blocks = new ArrayList<>(answer.blocks());
                blocks.add(context(c -> c.elements(List.of(markdownText(ONLY_YOU)))));
                tell(ctx, answer.text(), blocks);
              } else if (!attempt.recorded() && attempt.sent()) {
                tell(ctx, ALREADY_ANSWERED, List.of());
              }
            });
    return ctx.ack();
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
