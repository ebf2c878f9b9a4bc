package io.kommander.supportbot.slack.listeners;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.event.AppHomeOpenedEvent;
import io.kommander.supportbot.slack.HomeView;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** App Home: today's support matrix and the next end-of-support dates. */
public final class HomeTabListener implements BoltEventHandler<AppHomeOpenedEvent> {
  private static final Logger log = LoggerFactory.getLogger(HomeTabListener.class);

  private final HomeView home;

  public HomeTabListener(HomeView home) {
    this.home = home;
  }

  @Override
  public Response apply(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx)
      throws IOException, SlackApiException {
    AppHomeOpenedEvent event = payload.getEvent();
    if (!"home".equals(event.getTab())) {
      return ctx.ack();
    }
    var sent = ctx.client().viewsPublish(r -> r.userId(event.getUser()).view(home.view()));
    if (!sent.isOk()) {
      log.warn("views.publish failed: {}", sent.getError());
    }
    return ctx.ack();
  }
}
