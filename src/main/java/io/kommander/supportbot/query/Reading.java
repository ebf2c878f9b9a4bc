package io.kommander.supportbot.query;

import static io.kommander.supportbot.query.Vocabulary.BPS_LIKE;
import static io.kommander.supportbot.query.Vocabulary.CONNECTORS;
import static io.kommander.supportbot.query.Vocabulary.DATE;
import static io.kommander.supportbot.query.Vocabulary.DIRECT_WORDS;
import static io.kommander.supportbot.query.Vocabulary.FROM_WORDS;
import static io.kommander.supportbot.query.Vocabulary.PATH_WORDS;
import static io.kommander.supportbot.query.Vocabulary.SEPARATORS;
import static io.kommander.supportbot.query.Vocabulary.TOKEN;
import static io.kommander.supportbot.query.Vocabulary.TOPICS;
import static io.kommander.supportbot.query.Vocabulary.TO_WORDS;
import static io.kommander.supportbot.query.Vocabulary.UPCOMING_WORDS;
import static io.kommander.supportbot.query.Vocabulary.UPGRADE_WORDS;
import static io.kommander.supportbot.query.Vocabulary.VERSIONISH;

import io.kommander.supportbot.policy.Intent;
import io.kommander.supportbot.policy.Product;
import io.kommander.supportbot.policy.Query;
import io.kommander.supportbot.policy.Question;
import io.kommander.supportbot.policy.Question.AboutKubernetes;
import io.kommander.supportbot.policy.Question.AboutLine;
import io.kommander.supportbot.policy.Question.AboutPair;
import io.kommander.supportbot.policy.Question.AboutPrerelease;
import io.kommander.supportbot.policy.Question.AboutTopic;
import io.kommander.supportbot.policy.Question.OnKubernetes;
import io.kommander.supportbot.policy.Question.Upcoming;
import io.kommander.supportbot.policy.Version;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/** One pass over one message's tokens: the questions, the day and the notes it asks for. */
final class Reading {
  private final String text;

  /** Tool output was recognized: the rest of the text is its noise, not attempts at versions. */
  private final boolean pasted;

  private final List<Question> questions = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final List<String> bareNumbers = new ArrayList<>();
  private final List<String> words = new ArrayList<>();
  private final VersionTokens tokens = new VersionTokens(notes, bareNumbers);

  /** Where the token being read starts in the text. */
  private int at;

  private Optional<LocalDate> asOf = Optional.empty();

  private Product current = Product.KOMMANDER;
  private boolean productNamed;

  /** The versions that follow name Kubernetes minors, not lines. */
  private boolean kubernetes;

  private boolean connector;

  /** The last single-version question and its index, while a connector could still pair it. */
  private AboutLine last;

  private int lastIndex = -1;

  /** Upgrade verbs seen ("upgrade", "move"). */
  private boolean upgrade;

  private boolean direct;
  private boolean upcoming;
  private boolean from;

  /** A word asked for a way ("path", "route", "next hop"), or "upgrade" stood before a version. */
  private boolean pathAsked;

  /** An upgrade verb was the last word (a product may follow): "upgrade konvoy 1.8". */
  private boolean upgradeNext;

  /** "next" was said: "the next 90 days" asks what is upcoming. */
  private boolean next;

  /** "to" (or "from") was the last word: the next version is an upgrade's target (or origin). */
  private boolean pendingTo;

  private boolean pendingFrom;
  private int targetIndex = -1;
  private int originIndex = -1;

  private final Mentions mentions = new Mentions(Names.SHIPPED);
  private final Wording wording = new Wording();
  private final AskedDay day = new AskedDay();

  /** The token being read labels a field ("Severity:", "Created:"). */
  private boolean field;

  /** Kubernetes (or one of its parts) was named. */
  private boolean kubernetesSaid;

  /** The last Kubernetes question, which "on" can turn around: "kubernetes 1.30 on nkp 2.15". */
  private AboutKubernetes lastKubernetes;

  /** Platform applications a paste listed: asked about only when the words ask for support. */
  private final Set<String> pastedApps;

  /**
   * @param pasted what tool output said, already read out of the text; its rest is read here
   */
  Reading(Pastes.Read pasted) {
    this.text = pasted.rest();
    this.pasted = !pasted.questions().isEmpty() || !pasted.apps().isEmpty();
    this.pastedApps = pasted.apps();
    questions.addAll(pasted.questions());
    notes.addAll(pasted.notes());
  }

  Query read() {
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      String token = m.group();
      int end = token.length();
      while (end > 1 && token.charAt(end - 1) == '.') {
        end--; // a sentence's full stop (one cut: a run of dots is not copied once per dot)
      }
      token = token.substring(0, end);
      at = m.start();
      field = m.end() < text.length() && text.charAt(m.end()) == ':';
      take(token, token.toLowerCase(Locale.ROOT));
    }
    wording.end();
    boolean target = targetIndex >= 0;
    boolean path =
        pathAsked
            || (upgrade && (from || target))
            || (originIndex >= 0 && target)
            || (direct && target);
    if (path) {
      UpgradeQuestions.join(questions, originIndex, targetIndex, direct);
    }
    if (upcoming) {
      questions.add(new Upcoming(Extras.upcomingDays(bareNumbers, notes)));
    }
    boolean apps = Extras.add(questions, mentions, pastedApps, wording, targetIndex, path);
    List<Question> distinct =
        Leftovers.settle(questions.stream().distinct().toList(), bareNumbers, words, notes, text);
    boolean line = distinct.stream().anyMatch(q -> q instanceof AboutLine);
    return new Query(
        distinct,
        asOf,
        Notes.few(notes, !distinct.isEmpty(), pasted),
        tokens.nearMiss()
            ? Optional.of(Intent.NEAR_MISS)
            : wording.intent(apps, kubernetesSaid && line, path, line));
  }

  private void take(String token, String lower) {
    String singular = lower.endsWith("s") ? lower.substring(0, lower.length() - 1) : lower;
    Product product = Names.SHIPPED.product(singular).orElse(null);
    Optional<Names.Named> thing = mentions.name(lower);
    if (product == null
        && thing.isEmpty()
        && !SEPARATORS.contains(lower)
        && !CONNECTORS.contains(lower)) {
      product = Typos.product(lower).orElse(null);
      if (product != null) {
        notes.add(
            "I read *" + QueryParser.shorten(token, 40) + "* as " + product.displayName() + ".");
      }
    }
    if (SEPARATORS.contains(lower)) {
      upgradeNext = false;
      connector = false;
      last = null;
      lastKubernetes = null;
      mentions.end();
    } else if (CONNECTORS.contains(lower)) {
      connector = last != null || lastKubernetes != null;
    } else if (product != null) {
      current = product;
      productNamed = true;
      kubernetes = false;
      mentions.end();
    } else if (Names.SHIPPED.kubernetes(lower.charAt(0) == '-' ? lower.substring(1) : lower)
        || lower.startsWith("kubernetes-")
        || lower.startsWith("-kubernetes")) {
      kubernetes = true;
      kubernetesSaid = true;
      mentions.end();
    } else if (thing.isPresent()) {
      connector = false;
      wording.word(lower);
    } else if (BPS_LIKE.matcher(lower).matches() && Prereleases.read(token).isEmpty()) {
      connector = false;
      BpsTags.read(token, lower, notes).ifPresent(questions::add);
    } else if (TOPICS.containsKey(lower)) {
      questions.add(new AboutTopic(TOPICS.get(lower)));
    } else if (DATE.matcher(token).matches()) {
      connector = false;
      if (day.cued()) {
        Dates.read(token, notes).ifPresent(d -> asOf = Dates.first(asOf, d, notes));
      }
    } else if (VERSIONISH.matcher(token).matches()) {
      versionish(token);
    } else {
      upgrade |= UPGRADE_WORDS.contains(lower);
      upgradeNext = UPGRADE_WORDS.contains(lower);
      pathAsked |= PATH_WORDS.contains(lower);
      pendingTo = TO_WORDS.contains(lower) && !field;
      pendingFrom = FROM_WORDS.contains(lower) && !field; // "From: Jonas" is an e-mail's field
      direct |= DIRECT_WORDS.contains(lower);
      upcoming |= UPCOMING_WORDS.contains(lower) || (lower.equals("days") && next);
      next |= lower.equals("next");
      from |= pendingFrom;
      words.add(lower);
      if (!field) {
        wording.word(lower); // "Severity: 3" is a ticket's field, not a question about severity
      }
      mentions.word();
    }
    day.word(lower);
  }

  /** A token that starts like a version: someone else's, a year, a pre-release, or ours. */
  private void versionish(String token) {
    Optional<LocalDate> year = day.year(token);
    Optional<Prereleases.Build> build = Prereleases.read(token);
    if (mentions.claims()) {
      return; // "Rancher 2.8", "cert-manager v1.17.2": theirs
    } else if (year.isPresent()) {
      asOf = Dates.first(asOf, year.get(), notes);
    } else if (build.isPresent()) {
      questions.add(new AboutPrerelease(current, build.get().version(), build.get().name()));
    } else {
      tokens.read(token).ifPresent(this::mention);
    }
  }

  /** Records a version, pairing it with the previous one when a connector joins them. */
  private void mention(Version version) {
    pathAsked |= upgradeNext;
    upgradeNext = false;
    // A cluster's own version is not paired with the one before: "prod on 2.6 staging on 2.13".
    Optional<String> cluster = kubernetes ? Optional.empty() : ClusterNames.before(text, at);
    boolean pairing = connector && last != null && cluster.isEmpty();
    if (kubernetes) {
      if (pairing) {
        questions.set(lastIndex, new OnKubernetes(last.product(), last.version(), version.line()));
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
      last = new AboutLine(product, version, productNamed || product != Product.KOMMANDER, cluster);
      questions.add(last);
      lastIndex = questions.size() - 1;
      if (pendingTo && targetIndex < 0) {
        targetIndex = lastIndex;
      }
      if (pendingFrom && originIndex < 0) {
        originIndex = lastIndex;
      }
      pendingTo = false;
      pendingFrom = false;
      lastKubernetes = null;
    }
    productNamed = false;
    connector = false;
  }
}
