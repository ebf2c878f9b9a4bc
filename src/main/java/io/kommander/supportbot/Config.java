package io.kommander.supportbot;

import io.kommander.supportbot.delivery.DeliverySettings;
import io.kommander.supportbot.upstream.UpstreamSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settings from the environment; every variable is documented in {@code .env.example}. Secrets are
 * never printed: {@link #toString()} says only whether they are set.
 */
public record Config(
    int port,
    Path catalogFile,
    Optional<String> botToken,
    Optional<String> signingSecret,
    Optional<String> appToken,
    String slackApiUrl,
    Optional<String> policyServiceUrl,
    Duration catalogReload,
    Path dataDir,
    Path announceConfig,
    Optional<String> announceChannels,
    Optional<DatabaseUrl> ledgerDatabaseUrl,
    Optional<String> publicUrl,
    UpstreamSettings upstream,
    DeliverySettings delivery) {

  public static final int DEFAULT_PORT = 3000;
  public static final String DEFAULT_SLACK_API_URL = "https://slack.com/api/";

  public Config {
    // Every Slack client appends method names to this base.
    slackApiUrl = slackApiUrl.endsWith("/") ? slackApiUrl : slackApiUrl + "/";
  }

  public static Config fromEnv(Map<String, String> env) {
    return new Config(
        (int) number("PORT", value(env, "PORT").orElse(String.valueOf(DEFAULT_PORT)), 0, 65_535),
        Path.of(value(env, "CATALOG_FILE").orElse("config/releases.yaml")),
        value(env, "SLACK_BOT_TOKEN"),
        value(env, "SLACK_SIGNING_SECRET"),
        value(env, "SLACK_APP_TOKEN"),
        value(env, "SLACK_API_URL").orElse(DEFAULT_SLACK_API_URL),
        value(env, "POLICY_SERVICE_URL"),
        Duration.ofSeconds(
            number(
                "CATALOG_RELOAD_SECONDS",
                value(env, "CATALOG_RELOAD_SECONDS").orElse("5"),
                1,
                86_400)),
        Path.of(value(env, "DATA_DIR").orElse("data")),
        Path.of(value(env, "ANNOUNCE_CONFIG").orElse("config/announcements.yaml")),
        value(env, "ANNOUNCE_CHANNELS"),
        value(env, "LEDGER_DATABASE_URL").map(DatabaseUrl::parse),
        value(env, "PUBLIC_URL").map(u -> u.replaceFirst("/+$", "")),
        upstream(env),
        delivery(env));
  }

  /**
   * Settings for tests and embedding: local catalog, given Slack settings, 1 s reload, and state in
   * a new temporary directory (two such bots never share an outbox by accident).
   */
  public static Config of(
      int port,
      Path catalog,
      Optional<String> botToken,
      Optional<String> signingSecret,
      Optional<String> appToken,
      String slackApiUrl) {
    return new Config(
        port,
        catalog,
        botToken,
        signingSecret,
        appToken,
        slackApiUrl,
        Optional.empty(),
        Duration.ofSeconds(1),
        temporaryDataDir(),
        Path.of("config/announcements.yaml"),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        UpstreamSettings.OFF,
        DeliverySettings.DEFAULT);
  }

  /** The same settings with the support page's public base URL (Slack answers link to it). */
  public Config withPublicUrl(String url) {
    return new Config(
        port,
        catalogFile,
        botToken,
        signingSecret,
        appToken,
        slackApiUrl,
        policyServiceUrl,
        catalogReload,
        dataDir,
        announceConfig,
        announceChannels,
        ledgerDatabaseUrl,
        Optional.of(url),
        upstream,
        delivery);
  }

  /** The upstream watcher's variables; see {@link UpstreamSettings}. */
  private static UpstreamSettings upstream(Map<String, String> env) {
    String url = value(env, "UPSTREAM_TAGS_URL").orElse(UpstreamSettings.DEFAULT_URL);
    return new UpstreamSettings(
        url.equalsIgnoreCase("off") ? Optional.empty() : Optional.of(url),
        Duration.ofSeconds(
            number(
                "UPSTREAM_CHECK_SECONDS",
                value(env, "UPSTREAM_CHECK_SECONDS").orElse("3600"),
                60,
                7 * 86_400)),
        value(env, "GITHUB_TOKEN"),
        value(env, "CATALOG_MAINTAINERS_CHANNEL"));
  }

  /** The outbox's variables; see {@link DeliverySettings}. */
  private static DeliverySettings delivery(Map<String, String> env) {
    return new DeliverySettings(
        value(env, "OUTBOX_LEASE_SECONDS")
            .map(v -> Duration.ofSeconds(number("OUTBOX_LEASE_SECONDS", v, 1, 3_600))),
        Duration.ofSeconds(
            number(
                "OUTBOX_RECOVERY_SECONDS",
                value(env, "OUTBOX_RECOVERY_SECONDS").orElse("60"),
                1,
                3_600)));
  }

  private static Path temporaryDataDir() {
    try {
      return Files.createTempDirectory("kommander-support-bot-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Optional<String> value(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }

  /** A whole number in [min, max], or an error naming the variable and the range. */
  private static long number(String name, String text, long min, long max) {
    try {
      long n = Long.parseLong(text);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        name + " must be a number from " + min + " to " + max + ", was '" + text + "'");
  }

  /** How the bot reaches Slack, decided by which variables are set. */
  public enum SlackMode {
    HTTP,
    SOCKET,
    OFF
  }

  public SlackMode slackMode() {
    if (botToken.isPresent() && appToken.isPresent()) {
      return SlackMode.SOCKET;
    }
    if (botToken.isPresent() && signingSecret.isPresent()) {
      return SlackMode.HTTP;
    }
    return SlackMode.OFF;
  }

  /** Why Slack is off, naming the variables to set. */
  public String slackOffReason() {
    List<String> missing = new ArrayList<>();
    if (botToken.isEmpty()) {
      missing.add("SLACK_BOT_TOKEN");
    }
    if (signingSecret.isEmpty() && appToken.isEmpty()) {
      missing.add("SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode)");
    }
    return "Slack is off: set " + String.join(" and ", missing);
  }

  @Override
  public String toString() {
    return "Config[port="
        + port
        + ", catalogFile="
        + catalogFile
        + ", slackMode="
        + slackMode()
        + ", slackApiUrl="
        + slackApiUrl
        + ", policyServiceUrl="
        + policyServiceUrl.orElse("none")
        + ", dataDir="
        + dataDir
        + ", upstream="
        + upstream.tagsUrl().orElse("off")
        + ", ledger="
        + (ledgerDatabaseUrl.isPresent() ? "postgresql" : "file")
        + ", botToken="
        + (botToken.isPresent() ? "set" : "unset")
        + ", signingSecret="
        + (signingSecret.isPresent() ? "set" : "unset")
        + ", appToken="
        + (appToken.isPresent() ? "set" : "unset")
        + "]";
  }
}
