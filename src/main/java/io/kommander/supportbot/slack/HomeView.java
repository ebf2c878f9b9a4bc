package io.kommander.supportbot.slack;

import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.model.view.Views;
import io.kommander.supportbot.policy.Answer.MatrixAnswer;
import io.kommander.supportbot.policy.Ending;
import io.kommander.supportbot.policy.Freshness;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.policy.Query;
import io.kommander.supportbot.policy.Question.AboutTopic;
import io.kommander.supportbot.policy.Question.Topic;
import io.kommander.supportbot.policy.Reply;
import io.kommander.supportbot.policy.Support;
import io.kommander.supportbot.render.CatalogPhrases;
import io.kommander.supportbot.render.ClusterPhrases;
import io.kommander.supportbot.slack.blocks.SlackLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The App Home tab: the matrix today, then when each supported line's support ends. */
public final class HomeView {
  private final SlackAnswers answers;

  public HomeView(SlackAnswers answers) {
    this.answers = answers;
  }

  /** The tab without a person's channels (no channel gets announcements). */
  public View view() {
    return view(List.of());
  }

  /**
   * @param channelRows the person's channels that get announcements, one line each
   */
  public View view(List<String> channelRows) {
    PolicyService service = answers.policy();
    Reply reply =
        service.answer(
            new Query(List.of(new AboutTopic(Topic.MATRIX)), Optional.empty(), List.of()));
    List<LayoutBlock> blocks = new ArrayList<>(answers.renderer().render(reply).blocks());
    blocks.add(divider());
    blocks.add(header(h -> h.text(plainText(":calendar: Next end-of-support dates", true))));
    blocks.add(
        section(s -> s.text(markdownText(nextEndings((MatrixAnswer) reply.answers().get(0))))));
    if (!channelRows.isEmpty()) {
      blocks.add(divider());
      blocks.add(header(h -> h.text(plainText(":mega: Your channels' announcements", true))));
      String rows = String.join("\n", channelRows);
      blocks.add(
          section(s -> s.text(markdownText(SlackLimits.fit(rows, SlackLimits.SECTION_TEXT)))));
    }
    blocks.add(divider());
    blocks.add(header(h -> h.text(plainText(":mag: Release data", true))));
    blocks.add(section(s -> s.text(markdownText(dataAge(service)))));
    return Views.view(
        v ->
            v.type("home")
                .blocks(blocks.subList(0, Math.min(blocks.size(), SlackLimits.HOME_BLOCKS))));
  }

  static String nextEndings(MatrixAnswer matrix) {
    List<String> rows = new ArrayList<>();
    for (var line : matrix.supported()) {
      Support.Supported s = (Support.Supported) line.support();
      Optional<Ending> ends = s.ends();
      rows.add("• *" + line.line().orElseThrow().label() + "*: " + ClusterPhrases.endsWhen(ends));
    }
    return rows.isEmpty() ? "No line is supported on this day." : String.join("\n", rows);
  }

  /** When the catalog was last checked, and whether today's answers may be stale. */
  static String dataAge(PolicyService service) {
    Freshness f = service.policy().freshness(service.today());
    return (f.stale() ? ":warning: " + CatalogPhrases.stale(f) + "\n" : ":white_check_mark: ")
        + CatalogPhrases.dataAge(f);
  }
}
