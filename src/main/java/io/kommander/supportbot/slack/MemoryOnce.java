package io.kommander.supportbot.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/** One process's memory of handled keys: right for a single replica. */
public final class MemoryOnce implements Once {
  private final Cache<String, Boolean> seen;

  /**
   * @param ttl how long a key is remembered (Slack retries within minutes)
   */
  public MemoryOnce(Duration ttl) {
    seen = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(100_000).build();
  }

  @Override
  public boolean first(String key) {
    return seen.asMap().putIfAbsent(key, Boolean.TRUE) == null;
  }

  @Override
  public void forget(String key) {
    seen.invalidate(key);
  }
}
