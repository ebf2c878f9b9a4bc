package io.kommander.supportbot.announce;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import io.kommander.supportbot.policy.Answer.LineAnswer;
import io.kommander.supportbot.policy.ReleaseLine;
import io.kommander.supportbot.policy.SupportPolicy;
import io.kommander.supportbot.policy.Version;
import io.kommander.supportbot.render.CatalogPhrases;
import io.kommander.supportbot.render.ReplyPhrases;
import io.kommander.supportbot.render.UpgradePhrases;
import io.kommander.supportbot.slack.blocks.SlackMessage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Renders an announcement as Block Kit with a text fallback, from the core's own answers. */
public final class AnnouncementMessages {
  private AnnouncementMessages() {}

  /**
   * @param late the post was due earlier, while the bot was down: say so
   */
  public static SlackMessage render(Announcement a, SupportPolicy policy, boolean late) {
    ReleaseLine line = a.end().line();
    ReleaseLine by = a.end().ending().by();
    LocalDate date = a.endDate();
    String headline =
        a.discovered()
            ? CatalogPhrases.lostSupport(line, by, date)
            : CatalogPhrases.announcement(line, by, date, a.leadDays());
    // Upgrade advice as of the end date (or the day a past end was learned): the core names the
    // newest line and its latest patch.
    LineAnswer advice =
        policy.status(
            line.product(), Version.of(line.kommander()), a.discovered() ? by.learned() : date);
    List<String> body = new ArrayList<>(UpgradePhrases.upgrade(advice));
    String lateNote =
        a.discovered()
            ? "Found late: the release data learned of " + by.label() + " on " + by.learned() + "."
            : late ? "Late: this was due at " + a.due() + " while the bot was not running." : null;

    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        header(
            h ->
                h.text(
                    plainText(
                        (a.dayOf() ? ":rotating_light: " : ":hourglass_flowing_sand: ")
                            + "End of support: "
                            + line.label(),
                        true))));
    blocks.add(
        section(s -> s.text(markdownText("*" + headline + "*\n" + String.join("\n", body)))));
    List<String> context = new ArrayList<>();
    if (lateNote != null) {
      context.add(":warning: " + lateNote);
    }
    context.add(
        "_"
            + ReplyPhrases.DERIVED
            + "_ · <"
            + Optional.ofNullable(policy.catalog().era(line.product()).termsUrl())
                .orElse(policy.catalog().settings().termsUrl())
            + "|Support terms>");
    context.forEach(c -> blocks.add(context(x -> x.elements(List.of(markdownText(c))))));

    // A missed post leads with its lateness; a found-late end leads with the end itself.
    List<String> text = new ArrayList<>();
    if (lateNote != null && !a.discovered()) {
      text.add(lateNote);
    }
    text.add(headline);
    text.addAll(body);
    if (a.discovered()) {
      text.add(lateNote);
    }
    return new SlackMessage(String.join("\n", text), blocks, true);
  }
}
