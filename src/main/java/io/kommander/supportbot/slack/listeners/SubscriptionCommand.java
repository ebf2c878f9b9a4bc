package io.kommander.supportbot.slack.listeners;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import io.kommander.supportbot.delivery.Outbox;
import io.kommander.supportbot.delivery.Post;
import io.kommander.supportbot.delivery.Subscriptions;
import io.kommander.supportbot.delivery.Subscriptions.Subscription;
import io.kommander.supportbot.slack.ChannelLines;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /kommander-support subscribe [LINES]}, {@code unsubscribe [LINES]} and {@code
 * subscriptions}: a channel's own choice of end-of-support announcements, made by anyone in it (as
 * with Slack's RSS app). Answers go to the person alone; a change is announced in the channel in
 * one line, through the outbox. That post is also the test of whether the bot is in the channel: if
 * Slack refuses it, a subscription just made is taken back and the person is told how to invite the
 * bot. Channels named by whoever runs the bot ({@code ANNOUNCE_CHANNELS}) get every line and cannot
 * be changed from Slack.
 */
public final class SubscriptionCommand {
  private static final Logger log = LoggerFactory.getLogger(SubscriptionCommand.class);
  private static final Set<String> VERBS = Set.of("subscribe", "unsubscribe", "subscriptions");

  /**
   * Compiled once: {@link #verb} runs on every slash command ({@code String.split} compiles per
   * call).
   */
  private static final Pattern SPACES = Pattern.compile("\\s+");

  public static final String NOT_IN_CHANNEL =
      "I am not in this channel, so I could not announce anything here and nothing was changed."
          + " Invite me first (`/invite @kommander-support`), then subscribe again.";
  static final String FIXED =
      "This channel gets every line's announcements because whoever runs the bot named it"
          + " (ANNOUNCE_CHANNELS); that cannot be changed from Slack.";

  private final ChannelLines lines;
  private final Subscriptions store;
  private final Outbox outbox;
  private final Set<String> fixed;
  private final Function<Set<String>, Optional<String>> next;
  private final Clock clock;

  /**
   * @param fixed the channels {@code ANNOUNCE_CHANNELS} or the config file name
   * @param next the next announcement a channel with these lines will see (Kommander minors, or
   *     {@link Subscriptions#ALL}), in words
   */
  public SubscriptionCommand(
      ChannelLines lines,
      Subscriptions store,
      Outbox outbox,
      Set<String> fixed,
      Function<Set<String>, Optional<String>> next,
      Clock clock) {
    this.lines = lines;
    this.store = store;
    this.outbox = outbox;
    this.fixed = Set.copyOf(fixed);
    this.next = next;
    this.clock = clock;
  }

  /** The verb {@code text} starts with, when it is one of these commands. */
  public static Optional<String> verb(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String first = SPACES.split(text.strip(), 2)[0].toLowerCase(Locale.ROOT);
    return VERBS.contains(first) ? Optional.of(first) : Optional.empty();
  }

  public Response apply(String verb, SlashCommandPayload p, SlashCommandContext ctx) {
    String rest = p.getText().strip().substring(verb.length()).strip();
    String channel = p.getChannelId();
    return switch (verb) {
      case "subscriptions" -> tell(ctx, describe(channel));
      case "subscribe" -> change(true, rest, p, ctx);
      default -> change(false, rest, p, ctx);
    };
  }

  /** What the channel gets, and the next announcement it will see. */
  String describe(String channel) {
    List<String> out = new ArrayList<>();
    List<Subscription> mine = store.of(channel);
    if (!fixed.contains(channel) && mine.isEmpty()) {
      return "This channel gets no end-of-support announcements. `/kommander-support subscribe`"
          + " gets every line's; `/kommander-support subscribe nkp 2.16` one line's.";
    }
    out.add("This channel gets end-of-support announcements for:");
    if (fixed.contains(channel)) {
      out.add("• every line: named by whoever runs the bot (ANNOUNCE_CHANNELS)");
    }
    for (Subscription s : mine) {
      out.add(
          "• "
              + lines.label(s.line())
              + ": subscribed by <@"
              + s.by()
              + "> on "
              + s.at().toString().substring(0, 10));
    }
    out.add(
        next.apply(lines(channel, mine))
            .map(n -> "Next: " + n + ".")
            .orElse("Nothing is scheduled for these lines yet."));
    return String.join("\n", out);
  }

  /**
   * The channels with announcements, of those given (a person's), each in one line. Subscriptions
   * are read once for all of them: a person may be in hundreds of channels.
   */
  public List<String> homeRows(Collection<String> channels) {
    Map<String, List<Subscription>> byChannel =
        store.all().stream().collect(Collectors.groupingBy(Subscription::channel));
    List<String> rows = new ArrayList<>();
    for (String channel : new TreeSet<>(channels)) {
      Set<String> mine = lines(channel, byChannel.getOrDefault(channel, List.of()));
      if (mine.isEmpty()) {
        continue;
      }
      rows.add(
          "• <#"
              + channel
              + ">: "
              + lines.labels(List.copyOf(mine))
              + next.apply(mine).map(n -> ". Next: " + n).orElse(""));
    }
    return rows;
  }

  /** Whether any channel gets announcements at all (else a person's channels need no listing). */
  public boolean any() {
    return !fixed.isEmpty() || !store.all().isEmpty();
  }

  /** The lines a channel gets: every line if it is configured, else those it subscribed to. */
  private Set<String> lines(String channel, List<Subscription> subscribed) {
    if (fixed.contains(channel)) {
      return Set.of(Subscriptions.ALL);
    }
    Set<String> out = new TreeSet<>();
    subscribed.forEach(s -> out.add(s.line()));
    return out;
  }

  private Response change(
      boolean subscribe, String rest, SlashCommandPayload p, SlashCommandContext ctx) {
    String channel = p.getChannelId();
    if (fixed.contains(channel)) {
      return tell(ctx, FIXED);
    }
    ChannelLines.Read read = lines.read(rest, subscribe);
    if (read.problem().isPresent()) {
      return tell(ctx, read.problem().get());
    }
    List<String> asked = read.lines().isEmpty() ? List.of(Subscriptions.ALL) : read.lines();
    List<Subscription> current = store.of(channel);
    boolean everyLine = current.stream().anyMatch(Subscription::everyLine);
    List<String> changed = new ArrayList<>();
    if (subscribe) {
      if (everyLine) {
        return tell(ctx, "This channel already gets every line's announcements.");
      }
      for (String line : asked) {
        if (store.add(new Subscription(channel, line, p.getUserId(), clock.instant()))) {
          changed.add(line);
        }
      }
    } else if (read.lines().isEmpty()) {
      current.stream()
          .map(Subscription::line)
          .filter(line -> store.remove(channel, line))
          .forEach(changed::add);
    } else {
      if (everyLine) {
        return tell(
            ctx,
            "This channel gets every line's announcements: `/kommander-support unsubscribe` stops"
                + " them all, then subscribe to the lines you want.");
      }
      asked.stream().filter(line -> store.remove(channel, line)).forEach(changed::add);
    }
    if (changed.isEmpty()) {
      return tell(
          ctx,
          subscribe
              ? "This channel already gets announcements for " + lines.labels(asked) + "."
              : "This channel was not subscribed to " + lines.labels(asked) + ".");
    }
    announce(subscribe, changed, p, ctx);
    return ctx.ack();
  }

  /** One visible line in the channel; then the person hears how it went. */
  private void announce(
      boolean subscribe, List<String> changed, SlashCommandPayload p, SlashCommandContext ctx) {
    String channel = p.getChannelId();
    String what = lines.labels(changed);
    String notice =
        subscribe
            ? ":mega: <@"
                + p.getUserId()
                + "> subscribed this channel to end-of-support announcements for "
                + what
                + "."
            : ":mega: <@"
                + p.getUserId()
                + "> unsubscribed this channel from end-of-support announcements for "
                + what
                + ".";
    String key = Outbox.REPLY + "subscription:" + channel + ":" + p.getTriggerId();
    outbox
        .sendAndReport(new Post(key, channel, null, notice, null))
        .thenAccept(
            attempt -> {
              if (subscribe
                  && attempt
                      .failure()
                      .filter(CheckMessageShortcut.CANNOT_POST::contains)
                      .isPresent()) {
                changed.forEach(line -> store.remove(channel, line));
                log.info(
                    "Not subscribing {}: Slack refused the notice ({})",
                    channel,
                    attempt.failure().get());
                followUp(ctx, NOT_IN_CHANNEL);
              } else {
                followUp(
                    ctx,
                    (subscribe ? "Subscribed" : "Unsubscribed")
                        + " this channel: "
                        + what
                        + ".\n"
                        + describe(channel));
              }
            });
  }

  /** An ephemeral message to the person after the ack; a failure is only logged. */
  private static void followUp(SlashCommandContext ctx, String text) {
    ResponseUrls.tell(
        "Slash command",
        ctx.getResponseUrl(),
        () -> ctx.respond(r -> r.responseType("ephemeral").text(text)));
  }

  private static Response tell(SlashCommandContext ctx, String text) {
    return ctx.ack(r -> r.responseType("ephemeral").text(text));
  }
}
