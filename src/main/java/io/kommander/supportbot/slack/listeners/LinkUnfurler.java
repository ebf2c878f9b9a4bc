package io.kommander.supportbot.slack.listeners;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.request.chat.ChatUnfurlRequest.UnfurlDetail;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.event.LinkSharedEvent;
import io.kommander.supportbot.slack.SlackAnswers;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A support page link pasted in Slack ({@code PUBLIC_URL/nkp/2.16}, {@code PUBLIC_URL/}) unfurls
 * into the answer the page gives: the line's status, or the matrix. Slack sends {@code
 * link_shared}; the bot answers with {@code chat.unfurl}, without waiting for it before the ack.
 * Unfurling again (Slack's redelivery) replaces the same preview, so it needs no ledger.
 */
public final class LinkUnfurler implements BoltEventHandler<LinkSharedEvent> {
  private static final Logger log = LoggerFactory.getLogger(LinkUnfurler.class);

  /** A line's page: {@code /nkp/2.16}, {@code /dkp/2.4}, {@code /kommander/1.4}. */
  private static final Pattern LINE_PAGE =
      Pattern.compile("/(kommander|konvoy|dkp|nkp)/(\\d{1,3}\\.\\d{1,3}(?:\\.\\d{1,3})?)/?");

  /** An unfurl is a preview: the matrix's first rows, not all of them. */
  static final int MAX_BLOCKS = 12;

  private final SlackAnswers answers;
  private final URI page;

  /**
   * @param pageUrl the support page's public base URL; links elsewhere are not unfurled
   */
  public LinkUnfurler(SlackAnswers answers, String pageUrl) {
    this.answers = answers;
    this.page = URI.create(pageUrl.endsWith("/") ? pageUrl : pageUrl + "/");
  }

  @Override
  public Response apply(EventsApiPayload<LinkSharedEvent> payload, EventContext ctx) {
    LinkSharedEvent event = payload.getEvent();
    Map<String, UnfurlDetail> unfurls = new LinkedHashMap<>();
    for (LinkSharedEvent.Link link :
        event.getLinks() == null ? List.<LinkSharedEvent.Link>of() : event.getLinks()) {
      question(link.getUrl())
          .ifPresent(
              q -> {
                List<LayoutBlock> blocks = answers.answer(q).blocks();
                unfurls.put(
                    link.getUrl(),
                    UnfurlDetail.builder()
                        .blocks(blocks.subList(0, Math.min(blocks.size(), MAX_BLOCKS)))
                        .build());
              });
    }
    if (!unfurls.isEmpty()) {
      ctx.asyncClient()
          .chatUnfurl(
              r ->
                  r.channel(event.getChannel())
                      .ts(event.getMessageTs())
                      .unfurlId(event.getUnfurlId())
                      .source(event.getSource())
                      .unfurls(unfurls))
          .whenComplete(
              (response, error) -> {
                if (error != null || !response.isOk()) {
                  log.warn(
                      "Unfurling {} link(s) failed: {}",
                      unfurls.size(),
                      error != null ? error.getMessage() : response.getError());
                }
              });
    }
    return ctx.ack();
  }

  /** What the page at {@code url} answers, when it is the support page's: "nkp 2.16", "matrix". */
  Optional<String> question(String url) {
    URI link;
    try {
      link = url == null ? null : URI.create(url);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (link == null
        || !page.getScheme().equalsIgnoreCase(String.valueOf(link.getScheme()))
        || !page.getAuthority().equalsIgnoreCase(String.valueOf(link.getAuthority()))
        || link.getPath() == null
        || !(link.getPath() + "/").startsWith(page.getPath())) {
      return Optional.empty();
    }
    String path = "/" + (link.getPath() + "/").substring(page.getPath().length());
    path = path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    if (path.equals("/")) {
      return Optional.of("matrix");
    }
    Matcher m = LINE_PAGE.matcher(path);
    return m.matches() ? Optional.of(m.group(1) + " " + m.group(2)) : Optional.empty();
  }
}
