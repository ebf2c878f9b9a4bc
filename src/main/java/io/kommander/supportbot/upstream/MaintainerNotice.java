package io.kommander.supportbot.upstream;

import io.kommander.supportbot.catalog.LiveCatalog;
import io.kommander.supportbot.delivery.Post;
import io.kommander.supportbot.json.Json;
import io.kommander.supportbot.policy.Catalog;
import io.kommander.supportbot.policy.FoundRelease;
import io.kommander.supportbot.policy.Product;
import io.kommander.supportbot.policy.ProvisionalReleases;
import io.kommander.supportbot.policy.ReleaseLine;
import io.kommander.supportbot.policy.ReleaseStatus;
import io.kommander.supportbot.policy.Support;
import io.kommander.supportbot.policy.SupportPolicy;
import io.kommander.supportbot.render.Phrases;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one notice per new upstream release for the catalog's maintainers: what was found, what it
 * changes for whom, and the YAML to paste into {@code config/releases.yaml}.
 */
public final class MaintainerNotice {

  private MaintainerNotice() {}

  /** Keyed by release and channel: every replica and restart records the same key, once. */
  public static Post post(String channel, FoundRelease f, LiveCatalog live) {
    String text = text(live.reviewed(), f, live.get().today());
    return new Post("upstream:v" + f.version() + ":" + channel, channel, null, text, blocks(text));
  }

  /** The notice's words, from the reviewed catalog before and after the release is merged in. */
  public static String text(Catalog reviewed, FoundRelease f, LocalDate today) {
    Catalog merged = ProvisionalReleases.merge(reviewed, List.of(f)).catalog();
    List<String> out = new ArrayList<>();
    out.add(
        "New upstream release: tag v"
            + f.version()
            + " (commit dated "
            + f.date()
            + "), not in the reviewed catalog. Answers already use it, marked provisional.");
    List<String> changes = changes(reviewed, merged, today);
    out.add(changes.isEmpty() ? "It changes no line's support today." : String.join(" ", changes));
    out.add("Add to config/releases.yaml once checked against the release notes:");
    out.add("```\n" + yaml(reviewed, f) + "```");
    return String.join("\n", out);
  }

  /** "NKP 2.16 loses support." for each line supported (or in doubt) before and not after. */
  static List<String> changes(Catalog before, Catalog after, LocalDate today) {
    SupportPolicy was = new SupportPolicy(before);
    SupportPolicy is = new SupportPolicy(after);
    List<String> out = new ArrayList<>();
    for (ReleaseLine line : before.lines()) {
      Support then = was.support(line, today);
      ReleaseLine now = after.line(line.product(), line.kommander()).orElse(line);
      Support support = is.support(now, today);
      boolean lost =
          (then.isSupported() || then instanceof Support.InDoubt)
              && support instanceof Support.Expired;
      if (lost) {
        out.add(line.label() + " loses support.");
      } else if (!then.isSupported() && support.isSupported()) {
        out.add(line.label() + " is now " + Phrases.status(support) + ".");
      }
    }
    return out;
  }

  /** The YAML for the catalog: a patch line for a known line, or a whole new line. */
  static String yaml(Catalog reviewed, FoundRelease f) {
    String patch = "      - { version: \"" + f.version() + "\", date: " + f.date() + " }\n";
    Optional<ReleaseLine> known = reviewed.line(Product.KOMMANDER, f.version().line());
    if (known.filter(l -> l.status() == ReleaseStatus.RELEASED).isPresent()) {
      return "# under " + known.get().label() + ", patches:\n" + patch;
    }
    String replaces =
        known
            .map(
                l ->
                    "# in place of the "
                        + l.status().name().toLowerCase(Locale.ROOT)
                        + " "
                        + l.label()
                        + " entry, keeping its sources:\n")
            .orElse("");
    String product =
        reviewed.lines().get(reviewed.lines().size() - 1).product().name().toLowerCase(Locale.ROOT);
    return replaces
        + "  - kommander: \""
        + f.version().line()
        + "\"\n    product: "
        + product
        + "\n    status: released\n    released: "
        + f.date()
        + "\n    confidence: approximate\n    patches:\n"
        + patch
        + "    source: KA tag v"
        + f.version()
        + "\n";
  }

  private static String blocks(String text) {
    return Json.write(
        List.of(
            Map.of(
                "type",
                "section",
                "text",
                Map.of("type", "mrkdwn", "text", Phrases.cut(text, 3000)))));
  }
}
