package io.kommander.supportbot.slack.listeners;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.ConversationType;
import com.slack.api.model.event.AppHomeOpenedEvent;
import io.kommander.supportbot.slack.HomeView;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * App Home: today's support matrix, the next end-of-support dates, and which of the person's
 * channels get announcements (read with {@code users.conversations}, only when some channel does).
 */
public final class HomeTabListener implements BoltEventHandler<AppHomeOpenedEvent> {
  private static final Logger log = LoggerFactory.getLogger(HomeTabListener.class);

  /** Pages of a person's channels read at most (1,000 each). */
  static final int MAX_PAGES = 10;

  private final HomeView home;
  private final SubscriptionCommand subscriptions;

  public HomeTabListener(HomeView home, SubscriptionCommand subscriptions) {
    this.home = home;
    this.subscriptions = subscriptions;
  }

  @Override
  public Response apply(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx)
      throws IOException, SlackApiException {
    AppHomeOpenedEvent event = payload.getEvent();
    if (!"home".equals(event.getTab())) {
      return ctx.ack();
    }
    List<String> rows = channelRows(ctx, event.getUser());
    var sent = ctx.client().viewsPublish(r -> r.userId(event.getUser()).view(home.view(rows)));
    if (!sent.isOk()) {
      log.warn("views.publish failed: {}", sent.getError());
    }
    return ctx.ack();
  }

  /**
   * The person's channels that get announcements; one line saying why when Slack would not list.
   */
  private List<String> channelRows(EventContext ctx, String user)
      throws IOException, SlackApiException {
    if (!subscriptions.any()) {
      return List.of();
    }
    List<String> channels = new ArrayList<>();
    String cursor = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      String from = cursor;
      var r =
          ctx.client()
              .usersConversations(
                  q ->
                      q.user(user)
                          .types(
                              List.of(
                                  ConversationType.PUBLIC_CHANNEL,
                                  ConversationType.PRIVATE_CHANNEL))
                          .excludeArchived(true)
                          .limit(1000)
                          .cursor(from));
      if (!r.isOk()) {
        log.warn("users.conversations failed: {}", r.getError());
        return List.of("I could not list your channels (Slack answered " + r.getError() + ").");
      }
      r.getChannels().forEach(c -> channels.add(c.getId()));
      cursor = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
      if (cursor == null || cursor.isEmpty()) {
        break;
      }
    }
    List<String> rows = subscriptions.homeRows(channels);
    return rows.isEmpty()
        ? List.of(
            "None of your channels gets end-of-support announcements. In one,"
                + " `/kommander-support subscribe` gets every line's; `subscribe nkp 2.16` one"
                + " line's.")
        : rows;
  }
}
