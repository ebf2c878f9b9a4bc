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
import com.slack.api.model.block.composition.TextObject;
import io.kommander.supportbot.policy.Answer;
import io.kommander.supportbot.policy.Answer.BpsAnswer;
import io.kommander.supportbot.policy.Answer.CompatibilityAnswer;
import io.kommander.supportbot.policy.Answer.ExperimentalAnswer;
import io.kommander.supportbot.policy.Answer.KubernetesAnswer;
import io.kommander.supportbot.policy.Answer.KubernetesFitAnswer;
import io.kommander.supportbot.policy.Answer.LineAnswer;
import io.kommander.supportbot.policy.Answer.MatrixAnswer;
import io.kommander.supportbot.policy.Answer.SecondaryAnswer;
import io.kommander.supportbot.policy.Answer.UpcomingAnswer;
import io.kommander.supportbot.policy.Answer.UpgradePathAnswer;
import io.kommander.supportbot.policy.Product;
import io.kommander.supportbot.policy.ReleaseLine;
import io.kommander.supportbot.policy.Reply;
import io.kommander.supportbot.policy.SecondarySupport;
import io.kommander.supportbot.render.CatalogPhrases;
import io.kommander.supportbot.render.Caveats;
import io.kommander.supportbot.render.Phrases;
import io.kommander.supportbot.render.ReplyPhrases;
import io.kommander.supportbot.render.TextRenderer;
import io.kommander.supportbot.render.TopicPhrases;
import io.kommander.supportbot.render.UpgradePhrases;
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
    // Notes, the footer, a "more" line and the share button must still fit after the answers.
    int room = SlackLimits.MESSAGE_BLOCKS - reply.notes().size() - 3;
    int shown = 0;
    for (Answer answer : reply.answers()) {
      List<LayoutBlock> own = blocks(answer, reply, window);
      if (blocks.size() + own.size() + 1 > room) {
        break;
      }
      if (shown > 0) {
        blocks.add(divider());
      }
      answered |= !(answer instanceof Answer.HelpAnswer);
      blocks.addAll(own);
      shown++;
    }
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
    return new SlackMessage(text.render(reply), blocks, answered);
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
    List<LayoutBlock> out = new ArrayList<>();
    if (answer instanceof LineAnswer a) {
      out.add(
          header(
              Emoji.of(a.support())
                  + " "
                  + Phrases.subject(a)
                  + ": "
                  + Phrases.status(a.support())));
      out.add(section(s -> s.fields(lineFields(a, reply, window))));
      Phrases.naming(a).ifPresent(n -> out.add(contextLine(":label: " + n)));
    } else if (answer instanceof CompatibilityAnswer c) {
      List<String> lines = TopicPhrases.compatibility(c, window);
      out.add(header(verdictEmoji(c.verdict()) + " " + TopicPhrases.pair(c)));
      String when = reply.asOfGiven() ? " (" + ReplyPhrases.when(reply) + ")" : "";
      List<String> body = new ArrayList<>(List.of("*" + lines.get(0) + "*" + when));
      body.addAll(lines.subList(1, lines.size()));
      out.add(textSection(String.join("\n", body)));
    } else if (answer instanceof MatrixAnswer m) {
      out.addAll(matrix(m, reply, window));
    } else if (answer instanceof KubernetesAnswer k) {
      out.add(header(":ship: Kubernetes " + k.kubernetes()));
      out.add(textSection(escape(String.join("\n", TopicPhrases.kubernetes(k)))));
    } else if (answer instanceof KubernetesFitAnswer f) {
      out.add(
          header(
              (f.fits().orElse(false) ? ":white_check_mark: " : ":no_entry: ")
                  + Phrases.subject(f.line())
                  + " on Kubernetes "
                  + f.kubernetes()));
      out.add(textSection(escape(String.join("\n", TopicPhrases.kubernetesFit(f, window)))));
    } else if (answer instanceof UpcomingAnswer u) {
      out.add(header(":spiral_calendar_pad: Coming up"));
      out.add(textSection(escape(String.join("\n", TopicPhrases.upcoming(u)))));
    } else if (answer instanceof UpgradePathAnswer p) {
      out.add(header(":arrow_up: Upgrade path from " + Phrases.subject(p.from())));
      out.add(textSection(escape(String.join("\n", UpgradePhrases.upgradePath(p, window)))));
    } else if (answer instanceof BpsAnswer b) {
      out.add(header(":package: BPS " + b.tag()));
      out.add(textSection(escape(String.join("\n", TopicPhrases.bps(b.tag(), b.kubernetes())))));
    } else if (answer instanceof ExperimentalAnswer e) {
      out.add(header(":test_tube: Experimental components"));
      List<String> body = new ArrayList<>();
      body.add(escape(ReplyPhrases.experimentalHeadline(e.terms())));
      body.add(escape(e.terms().summary()));
      body.add("Offered:");
      e.terms().services().forEach(x -> body.add("• " + escape(x)));
      if (e.terms().note() != null) {
        body.add(escape(e.terms().note()));
      }
      out.add(textSection(String.join("\n", body)));
    } else if (answer instanceof SecondaryAnswer s) {
      out.add(header(":jigsaw: Secondary support: platform applications"));
      out.add(textSection(escape(s.table().appliesTo())));
      for (SecondarySupport.Type type : s.table().types()) {
        List<String> body =
            new ArrayList<>(List.of("*" + escape(type.type()) + "*: " + escape(type.support())));
        type.scope().forEach(x -> body.add("• " + escape(x)));
        out.add(textSection(String.join("\n", body)));
      }
    } else {
      out.add(header(":wave: " + ReplyPhrases.HELP));
      out.add(
          textSection(
              String.join(
                  "\n",
                  ReplyPhrases.EXAMPLES.stream()
                      .map(x -> "• `/kommander-support " + x.ask() + "`  (" + x.answers() + ")")
                      .toList())));
    }
    if (Caveats.derived(answer)) {
      out.add(contextLine(DERIVED));
    }
    if (Caveats.approximate(answer)) {
      out.add(contextLine("_" + CatalogPhrases.APPROXIMATE + "_"));
    }
    return out;
  }

  private static String verdictEmoji(Answer.Verdict verdict) {
    return switch (verdict) {
      case SUPPORTED -> ":white_check_mark:";
      case UNKNOWN -> ":grey_question:";
      case MIXED_MINORS, PAIRED_NOT_SUPPORTED -> ":no_entry:";
    };
  }

  private static List<TextObject> lineFields(LineAnswer a, Reply reply, int window) {
    Product other = a.product() == Product.KONVOY ? Product.KOMMANDER : Product.KONVOY;
    List<TextObject> fields = new ArrayList<>();
    fields.add(field("Status", Emoji.of(a.support()) + " " + Phrases.statusWhen(a, reply)));
    a.line()
        .filter(l -> !l.product().platform())
        .ifPresent(
            l ->
                fields.add(
                    field(other.displayName(), other.displayName() + " " + l.minor(other) + ".x")));
    a.line()
        .flatMap(l -> l.kube().map(k -> l))
        .ifPresent(l -> fields.add(field("Kubernetes", TopicPhrases.kubernetesOf(l))));
    fields.add(
        field(a.support().isSupported() ? "Until" : "Support", Phrases.untilWhen(a, window)));
    List<String> upgrade = UpgradePhrases.upgrade(a);
    if (!upgrade.isEmpty()) {
      fields.add(field("Upgrade", String.join("\n", upgrade)));
    }
    return fields;
  }

  private List<LayoutBlock> matrix(MatrixAnswer m, Reply reply, int window) {
    List<LayoutBlock> out = new ArrayList<>();
    out.add(header(":bar_chart: Support matrix " + ReplyPhrases.when(reply)));
    List<LineAnswer> rows = m.lines();
    for (LineAnswer a : rows.subList(0, Math.min(rows.size(), MATRIX_ROWS))) {
      ReleaseLine line = a.line().orElseThrow();
      String patch = a.upgrade().linePatch().map(p -> " · latest " + p.version()).orElse("");
      out.add(
          textSection(
              Emoji.of(a.support())
                  + " *"
                  + line.label()
                  + "*: "
                  + Phrases.status(a.support())
                  + patch
                  + "\n"
                  + Phrases.untilWhen(a, window)));
    }
    if (rows.size() > MATRIX_ROWS) {
      out.add(contextLine("…and " + (rows.size() - MATRIX_ROWS) + " older lines, all expired."));
    }
    return out;
  }

  private static TextObject field(String title, String body) {
    return markdownText(SlackLimits.fit("*" + title + "*\n" + body, SlackLimits.FIELD_TEXT));
  }

  private static LayoutBlock textSection(String mrkdwn) {
    return section(s -> s.text(markdownText(SlackLimits.fit(mrkdwn, SlackLimits.SECTION_TEXT))));
  }

  private static LayoutBlock contextLine(String mrkdwn) {
    return context(c -> c.elements(List.of(markdownText(mrkdwn))));
  }

  private static LayoutBlock header(String text) {
    return Blocks.header(
        h -> h.text(plainText(SlackLimits.fit(text, SlackLimits.HEADER_TEXT), true)));
  }

  /** Slack's mrkdwn needs &, < and > escaped, so echoed user text can't ping or link. */
  public static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
