package io.kommander.supportbot.query;

import io.kommander.supportbot.policy.Minor;
import io.kommander.supportbot.policy.Query;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what people type ({@code 1.4}, {@code v1.4.2}, {@code konvoy 1.8}, {@code kommander 1.2 on
 * konvoy 1.7}, {@code was 1.3 supported on 2021-06-01?}) into questions. Total: any string gives a
 * {@link Query}; what is not understood becomes a note that says what was expected.
 */
public final class QueryParser {
  /**
   * Slack's own limit for a message: a pasted log or ticket is read whole (the parse is linear);
   * longer text cannot come from Slack and is refused.
   */
  public static final int MAX_LENGTH = 40_000;

  /** At most this many questions are answered per message, to keep replies readable. */
  public static final int MAX_QUESTIONS = 10;

  public static final String EXPECTED = "versions look like 1.4, 1.4.2, v1.4 or 1.4.x";

  /** The answer to a message that could not be read or answered, for a reason of ours. */
  public static final String UNREADABLE =
      "I could not read that message. Ask about one version at a time, e.g. `nkp 2.17` or"
          + " `upgrade path from 2.16`.";

  private static final Logger LOG = LoggerFactory.getLogger(QueryParser.class);

  /** {@link #EXPECTED}, with the names a version may carry. */
  public static final String EXPECTED_NAMED =
      EXPECTED + ", optionally with a name before them: kommander, konvoy, dkp, nkp or kubernetes";

  // Every pattern below reads what people type, so each runs in time linear in the text: its
  // repetitions are possessive (they never give back what they took) or bounded, and none is
  // nested (issue 34: a nested repetition took a minute on 200 bytes, an emoji pattern seconds).
  private static final Pattern SLACK_LABELLED_LINK = Pattern.compile("<[^<>|]*+\\|([^<>]*+)>");
  private static final Pattern SLACK_ENTITY = Pattern.compile("<[^<>]*+>");

  /**
   * Emoji codes (":white_check_mark:"), never a time ("09:00:00"): a name with a letter in it. The
   * look for the letter skips the other characters possessively, so it never backtracks.
   */
  private static final Pattern EMOJI = Pattern.compile(":(?=[0-9_+\\-]*+[a-z])[a-z0-9_+\\-]++:");

  /** Invisible characters that paste carries along: zero-width spaces and joiners, BOMs. */
  private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF]");

  /** Italic marks: an underscore at a word's edge, never inside one. */
  private static final Pattern MARK_UNDERSCORE = Pattern.compile("(?<![\\w])_|_(?![\\w])");

  /** Where a glued name might be: checked on the lower-cased text before the full pattern. */
  private static final Pattern GLUED_NAME =
      Pattern.compile("(?:" + String.join("|", Names.SHIPPED.productWords()) + ")[-_v\\d]");

  /**
   * A name glued to its version, "nkp2.17" or "kommander-v2.1": read as two words; never an image's
   * or a chart's name ("mesosphere/kommander2-appmanagement", "nkp-nutanix-v2.16.1").
   */
  private static final Pattern GLUED =
      Pattern.compile(
          "(?i)(?<![/\\w-])("
              + String.join("|", Names.SHIPPED.productWords())
              + ")[-_]?+(v?\\d++\\.\\d)");

  /** An arrow after a version asks for an upgrade: "2.17.0 → 2.18.0" reads "2.17.0 to 2.18.0". */
  private static final Pattern ARROW = Pattern.compile("(\\d)[ \\t]*+(?:->|=>|\u2192|\u21d2)");

  /** The platforms' full names, read as one word each. */
  private static final Pattern FULL_NAMES =
      Pattern.compile(
          "(?i)\\b("
              + String.join(
                  "|",
                  Names.SHIPPED.productPhrases().stream()
                      .map(n -> n.replace(" ", "\\s++"))
                      .toList())
              + ")\\b");

  static final String BPS_FORMAT =
      "tags look like stable-1.19-3.2.0 (<release_channel>-<kubernetes_version>-<bps_version>)";

  /** The window of an upcoming question when none is named, and the longest allowed. */
  static final int UPCOMING_DAYS = 30;

  /**
   * What {@code text} asks. Total: whatever goes wrong inside (a bug, a stack overflow) is logged
   * on one line and answered with {@link #UNREADABLE}, never thrown at the caller, whose reply
   * would then be silence or an empty 200 (issue 34).
   */
  public Query parse(String text) {
    try {
      return read(text);
    } catch (Throwable e) { // NOPMD: StackOverflowError included; the process stays well
      LOG.error(
          "Reading a message of {} characters failed: {}",
          text == null ? 0 : text.length(),
          Failures.oneLine(e));
      return new Query(List.of(), Optional.empty(), List.of(UNREADABLE));
    }
  }

  private Query read(String text) {
    if (text == null || text.isBlank()) {
      return new Query(List.of(), Optional.empty(), List.of());
    }
    if (text.length() > MAX_LENGTH) {
      return new Query(
          List.of(),
          Optional.empty(),
          List.of(
              String.format(
                  Locale.ROOT,
                  "Your message is %,d characters long; I read at most %,d. Ask about a few versions"
                      + " at a time, e.g. `1.4` or `1.2 on konvoy 1.7`.",
                  text.length(),
                  MAX_LENGTH)));
    }
    // Tool output is read as written ("kommander-v2.16.1" is a chart); names glued to versions are
    // split only in what is left, the asker's own words.
    Pastes.Read pasted = Pastes.read(clean(text));
    return new Reading(pasted.withRest(unglue(pasted.rest()))).read();
  }

  /**
   * Slack's formatting out of the way: links (their labels kept), mentions and escapes in angle
   * brackets, code and code blocks, bold, italic and strike marks, emoji codes, invisible and
   * non-breaking spaces; full platform names and glued names made plain words.
   */
  private static String clean(String text) {
    // Each pass runs only when its mark is in the text: a 40,000-character paste rarely has all.
    String t = text.replace('\u00A0', ' ');
    if (t.chars().anyMatch(c -> c >= '\u200B' && c <= '\u2060' || c == '\uFEFF')) {
      t = INVISIBLE.matcher(t).replaceAll("");
    }
    if (t.indexOf('<') >= 0 || t.indexOf('&') >= 0) {
      t = SLACK_ENTITY.matcher(SLACK_LABELLED_LINK.matcher(t).replaceAll(" $1 ")).replaceAll(" ");
      // Slack escapes these three in what people typed: "2.17.0 -&gt; 2.18.0" is an arrow.
      t = t.replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&");
    }
    if (t.indexOf(':') >= 0) {
      t = EMOJI.matcher(t).replaceAll(" ");
    }
    if (t.indexOf('>') >= 0 || t.indexOf('\u2192') >= 0 || t.indexOf('\u21d2') >= 0) {
      t = ARROW.matcher(t).replaceAll("$1 to ");
    }
    t = t.replace('`', ' ').replace('*', ' ').replace('~', ' ');
    if (t.indexOf('_') >= 0) {
      t = MARK_UNDERSCORE.matcher(t).replaceAll(" ");
    }
    String lower = t.toLowerCase(Locale.ROOT);
    if (lower.contains("platform")) {
      t =
          FULL_NAMES
              .matcher(t)
              .replaceAll(
                  m ->
                      " "
                          + Names.SHIPPED
                              .product(m.group(1).replaceAll("\\s+", " "))
                              .map(p -> p.name().toLowerCase(Locale.ROOT))
                              .orElse(m.group(1))
                          + " ");
    }
    return t;
  }

  /** Names glued to their versions made two words: "nkp2.17", "kommander-v2.1". */
  private static String unglue(String t) {
    return GLUED_NAME.matcher(t.toLowerCase(Locale.ROOT)).find()
        ? GLUED.matcher(t).replaceAll("$1 $2")
        : t;
  }

  /** Parses a version component, or -1 when it is out of range. */
  static int number(String digits) {
    if (digits.length() > 3) {
      return -1;
    }
    int n = Integer.parseInt(digits);
    return n <= Minor.MAX_COMPONENT ? n : -1;
  }

  static String problem(String token, String why) {
    return "`" + shorten(token, 40) + "` is not a version: " + why + "; " + EXPECTED + ".";
  }

  /** Cuts echoed input short: a reply is no place for a page of someone's text. */
  public static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
