package io.kommander.supportbot.upstream;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The upstream watcher's settings: {@code UPSTREAM_TAGS_URL} (GitHub's tags endpoint of
 * mesosphere/kommander-applications by default; {@code off} disables), {@code
 * UPSTREAM_CHECK_SECONDS} (3600), {@code GITHUB_TOKEN} (optional) and {@code
 * CATALOG_MAINTAINERS_CHANNEL} (where notices of new releases go, when set).
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

  public static UpstreamSettings fromEnv(Map<String, String> env) {
    String url = value(env, "UPSTREAM_TAGS_URL").orElse(DEFAULT_URL);
    long seconds;
    String every = value(env, "UPSTREAM_CHECK_SECONDS").orElse("3600");
    try {
      seconds = Long.parseLong(every);
    } catch (NumberFormatException e) {
      seconds = -1;
    }
    if (seconds < 60 || seconds > 7 * 86_400) {
      throw new IllegalArgumentException(
          "UPSTREAM_CHECK_SECONDS must be a number from 60 to 604800, was '" + every + "'");
    }
    return new UpstreamSettings(
        url.equalsIgnoreCase("off") ? Optional.empty() : Optional.of(url),
        Duration.ofSeconds(seconds),
        value(env, "GITHUB_TOKEN"),
        value(env, "CATALOG_MAINTAINERS_CHANNEL"));
  }

  public boolean enabled() {
    return tagsUrl.isPresent();
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }
}
