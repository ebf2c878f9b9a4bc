package io.kommander.supportbot.slack.blocks;

import static com.slack.api.model.block.Blocks.image;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static io.kommander.supportbot.slack.blocks.BlockKitRenderer.contextLine;
import static io.kommander.supportbot.slack.blocks.BlockKitRenderer.escape;
import static io.kommander.supportbot.slack.blocks.BlockKitRenderer.header;
import static io.kommander.supportbot.slack.blocks.BlockKitRenderer.textSection;

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
import io.kommander.supportbot.policy.NearMissAnswer;
import io.kommander.supportbot.policy.NotOursAnswer;
import io.kommander.supportbot.policy.PlatformAppsAnswer;
import io.kommander.supportbot.policy.PrereleaseAnswer;
import io.kommander.supportbot.policy.Product;
import io.kommander.supportbot.policy.ReleaseLine;
import io.kommander.supportbot.policy.Reply;
import io.kommander.supportbot.policy.SecondarySupport;
import io.kommander.supportbot.policy.UpgradeOrderAnswer;
import io.kommander.supportbot.render.Phrases;
import io.kommander.supportbot.render.ReplyPhrases;
import io.kommander.supportbot.render.ScopePhrases;
import io.kommander.supportbot.render.TopicPhrases;
import io.kommander.supportbot.render.UpgradePhrases;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One answer as Block Kit blocks, one method per kind of answer: a kind left out does not compile.
 * The reply's day and the policy's window are what every kind may need.
 */
final class AnswerBlocks implements Answer.Visitor<List<LayoutBlock>> {
  private final Reply reply;
  private final int window;
  private final Optional<String> pageUrl;

  /**
   * @param pageUrl where Slack can fetch the timeline image ({@code PUBLIC_URL}); none when empty
   */
  AnswerBlocks(Reply reply, int window, Optional<String> pageUrl) {
    this.reply = reply;
    this.window = window;
    this.pageUrl = pageUrl;
  }

  @Override
  public List<LayoutBlock> line(LineAnswer a) {
    List<LayoutBlock> out = new ArrayList<>();
    out.add(
        header(
            Emoji.of(a.support()) + " " + Phrases.subject(a) + ": " + Phrases.status(a.support())));
    out.add(section(s -> s.fields(lineFields(a))));
    Phrases.naming(a).ifPresent(n -> out.add(contextLine(":label: " + n)));
    return out;
  }

  @Override
  public List<LayoutBlock> compatibility(CompatibilityAnswer c) {
    List<LayoutBlock> out = new ArrayList<>();
    List<String> lines = TopicPhrases.compatibility(c, window);
    out.add(header(Emoji.of(c.verdict()) + " " + TopicPhrases.pair(c)));
    String when = reply.asOfGiven() ? " (" + ReplyPhrases.when(reply) + ")" : "";
    List<String> body = new ArrayList<>(List.of("*" + lines.get(0) + "*" + when));
    body.addAll(lines.subList(1, lines.size()));
    out.add(textSection(String.join("\n", body)));
    return out;
  }

  @Override
  public List<LayoutBlock> matrix(MatrixAnswer m) {
    List<LayoutBlock> out = new ArrayList<>();
    // Slack fetches the picture from the bot's public address: without one, no broken image.
    pageUrl.ifPresent(
        url ->
            out.add(
                image(
                    i ->
                        i.imageUrl(url + "/timeline.png?asOf=" + m.asOf())
                            .altText(SlackLimits.fit(timelineAlt(m), SlackLimits.ALT_TEXT))
                            .title(plainText("Support over time")))));
    out.addAll(matrixRows(m));
    return out;
  }

  /** What the picture shows, in words: every line and its status. */
  private static String timelineAlt(MatrixAnswer m) {
    return "Support timeline as of "
        + m.asOf()
        + ", one bar per line from GA to end of support: "
        + String.join(
            "; ",
            m.lines().stream()
                .map(a -> a.line().orElseThrow().label() + " " + Phrases.status(a.support()))
                .toList())
        + ".";
  }

  @Override
  public List<LayoutBlock> kubernetes(KubernetesAnswer k) {
    List<LayoutBlock> out = new ArrayList<>();
    out.add(header(":ship: Kubernetes " + k.kubernetes()));
    out.add(textSection(escape(String.join("\n", TopicPhrases.kubernetes(k)))));
    return out;
  }

  @Override
  public List<LayoutBlock> kubernetesFit(KubernetesFitAnswer f) {
    List<LayoutBlock> out = new ArrayList<>();
    out.add(
        header(
            (f.fits().orElse(false) ? ":white_check_mark: " : ":no_entry: ")
                + Phrases.subject(f.line())
                + " on Kubernetes "
                + f.kubernetes()));
    out.add(textSection(escape(String.join("\n", TopicPhrases.kubernetesFit(f, window)))));
    return out;
  }

  @Override
  public List<LayoutBlock> upcoming(UpcomingAnswer u) {
    List<LayoutBlock> out = new ArrayList<>();
    out.add(header(":spiral_calendar_pad: Coming up"));
    out.add(textSection(escape(String.join("\n", TopicPhrases.upcoming(u)))));
    return out;
  }

  @Override
  public List<LayoutBlock> upgradePath(UpgradePathAnswer p) {
    List<LayoutBlock> out = new ArrayList<>();
    out.add(header(":arrow_up: Upgrade path from " + Phrases.subject(p.from())));
    out.add(textSection(escape(String.join("\n", UpgradePhrases.upgradePath(p, window)))));
    return out;
  }

  @Override
  public List<LayoutBlock> bps(BpsAnswer b) {
    List<LayoutBlock> out = new ArrayList<>();
    out.add(header(":package: BPS " + b.tag()));
    out.add(textSection(escape(String.join("\n", TopicPhrases.bps(b.tag(), b.kubernetes())))));
    return out;
  }

  @Override
  public List<LayoutBlock> experimental(ExperimentalAnswer e) {
    List<LayoutBlock> out = new ArrayList<>();
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
    return out;
  }

  @Override
  public List<LayoutBlock> secondary(SecondaryAnswer s) {
    List<LayoutBlock> out = new ArrayList<>();
    out.add(header(":jigsaw: Secondary support: platform applications"));
    out.add(textSection(escape(s.table().appliesTo())));
    for (SecondarySupport.Type type : s.table().types()) {
      List<String> body =
          new ArrayList<>(List.of("*" + escape(type.type()) + "*: " + escape(type.support())));
      type.scope().forEach(x -> body.add("• " + escape(x)));
      out.add(textSection(String.join("\n", body)));
    }
    return out;
  }

  @Override
  public List<LayoutBlock> notOurs(NotOursAnswer a) {
    return List.of(textSection(":information_source: " + escape(ScopePhrases.notOurs(a))));
  }

  @Override
  public List<LayoutBlock> platformApps(PlatformAppsAnswer a) {
    return BlockKitRenderer.headed(":jigsaw:", ScopePhrases.platformApps(a));
  }

  @Override
  public List<LayoutBlock> prerelease(PrereleaseAnswer a) {
    List<LayoutBlock> out = new ArrayList<>();
    out.add(textSection(":construction: " + escape(ScopePhrases.prerelease(a))));
    out.addAll(line(a.line()));
    return out;
  }

  @Override
  public List<LayoutBlock> nearMiss(NearMissAnswer a) {
    List<LayoutBlock> out = new ArrayList<>();
    out.add(textSection(":mag: " + escape(ScopePhrases.nearMiss(a))));
    out.addAll(line(a.line()));
    return out;
  }

  @Override
  public List<LayoutBlock> upgradeOrder(UpgradeOrderAnswer a) {
    return BlockKitRenderer.headed(":arrows_clockwise:", ScopePhrases.upgradeOrder(a));
  }

  /** What only Slack can do: a channel's own announcements. */
  static final String SLACK_ONLY =
      "In a channel: `/kommander-support subscribe nkp 2.16` (or `subscribe` for every line) gets"
          + " its end-of-support announcements; `subscriptions` shows them, `unsubscribe` stops"
          + " them, `announcements` shows the schedule.";

  @Override
  public List<LayoutBlock> help(Answer.HelpAnswer h) {
    List<LayoutBlock> out = new ArrayList<>();
    out.add(header(":wave: " + ReplyPhrases.HELP));
    out.add(
        textSection(
            String.join(
                "\n",
                ReplyPhrases.EXAMPLES.stream()
                    .map(x -> "• `/kommander-support " + x.ask() + "`  (" + x.answers() + ")")
                    .toList())));
    out.add(textSection(SLACK_ONLY));
    return out;
  }

  private List<TextObject> lineFields(LineAnswer a) {
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

  private List<LayoutBlock> matrixRows(MatrixAnswer m) {
    List<LayoutBlock> out = new ArrayList<>();
    out.add(header(":bar_chart: Support matrix " + ReplyPhrases.when(reply)));
    List<LineAnswer> rows = m.lines();
    for (LineAnswer a : rows.subList(0, Math.min(rows.size(), BlockKitRenderer.MATRIX_ROWS))) {
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
    if (rows.size() > BlockKitRenderer.MATRIX_ROWS) {
      out.add(
          contextLine(
              "…and "
                  + (rows.size() - BlockKitRenderer.MATRIX_ROWS)
                  + " older lines, all expired."));
    }
    return out;
  }

  private static TextObject field(String title, String body) {
    return markdownText(SlackLimits.fit("*" + title + "*\n" + body, SlackLimits.FIELD_TEXT));
  }
}
