package io.kommander.supportbot.upstream;

import io.kommander.supportbot.policy.FoundRelease;
import io.kommander.supportbot.policy.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the watcher keeps between looks and across restarts.
 *
 * @param etag the tags' first page's ETag, for a conditional look
 * @param lastChecked when upstream last answered (200 or 304), or null
 * @param notBefore no look before this (a rate limit's reset, or GitHub's poll interval)
 * @param found every final release dated so far, the reviewed or not
 */
public record UpstreamState(
    String etag, Instant lastChecked, Instant notBefore, List<FoundRelease> found) {
  public static final UpstreamState EMPTY = new UpstreamState(null, null, Instant.EPOCH, List.of());

  public UpstreamState {
    found = found == null ? List.of() : List.copyOf(found);
    notBefore = notBefore == null ? Instant.EPOCH : notBefore;
  }

  public boolean knows(Version version) {
    return found.stream().anyMatch(f -> f.version().equals(version));
  }

  public UpstreamState with(FoundRelease f) {
    List<FoundRelease> all = new ArrayList<>(found);
    all.add(f);
    all.sort(Comparator.comparing(x -> x.version().toString()));
    return new UpstreamState(etag, lastChecked, notBefore, all);
  }

  public UpstreamState checked(String newEtag, Instant at, Instant next) {
    return new UpstreamState(newEtag, at, next, found);
  }

  public UpstreamState waitUntil(Instant next) {
    return new UpstreamState(etag, lastChecked, next, found);
  }
}
