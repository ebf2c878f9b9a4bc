package io.kommander.supportbot.slack.blocks;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.Blocks;
import com.slack.api.model.block.LayoutBlock;
import io.kommander.supportbot.policy.Answer;
import io.kommander.supportbot.policy.Answer.LineAnswer;
import io.kommander.supportbot.policy.Reply;
import io.kommander.supportbot.render.CatalogPhrases;
import io.kommander.supportbot.render.Caveats;
import io.kommander.supportbot.render.ClusterPhrases;
import io.kommander.supportbot.render.Phrases;
import io.kommander.supportbot.render.ReplyPhrases;
import io.kommander.supportbot.render.TextRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Renders a {@link Reply} as Block Kit, within Slack's limits, with the text renderer's fallback.
 */
public final class BlockKitRenderer {
  public static final String SHARE_ACTION = "share_in_channel";

  /** Matrix rows beyond this are summarised, so a long catalog never breaks the 50-block limit. */
  static final int MATRIX_ROWS = 20;

  private static final String DERIVED = "_" + ReplyPhrases.DERIVED + "_";

  private final TextRenderer text = new TextRenderer();
  private final Optional<String> pageUrl;

  public BlockKitRenderer() {
    this(Optional.empty());
  }

  /**
   * @param pageUrl the support page's public base URL; replies link to the whole matrix there
   */
  public BlockKitRenderer(Optional<String> pageUrl) {
    this.pageUrl = pageUrl;
  }

  public SlackMessage render(Reply reply) {
    List<LayoutBlock> blocks = new ArrayList<>();
    int window = reply.settings().window();
    boolean answered = false;
    reply.stale().ifPresent(f -> blocks.add(textSection(":warning: " + CatalogPhrases.stale(f))));
    ReplyPhrases.summary(reply.answers())
        .ifPresent(line -> blocks.add(textSection("*" + escape(line) + "*")));
    // Notes, the footer, a "more" line and the share button must still fit after the answers.
    boolean compact = ClusterPhrases.compact(reply);
    List<String> caveats = compact ? ClusterPhrases.caveats(reply) : List.of();
    int room = SlackLimits.MESSAGE_BLOCKS - reply.notes().size() - caveats.size() - 3;
    int shown = 0;
    boolean inList = false;
    for (Answer answer : reply.answers()) {
      boolean listed = compact && answer instanceof LineAnswer;
      List<LayoutBlock> own =
          listed
              ? List.of(compactSection((LineAnswer) answer, window))
              : blocks(answer, reply, window);
      if (blocks.size() + own.size() + 1 > room) {
        break;
      }
      if (shown > 0 && !(listed && inList)) {
        blocks.add(divider());
      }
      inList = listed;
      answered |= !(answer instanceof Answer.HelpAnswer);
      blocks.addAll(own);
      shown++;
    }
    caveats.forEach(c -> blocks.add(contextLine("_" + c + "_")));
    if (shown < reply.answers().size()) {
      blocks.add(
          contextLine(
              "…and "
                  + (reply.answers().size() - shown)
                  + " more answers that do not fit in one Slack message: ask about fewer at a"
                  + " time."));
    }
    for (String note : reply.notes()) {
      blocks.add(textSection(":information_source: " + escape(note)));
    }
    blocks.add(
        contextLine(
            ReplyPhrases.policyLine(reply)
                + " · <"
                + ReplyPhrases.termsUrl(reply)
                + "|Support terms>"
                + pageUrl.map(u -> " · <" + u + "/|The whole matrix on the web>").orElse("")));
    // The fallback is mrkdwn too: the question it may echo must neither ping nor link.
    return new SlackMessage(escape(text.render(reply)), blocks, answered);
  }

  /** One cluster of several: its status, until when and what to do next, in one section. */
  private static LayoutBlock compactSection(LineAnswer a, int window) {
    return textSection(
        Emoji.of(a.support())
            + " *"
            + escape(ClusterPhrases.name(a))
            + "*: "
            + Phrases.status(a.support())
            + "\n"
            + ClusterPhrases.details(a, window));
  }

  /** The reply plus a "Share in channel" button carrying the question, for ephemeral answers. */
  public SlackMessage withShareButton(SlackMessage message, String question) {
    if (!message.answered() || question.length() > SlackLimits.BUTTON_VALUE) {
      return message;
    }
    List<LayoutBlock> blocks = new ArrayList<>(message.blocks());
    blocks.add(
        actions(
            a ->
                a.elements(
                    List.of(
                        button(
                            b ->
                                b.actionId(SHARE_ACTION)
                                    .text(plainText("Share in channel"))
                                    .value(question))))));
    return new SlackMessage(message.text(), blocks, true);
  }

  private List<LayoutBlock> blocks(Answer answer, Reply reply, int window) {
    // One method per kind of answer: a kind this renderer forgets does not compile.
    List<LayoutBlock> out =
        new ArrayList<>(answer.accept(new AnswerBlocks(reply, window, pageUrl)));
    if (Caveats.derived(answer)) {
      out.add(contextLine(DERIVED));
    }
    if (Caveats.approximate(answer)) {
      out.add(contextLine("_" + CatalogPhrases.APPROXIMATE + "_"));
    }
    return out;
  }

  static LayoutBlock textSection(String mrkdwn) {
    return section(s -> s.text(markdownText(SlackLimits.fit(mrkdwn, SlackLimits.SECTION_TEXT))));
  }

  static LayoutBlock contextLine(String mrkdwn) {
    return context(c -> c.elements(List.of(markdownText(mrkdwn))));
  }

  static LayoutBlock header(String text) {
    return Blocks.header(
        h -> h.text(plainText(SlackLimits.fit(text, SlackLimits.HEADER_TEXT), true)));
  }

  /** Slack's mrkdwn needs &, < and > escaped, so echoed user text can't ping or link. */
  public static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** A headline, then the rest of the lines in one section. */
  static List<LayoutBlock> headed(String emoji, List<String> lines) {
    List<LayoutBlock> out = new ArrayList<>();
    out.add(header(emoji + " " + lines.get(0)));
    out.add(
        textSection(
            String.join(
                "\n",
                lines.subList(1, lines.size()).stream().map(BlockKitRenderer::escape).toList())));
    return out;
  }
}
