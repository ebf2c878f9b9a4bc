package io.kommander.supportbot.query;

import io.kommander.supportbot.policy.BpsTag;
import io.kommander.supportbot.policy.Minor;
import io.kommander.supportbot.policy.Product;
import io.kommander.supportbot.policy.Query;
import io.kommander.supportbot.policy.Question;
import io.kommander.supportbot.policy.Question.AboutBps;
import io.kommander.supportbot.policy.Question.AboutKubernetes;
import io.kommander.supportbot.policy.Question.AboutLine;
import io.kommander.supportbot.policy.Question.AboutPair;
import io.kommander.supportbot.policy.Question.AboutTopic;
import io.kommander.supportbot.policy.Question.OnKubernetes;
import io.kommander.supportbot.policy.Question.Topic;
import io.kommander.supportbot.policy.Question.Upcoming;
import io.kommander.supportbot.policy.Question.UpgradePath;
import io.kommander.supportbot.policy.Version;
import io.kommander.supportbot.render.Phrases;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what people type ({@code 1.4}, {@code v1.4.2}, {@code konvoy 1.8}, {@code kommander 1.2 on
 * konvoy 1.7}, {@code was 1.3 supported on 2021-06-01?}) into questions. Total: any string gives a
 * {@link Query}; what is not understood becomes a note that says what was expected.
 */
public final class QueryParser {
  /** Longer messages are refused whole: nobody asks about a version in a page of text. */
  public static final int MAX_LENGTH = 1_000;

  /** At most this many questions are answered per message, to keep replies readable. */
  public static final int MAX_QUESTIONS = 10;

  public static final String EXPECTED = "versions look like 1.4, 1.4.2, v1.4 or 1.4.x";

  /** {@link #EXPECTED}, with the names a version may carry. */
  public static final String EXPECTED_NAMED =
      EXPECTED + ", optionally with a name before them: kommander, konvoy, dkp, nkp or kubernetes";

  private static final Pattern SLACK_LABELLED_LINK = Pattern.compile("<[^<>|]*\\|([^<>]*)>");
  private static final Pattern SLACK_ENTITY = Pattern.compile("<[^<>]*>|&(?:amp|lt|gt);");
  private static final Pattern TOKEN = Pattern.compile("-?[A-Za-z0-9][A-Za-z0-9._*+\\-]*|[,;?!]");
  private static final Pattern VERSIONISH = Pattern.compile("[-+]?[vV]?\\d.*");
  private static final Pattern VERSION =
      Pattern.compile("[vV]?(\\d+)\\.(\\d+)(?:\\.(\\d+|[xX*]))?");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}");
  private static final DateTimeFormatter DATE_FORMAT =
      DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT);

  private static final Set<String> SEPARATORS =
      Set.of(",", ";", "?", "!", "and", "or", "vs", "also");
  private static final Set<String> CONNECTORS = Set.of("on", "with", "atop");

  /** The platforms' full names, read as one word each. */
  private static final Pattern FULL_NAMES =
      Pattern.compile("(?i)\\b(d2iq|nutanix)\\s+kubernetes\\s+platform\\b");

  /** Words that make the next versions Kubernetes versions. */
  private static final Set<String> KUBERNETES = Set.of("kubernetes", "k8s", "kube");

  static final String BPS_FORMAT =
      "tags look like stable-1.19-3.2.0 (<release_channel>-<kubernetes_version>-<bps_version>)";
  private static final Pattern BPS_LIKE = Pattern.compile("[a-z]{2,}-.*\\d.*");
  private static final Pattern BPS =
      Pattern.compile("([a-z]{2,})-(\\d{1,3})\\.(\\d{1,3})-(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Map<String, Topic> TOPICS =
      Map.of(
          "matrix", Topic.MATRIX,
          "table", Topic.MATRIX,
          "experimental", Topic.EXPERIMENTAL,
          "secondary", Topic.SECONDARY,
          "addon", Topic.SECONDARY,
          "addons", Topic.SECONDARY,
          "help", Topic.HELP,
          "usage", Topic.HELP);

  /** Words that make the versions an upgrade question: from the first, to the second. */
  private static final Set<String> UPGRADE_WORDS =
      Set.of("upgrade", "upgrades", "upgrading", "path", "paths", "migrate", "migration");

  /** Upcoming changes: "upcoming", "upcoming 60 days", "what changes in the next 90 days". */
  private static final Set<String> UPCOMING_WORDS = Set.of("upcoming", "soon", "changes");

  /** The window of an upcoming question when none is named, and the longest allowed. */
  static final int UPCOMING_DAYS = 30;

  /** Words that ask about going straight to the target, skipping what lies between. */
  private static final Set<String> DIRECT_WORDS =
      Set.of("straight", "directly", "direct", "skip", "skipping", "jump");

  /** With no version in the message, these words ask for the whole support table. */
  private static final Set<String> MATRIX_HINTS =
      Set.of("support", "supported", "versions", "version", "lines", "n-2");

  public Query parse(String text) {
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
    return new Reading(clean(text)).read();
  }

  /** Slack wraps mentions, channels and links in angle brackets and escapes &, < and >. */
  private static String clean(String text) {
    String labelled = SLACK_LABELLED_LINK.matcher(text).replaceAll(" $1 ");
    String plain =
        SLACK_ENTITY.matcher(labelled).replaceAll(" ").replace('`', ' ').replace('*', ' ');
    return FULL_NAMES
        .matcher(plain)
        .replaceAll(m -> m.group(1).equalsIgnoreCase("nutanix") ? " nkp " : " dkp ");
  }

  /** One pass over one message's tokens. */
  private static final class Reading {
    private final String text;
    private final List<Question> questions = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> bareNumbers = new ArrayList<>();
    private final List<String> words = new ArrayList<>();
    private Optional<LocalDate> asOf = Optional.empty();

    private Product current = Product.KOMMANDER;
    private boolean productNamed;

    /** The versions that follow name Kubernetes minors, not lines. */
    private boolean kubernetes;

    private boolean connector;

    /** The last single-version question and its index, while a connector could still pair it. */
    private AboutLine last;

    private int lastIndex = -1;

    /** Upgrade words seen ("upgrade", "path"), or both "from" and "to". */
    private boolean upgrade;

    private boolean direct;
    private boolean upcoming;
    private boolean from;
    private boolean to;

    /** "to" was the last word: the next version is an upgrade's target. */
    private boolean pendingTo;

    private int targetIndex = -1;

    /** The last Kubernetes question, which "on" can turn around: "kubernetes 1.30 on nkp 2.15". */
    private AboutKubernetes lastKubernetes;

    Reading(String text) {
      this.text = text;
    }

    Query read() {
      Matcher m = TOKEN.matcher(text);
      while (m.find()) {
        String token = m.group();
        while (token.endsWith(".") && token.length() > 1) {
          token = token.substring(0, token.length() - 1); // a sentence's full stop
        }
        take(token, token.toLowerCase(Locale.ROOT));
      }
      if (upgrade || (from && to)) {
        upgradePath();
      }
      if (upcoming) {
        int days = UPCOMING_DAYS;
        if (!bareNumbers.isEmpty()) {
          int asked = number(bareNumbers.remove(0));
          if (asked >= 1) {
            days = asked;
          } else {
            notes.add(
                "I looked "
                    + UPCOMING_DAYS
                    + " days ahead; ask for 1 to "
                    + Minor.MAX_COMPONENT
                    + " days, e.g. `upcoming 90`.");
          }
        }
        questions.add(new Upcoming(days));
      }
      List<Question> distinct = questions.stream().distinct().toList();
      if (distinct.isEmpty()) {
        bareNumbers.forEach(
            n -> notes.add(problem(n, "it needs a minor version, like " + n + ".4")));
        if (notes.isEmpty() && words.stream().anyMatch(MATRIX_HINTS::contains)) {
          distinct = List.of(new AboutTopic(Topic.MATRIX));
        } else if (notes.isEmpty() && !words.isEmpty()) {
          notes.add(
              "I couldn't find a version in \""
                  + shorten(text.strip(), 60)
                  + "\"; "
                  + EXPECTED_NAMED
                  + ".");
        }
      }
      if (distinct.size() > MAX_QUESTIONS) {
        notes.add(
            "I answered the first "
                + MAX_QUESTIONS
                + " of "
                + distinct.size()
                + " questions; ask again for the rest.");
        distinct = distinct.subList(0, MAX_QUESTIONS);
      }
      return new Query(distinct, asOf, notes);
    }

    private void take(String token, String lower) {
      Product product =
          Product.named(lower.endsWith("s") ? lower.substring(0, lower.length() - 1) : lower)
              .orElse(null);
      if (SEPARATORS.contains(lower)) {
        connector = false;
        last = null;
        lastKubernetes = null;
      } else if (CONNECTORS.contains(lower)) {
        connector = last != null || lastKubernetes != null;
      } else if (product != null) {
        current = product;
        productNamed = true;
        kubernetes = false;
      } else if (KUBERNETES.contains(lower)) {
        kubernetes = true;
      } else if (BPS_LIKE.matcher(lower).matches()) {
        bps(token, lower);
      } else if (TOPICS.containsKey(lower)) {
        questions.add(new AboutTopic(TOPICS.get(lower)));
      } else if (DATE.matcher(token).matches()) {
        date(token);
      } else if (VERSIONISH.matcher(token).matches()) {
        version(token).ifPresent(this::mention);
      } else {
        upgrade |= UPGRADE_WORDS.contains(lower);
        pendingTo = lower.equals("to") || lower.equals("into");
        direct |= DIRECT_WORDS.contains(lower);
        upcoming |=
            UPCOMING_WORDS.contains(lower) || (lower.equals("days") && words.contains("next"));
        from |= lower.equals("from");
        to |= lower.equals("to");
        words.add(lower);
      }
    }

    private void date(String token) {
      connector = false;
      try {
        LocalDate date = LocalDate.parse(token, DATE_FORMAT);
        if (asOf.isPresent() && !asOf.get().equals(date)) {
          notes.add("I answered for " + asOf.get() + ", the first date in your message.");
        } else {
          asOf = Optional.of(date);
        }
      } catch (DateTimeParseException e) {
        notes.add(
            "`" + shorten(token, 40) + "` is not a date: dates look like 2021-06-01 (YYYY-MM-DD).");
      }
    }

    /** The first two versions become one upgrade question: from the first, to the second. */
    private void upgradePath() {
      int start = -1;
      for (int i = 0; i < questions.size() && start < 0; i++) {
        start = questions.get(i) instanceof AboutLine ? i : -1;
      }
      if (start < 0) {
        return;
      }
      AboutLine origin = (AboutLine) questions.get(start);
      Optional<AboutLine> target =
          targetIndex > start && questions.get(targetIndex) instanceof AboutLine t
              ? Optional.of(t)
              : Optional.empty();
      target.ifPresent(t -> questions.remove(targetIndex));
      questions.set(start, new UpgradePath(origin, target, direct));
    }

    private void bps(String token, String lower) {
      connector = false;
      Matcher m = BPS.matcher(lower);
      if (!m.matches()) {
        notes.add("`" + shorten(token, 40) + "` is not a BPS tag: " + BPS_FORMAT + ".");
        return;
      }
      int[] n = new int[5]; // at most 3 digits each: always within Minor.MAX_COMPONENT
      for (int i = 0; i < 5; i++) {
        n[i] = Integer.parseInt(m.group(i + 2));
      }
      questions.add(
          new AboutBps(
              new BpsTag(m.group(1), new Minor(n[0], n[1]), Version.of(n[2], n[3], n[4]))));
    }

    private Optional<Version> version(String token) {
      if (token.startsWith("-")) {
        notes.add(problem(token, "versions are never negative"));
        return Optional.empty();
      }
      if (token.matches("\\d+")) {
        bareNumbers.add(token); // prose has numbers ("3 clusters"); only a problem if nothing else
        return Optional.empty();
      }
      Matcher m = VERSION.matcher(token);
      if (!m.matches()) {
        String core = token.replaceFirst("^[+vV]+", "");
        long parts = core.chars().filter(c -> c == '.').count() + 1;
        if (core.matches("\\d+(\\.\\d+){3,}")) {
          notes.add(problem(token, "it has " + parts + " parts, one more than MAJOR.MINOR.PATCH"));
        } else if (core.matches("\\d+\\.[xX*](\\.[xX*\\d]+)?")) {
          notes.add(
              problem(token, "it names no minor line; which one, e.g. " + core.charAt(0) + ".4?"));
        } else {
          notes.add(problem(token, "I can't read it"));
        }
        return Optional.empty();
      }
      int major = number(m.group(1));
      int minor = number(m.group(2));
      String patchText = m.group(3);
      boolean wildcard = patchText != null && !Character.isDigit(patchText.charAt(0));
      int patch = patchText == null || wildcard ? 0 : number(patchText);
      if (major < 0 || minor < 0 || patch < 0) {
        notes.add(problem(token, "a number in it is larger than " + Minor.MAX_COMPONENT));
        return Optional.empty();
      }
      Minor line = new Minor(major, minor);
      return Optional.of(
          patchText == null || wildcard
              ? Version.of(line)
              : new Version(line, OptionalInt.of(patch)));
    }

    /** Records a version, pairing it with the previous one when a connector joins them. */
    private void mention(Version version) {
      boolean pairing = connector && last != null;
      if (kubernetes) {
        if (pairing) {
          questions.set(
              lastIndex, new OnKubernetes(last.product(), last.version(), version.line()));
          lastKubernetes = null;
        } else {
          lastKubernetes = new AboutKubernetes(version.line());
          questions.add(lastKubernetes);
          lastIndex = questions.size() - 1;
        }
        last = null;
        connector = false;
        return;
      }
      if (connector && lastKubernetes != null) {
        questions.set(lastIndex, new OnKubernetes(current, version, lastKubernetes.kubernetes()));
        lastKubernetes = null;
        productNamed = false;
        connector = false;
        return;
      }
      Product product = !productNamed && pairing ? last.product().other() : current;
      if (pairing && product != last.product()) {
        Version kommander = product == Product.KONVOY ? last.version() : version;
        Version konvoy = product == Product.KONVOY ? version : last.version();
        questions.set(lastIndex, new AboutPair(kommander, konvoy));
        last = null;
      } else {
        last = new AboutLine(product, version, productNamed || product != Product.KOMMANDER);
        questions.add(last);
        lastIndex = questions.size() - 1;
        if (pendingTo && targetIndex < 0) {
          targetIndex = lastIndex;
        }
        pendingTo = false;
        lastKubernetes = null;
      }
      productNamed = false;
      connector = false;
    }
  }

  /** Parses a version component, or -1 when it is out of range. */
  private static int number(String digits) {
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
    return Phrases.cut(s, max);
  }
}
