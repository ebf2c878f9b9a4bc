package io.kommander.barebolt;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jetty.SlackAppServer;
import com.slack.api.model.event.AppMentionEvent;

/**
 * The floor the bot is measured against: Bolt on its own Jetty server, acking the slash command
 * with a fixed text and answering a mention with a fixed reply, the same Web API call the bot
 * makes. Reads the bot's environment variables so both run under identical settings.
 */
public final class BareBoltApp {
  private BareBoltApp() {}

  public static void main(String[] args) throws Exception {
    SlackConfig slack = new SlackConfig();
    slack.setMethodsEndpointUrlPrefix(System.getenv("SLACK_API_URL"));
    App app =
        new App(
            AppConfig.builder()
                .slack(Slack.getInstance(slack))
                .singleTeamBotToken(System.getenv("SLACK_BOT_TOKEN"))
                .signingSecret(System.getenv("SLACK_SIGNING_SECRET"))
                .build());
    app.command("/kommander-support", (req, ctx) -> ctx.ack("Kommander 1.4 is supported."));
    app.event(
        AppMentionEvent.class,
        (payload, ctx) -> {
          AppMentionEvent event = payload.getEvent();
          ctx.client()
              .chatPostMessage(
                  r ->
                      r.channel(event.getChannel())
                          .threadTs(event.getTs())
                          .text("Kommander 1.4 is supported."));
          return ctx.ack();
        });
    new SlackAppServer(app, "/slack/events", Integer.parseInt(System.getenv("PORT"))).start();
  }
}
