package io.kommander.supportbot.http;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * A readiness check that costs something (a database round trip), run in the background at most
 * once per {@code fresh} however many probes ask: a probe never waits for it, and gets the last
 * answer; one older than {@code fresh} is renewed meanwhile, one renewal at a time (Caffeine's
 * refresh). Before the first answer the problem is "not checked yet".
 */
public final class CachedCheck implements Supplier<Optional<String>> {
  static final String NOT_YET = "not checked yet";

  private final AsyncLoadingCache<Boolean, Optional<String>> last;

  /**
   * @param ticker Caffeine's clock, in nanoseconds (a fake one in tests)
   * @param executor where the check runs; it may block as long as the check does
   */
  public CachedCheck(
      Supplier<Optional<String>> check, Duration fresh, Ticker ticker, Executor executor) {
    last =
        Caffeine.newBuilder()
            .refreshAfterWrite(fresh)
            .ticker(ticker)
            .executor(executor)
            .buildAsync(key -> check.get());
  }

  /** Starts the first check, so that the first probe finds an answer. */
  public CachedCheck start() {
    last.get(Boolean.TRUE);
    return this;
  }

  @Override
  public Optional<String> get() {
    CompletableFuture<Optional<String>> answer = last.get(Boolean.TRUE);
    return answer.isDone() && !answer.isCompletedExceptionally()
        ? answer.join()
        : Optional.of(NOT_YET);
  }
}
