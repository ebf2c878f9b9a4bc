package io.kommander.supportbot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.LinkSharedEvent;
import io.kommander.supportbot.delivery.Outbox;
import io.kommander.supportbot.slack.blocks.BlockKitRenderer;
import io.kommander.supportbot.slack.blocks.SlackMessage;
import io.kommander.supportbot.slack.listeners.CheckMessageShortcut;
import io.kommander.supportbot.slack.listeners.HomeTabListener;
import io.kommander.supportbot.slack.listeners.LinkUnfurler;
import io.kommander.supportbot.slack.listeners.MentionListener;
import io.kommander.supportbot.slack.listeners.ShareAction;
import io.kommander.supportbot.slack.listeners.SubscriptionCommand;
import io.kommander.supportbot.slack.listeners.SupportCommand;
import io.kommander.supportbot.slack.listeners.VersionCheckStep;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Assembles the Bolt app: one slash command (questions, the schedule and channel subscriptions),
 * mentions, the message shortcut, the share button, App Home, the Workflow Builder step and link
 * unfurls.
 */
public final class SlackApp {
  private SlackApp() {}

  /**
   * What the app is made of.
   *
   * @param apiUrl the Web API base ({@code https://slack.com/api/}; GovSlack, proxies and tests
   *     change it)
   * @param schedule renders the announcement schedule
   * @param outbox posts mention replies once, after the ack
   * @param once which clicks were handled: shared by replicas when they share a database
   * @param subscriptions the channels' own choice of announcements
   * @param publicUrl the support page's address ({@code PUBLIC_URL}), whose links are unfurled
   */
  public record Parts(
      String botToken,
      String apiUrl,
      SlackAnswers answers,
      Supplier<SlackMessage> schedule,
      Outbox outbox,
      Once once,
      SubscriptionCommand subscriptions,
      Optional<String> publicUrl) {}

  public static App create(Parts parts) {
    String botToken = parts.botToken();
    String apiUrl = parts.apiUrl();
    SlackAnswers answers = parts.answers();
    Outbox outbox = parts.outbox();
    Optional<String> publicUrl = parts.publicUrl();
    AppConfig.AppConfigBuilder config =
        AppConfig.builder().slack(SlackClients.forApi(apiUrl)).singleTeamBotToken(botToken);
    // Bolt does not check signatures: over HTTP SlackEventsServlet has checked the whole body's
    // signature and age before Bolt sees it (twice would cost a second HMAC per request), and
    // Socket Mode's requests arrive over Slack's own socket, with nothing to check.
    config.requestVerificationEnabled(false);
    App app = new App(config.build());
    app.use(new SlackRequestMetrics());
    app.command(
        SupportCommand.COMMAND,
        new SupportCommand(answers, parts.schedule(), parts.subscriptions()));
    app.blockAction(BlockKitRenderer.SHARE_ACTION, new ShareAction(answers, parts.once()));
    app.event(AppMentionEvent.class, new MentionListener(answers, outbox));
    app.messageShortcut(
        CheckMessageShortcut.CALLBACK_ID, new CheckMessageShortcut(answers, outbox));
    app.event(
        AppHomeOpenedEvent.class,
        new HomeTabListener(new HomeView(answers), parts.subscriptions()));
    app.function(
        VersionCheckStep.CALLBACK_ID, new VersionCheckStep(answers, app.executorService()));
    // Links to the support page unfurl only where there is a public page to link to.
    publicUrl.ifPresent(url -> app.event(LinkSharedEvent.class, new LinkUnfurler(answers, url)));
    return app;
  }
}
