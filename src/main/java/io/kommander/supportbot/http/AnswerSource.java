package io.kommander.supportbot.http;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.kommander.supportbot.policy.PolicyService;

/**
 * What the local endpoints need of the app's cached answers: the text of an answer, and the cache's
 * counters. The Slack adapter's answer cache provides it; HTTP never imports Slack.
 */
public interface AnswerSource {
  /** The plain-text answer to {@code question}, as the CLI prints it. */
  String text(String question);

  CacheStats stats();

  long size();

  PolicyService policy();
}
