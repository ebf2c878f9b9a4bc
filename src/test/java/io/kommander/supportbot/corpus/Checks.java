package io.kommander.supportbot.corpus;

import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.policy.Product;
import io.kommander.supportbot.policy.ReleaseLine;
import io.kommander.supportbot.policy.Reply;
import io.kommander.supportbot.policy.Support;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A corpus case's labels checked against a reply: what was read, and what was said. */
final class Checks {
  private Checks() {}

  /** What the reply read: its lines with their states, the versions asked, its intent. */
  record Read(Set<String> lines, Set<String> versions, String intent) {}

  static List<String> structure(CorpusCase c, Reply reply, PolicyService policy) {
    List<String> out = new ArrayList<>();
    Read read = ReplyReading.of(reply, policy);
    for (CorpusCase.Line l : c.expect().lines()) {
      String want = l.product() + " " + l.line() + " " + l.state();
      if (!read.lines().contains(want)) {
        out.add("line " + want + " not read (read " + read.lines() + ")");
      }
    }
    for (String v : c.expect().versions()) {
      if (!read.versions().contains(bare(v))) {
        out.add("version " + v + " not read (read " + read.versions() + ")");
      }
    }
    for (String v : c.expect().not_ours()) {
      if (read.versions().contains(bare(v))) {
        out.add(v + " read as ours");
      }
    }
    if (!c.expect().intent().equals(read.intent())) {
      out.add("intent " + read.intent() + ", not " + c.expect().intent());
    }
    String asOf = reply.asOfGiven() ? reply.asOf().toString() : null;
    if (c.expect().as_of() == null ? asOf != null : !c.expect().as_of().equals(asOf)) {
      out.add("as of " + asOf + ", not " + c.expect().as_of());
    }
    return out;
  }

  /** The labels a rendered answer shows: what it must and must never say, in any case. */
  static List<String> words(CorpusCase c, String path, String rendered) {
    List<String> out = new ArrayList<>();
    String text = rendered.toLowerCase(Locale.ROOT);
    for (String s : c.expect().says()) {
      if (!text.contains(s.toLowerCase(Locale.ROOT))) {
        out.add(path + " does not say \"" + s + "\"");
      }
    }
    for (String s : c.expect().never_says()) {
      if (text.contains(s.toLowerCase(Locale.ROOT))) {
        out.add(path + " says \"" + s + "\"");
      }
    }
    for (String k : c.expect().kubernetes()) {
      if (!text.contains("kubernetes " + k)) {
        out.add(path + " does not connect Kubernetes " + k);
      }
    }
    if (!c.expect().others().isEmpty()
        && !text.contains("not one of the products this bot covers")) {
      out.add(path + " does not say " + c.expect().others() + " is not covered");
    }
    for (String app : c.expect().platform_apps()) {
      if (!text.contains(app)) {
        out.add(path + " does not name " + app);
      }
    }
    for (CorpusCase.Line l : c.expect().lines()) {
      if (!text.contains(l.line())) {
        out.add(path + " does not name " + l.line());
      }
    }
    return out;
  }

  /** Our label for where a line stands (SCHEMA.md). */
  static String state(Support s) {
    return s.accept(
        new Support.Visitor<String>() {
          @Override
          public String supported(Support.Supported x) {
            return "supported";
          }

          @Override
          public String inDoubt(Support.InDoubt x) {
            return "in-doubt";
          }

          @Override
          public String expired(Support.Expired x) {
            return "expired";
          }

          @Override
          public String predates(Support.Predates x) {
            return "expired";
          }

          @Override
          public String notYetReleased(Support.NotYetReleased x) {
            return "unknown";
          }

          @Override
          public String unconfirmed(Support.Unconfirmed x) {
            return "announced";
          }

          @Override
          public String neverReleased(Support.NeverReleased x) {
            return "never-released";
          }

          @Override
          public String unknown(Support.Unknown x) {
            return "unknown";
          }
        });
  }

  /** The names a catalog line goes by in the labels: its own, and Konvoy's for paired lines. */
  static List<String> names(ReleaseLine line, Product asked) {
    Set<String> out = new LinkedHashSet<>();
    String own = line.product().name().toLowerCase(Locale.ROOT);
    out.add(own + " " + line.kommander());
    if (line.product() == Product.KOMMANDER) {
      out.add("konvoy " + line.konvoy());
    }
    out.add(asked.name().toLowerCase(Locale.ROOT) + " " + line.minor(asked));
    return new ArrayList<>(out);
  }

  /** A label's version as the reply reads it: "v2.18.0" is 2.18.0 (labels copy the text's form). */
  private static String bare(String version) {
    return version.startsWith("v") || version.startsWith("V") ? version.substring(1) : version;
  }
}
