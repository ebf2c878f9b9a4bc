package io.kommander.supportbot.delivery;

import io.kommander.supportbot.delivery.Ledger.Claim;
import io.kommander.supportbot.delivery.Ledger.Entry;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records in the ledger what became of each post, as far as its claim is still the poster's, and
 * says so in the log and in {@code slack_posts_total{kind,outcome}}. A post Slack took while the
 * ledger was down is remembered until the ledger takes its record, so this process never needs
 * Slack's history to know it posted.
 */
final class Outcomes {
  private static final Logger log = LoggerFactory.getLogger(Outcomes.class);

  private final Ledger ledger;
  private final Clock clock;
  private final List<BiConsumer<Post, String>> failureListeners = new CopyOnWriteArrayList<>();

  /** Posts Slack took whose record the ledger refused (it was down), by key: their ts. */
  private final Map<String, String> unrecorded = new ConcurrentHashMap<>();

  Outcomes(Ledger ledger, Clock clock) {
    this.ledger = ledger;
    this.clock = clock;
  }

  void onFailure(BiConsumer<Post, String> listener) {
    failureListeners.add(listener);
  }

  /** Records the outcome of posting {@code post} under {@code claim}; true if it was sent. */
  Outcome.Visitor<Boolean> of(Post post, Claim claim) {
    return new Outcome.Visitor<>() {
      @Override
      public Boolean sent(Outcome.Sent sent) {
        count(post.key(), "sent");
        try {
          ledger.sent(post.key(), sent.ts(), clock.instant());
          log.debug("Posted {}", post.key());
        } catch (RuntimeException e) {
          unrecorded.put(post.key(), sent.ts());
          log.error(
              "Posted {} but cannot record it ({}); recorded when the ledger answers again",
              post.key(),
              e.getMessage());
        }
        return true;
      }

      @Override
      public Boolean permanent(Outcome.Permanent permanent) {
        if (ledger.failed(claim, permanent.error(), clock.instant())) {
          count(post.key(), "failed");
          log.error(
              "Posting {} to {} failed for good: {} (fix the channel or token; it will not be"
                  + " retried)",
              post.key(),
              post.channel(),
              permanent.error());
          failureListeners.forEach(l -> l.accept(post, permanent.error()));
        }
        return false;
      }

      @Override
      public Boolean transientFailure(Outcome.Transient failure) {
        if (failure.unsure()) {
          log.warn("{}: {}; the claim stays until history can tell", post.key(), failure.reason());
          count(post.key(), "unsure");
        } else if (ledger.release(claim, failure.reason(), clock.instant())) {
          count(post.key(), "retry");
        }
        return false;
      }

      @Override
      public Boolean lost(Outcome.Lost lost) {
        log.warn("Stopped posting {}: {}", post.key(), lost.reason());
        count(post.key(), "lost");
        return false;
      }
    };
  }

  /**
   * Whether this process posted {@code key} but could not record it (the ledger was down): then it
   * is recorded now, without reading Slack's history or posting again. False if it did not.
   */
  boolean sentHere(String key) {
    String ts = unrecorded.get(key);
    if (ts == null) {
      return false;
    }
    ledger.sent(key, ts, clock.instant());
    unrecorded.remove(key, ts);
    return true;
  }

  /** Records the posts this process made while the ledger was down; throws while it still is. */
  void recordUnrecorded() {
    unrecorded.forEach(
        (key, ts) -> {
          ledger.sent(key, ts, clock.instant());
          unrecorded.remove(key, ts);
        });
  }

  /** A lapsed claim's post was found in Slack: its holder died after posting. */
  void recovered(String key, String ts) {
    log.info("{} was posted before its poster died; recorded now", key);
    ledger.sent(key, ts, clock.instant());
    count(key, "recovered");
  }

  void gaveUp(Entry entry, Claim claim) {
    String why = "gave up after " + entry.attempts() + " attempts: " + entry.error();
    if (ledger.failed(claim, why, clock.instant())) {
      count(entry.key(), "gave_up");
      log.error("Gave up posting {} after {} attempts: {}", entry.key(), entry.attempts(), why);
    }
  }

  /**
   * A question its answerer had nothing to post for: recorded so its caller can tell the person.
   */
  void nothingToAnswer(Claim claim) {
    if (ledger.failed(claim, Outbox.NOTHING_TO_ANSWER, clock.instant())) {
      count(claim.key(), "nothing_to_answer");
    }
  }

  /** The answerer failed: a bug, not the person's; recorded as failed so it is not retried. */
  void unanswerable(Post post, Claim claim, Throwable e) {
    log.error("Could not answer the question of {}: {}", post.key(), e.toString(), e);
    if (ledger.failed(
        claim, "could not answer: " + e.getClass().getSimpleName(), clock.instant())) {
      count(post.key(), "failed");
    }
  }

  /** {@code slack_posts_total} by kind (reply or announcement) and outcome. */
  static void count(String key, String outcome) {
    Metrics.counter(
            "slack.posts",
            "kind",
            key.startsWith(Outbox.REPLY) ? "reply" : "announcement",
            "outcome",
            outcome)
        .increment();
  }
}
