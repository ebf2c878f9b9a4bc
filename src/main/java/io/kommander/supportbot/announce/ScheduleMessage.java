package io.kommander.supportbot.announce;

import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import io.kommander.supportbot.render.ReplyPhrases;
import io.kommander.supportbot.slack.blocks.SlackLimits;
import io.kommander.supportbot.slack.blocks.SlackMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** "/kommander-support announcements": what will be posted, when and where. */
public final class ScheduleMessage {
  private ScheduleMessage() {}

  public static SlackMessage render(Optional<AnnouncementScheduler> scheduler) {
    List<String> lines = new ArrayList<>();
    if (scheduler.isEmpty()) {
      lines.add(
          "Announcements are off. To turn them on, set ANNOUNCE_CHANNELS (channel ids) and invite the bot to those channels.");
    } else {
      AnnouncementSettings s = scheduler.get().settings();
      lines.add(
          "Posted to "
              + String.join(", ", s.channels().stream().map(c -> "<#" + c + ">").toList())
              + " at "
              + s.time()
              + " "
              + s.zone()
              + ", "
              + ReplyPhrases.days(s.leadDays())
              + " ahead and on the day.");
      List<Announcement> upcoming = scheduler.get().upcoming();
      if (upcoming.isEmpty()) {
        lines.add(
            "Nothing is scheduled: no planned release with a date would end support for a line.");
      }
      for (Announcement a : upcoming) {
        lines.add(
            "• "
                + a.due()
                + ": "
                + (a.dayOf()
                    ? "support for "
                        + a.end().line().label()
                        + " ends ("
                        + a.end().ending().by().release()
                        + " ships)"
                    : a.leadDays() + "-day warning for " + a.end().line().label()));
      }
    }
    String text = String.join("\n", lines);
    return new SlackMessage(
        text,
        List.of(
            header(h -> h.text(plainText(":mega: End-of-support announcements", true))),
            section(x -> x.text(markdownText(SlackLimits.fit(text, SlackLimits.SECTION_TEXT))))),
        true);
  }
}
