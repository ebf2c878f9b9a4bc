package io.kommander.supportbot.upstream;

import java.time.Duration;
import java.util.Optional;

/**
 * The upstream watcher's settings: {@code UPSTREAM_TAGS_URL} (GitHub's tags endpoint of
 * mesosphere/kommander-applications by default; {@code off} disables), {@code
 * UPSTREAM_CHECK_SECONDS} (3600, from 60 to 604800; read by {@code Config}), {@code GITHUB_TOKEN}
 * (optional) and {@code CATALOG_MAINTAINERS_CHANNEL} (where notices of new releases go, when set).
 */
public record UpstreamSettings(
    Optional<String> tagsUrl,
    Duration every,
    Optional<String> token,
    Optional<String> maintainersChannel) {
  public static final String DEFAULT_URL =
      "https://api.github.com/repos/mesosphere/kommander-applications/tags";

  /** No watching: for tests and embedding, which must not reach GitHub. */
  public static final UpstreamSettings OFF =
      new UpstreamSettings(
          Optional.empty(), Duration.ofHours(1), Optional.empty(), Optional.empty());

  public boolean enabled() {
    return tagsUrl.isPresent();
  }
}
