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
          "Announcements are off. To turn them on, set SLACK_BOT_TOKEN and enable them in"
              + " config/announcements.yaml; then channels subscribe with `/kommander-support"
              + " subscribe`.");
    } else {
      AnnouncementSettings s = scheduler.get().settings();
      List<String> where = new ArrayList<>(s.channels().stream().map(c -> "<#" + c + ">").toList());
      long subscribed = scheduler.get().subscribedChannels();
      if (subscribed > 0) {
        where.add(subscribed + " channel(s) subscribed from Slack");
      }
      lines.add(
          "Posted to "
              + (where.isEmpty()
                  ? "the channels that subscribe (none yet: `/kommander-support subscribe` in one)"
                  : ReplyPhrases.and(where))
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
      upcoming.forEach(a -> lines.add("• " + summary(a)));
    }
    String text = String.join("\n", lines);
    return new SlackMessage(
        text,
        List.of(
            header(h -> h.text(plainText(":mega: End-of-support announcements", true))),
            section(x -> x.text(markdownText(SlackLimits.fit(text, SlackLimits.SECTION_TEXT))))),
        true);
  }

  /** When an announcement goes out, and what it says, in one line. */
  public static String summary(Announcement a) {
    return a.due()
        + ": "
        + (a.dayOf()
            ? "support for "
                + a.end().line().label()
                + " ends ("
                + a.end().ending().by().release()
                + " ships)"
            : a.leadDays() + "-day warning for " + a.end().line().label());
  }
}
