package io.kommander.supportbot.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import io.kommander.supportbot.json.Json;
import io.kommander.supportbot.json.LimitedInput;
import io.kommander.supportbot.policy.Version;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Reads a repository's tags from GitHub's REST API ("List repository tags"), as a good citizen:
 * every page ({@code Link: rel="next"}), a conditional first page ({@code If-None-Match}; a 304
 * costs nothing), the server's {@code x-poll-interval}, and a rate limit's reset. Never throws:
 * every outcome is a {@link Result}. Each answer is read up to {@link #MAX_BYTES}, and {@code
 * GITHUB_TOKEN} goes only to the scheme, host and port of {@code UPSTREAM_TAGS_URL}: a page or a
 * commit that another host names is asked for without it.
 */
public final class GitHubTags {
  /** A final release: {@code v2.17.1}, not {@code -dev}, {@code -rc.N}, {@code -vanguard.N}. */
  static final Pattern FINAL = Pattern.compile("^v(\\d+)\\.(\\d+)\\.(\\d+)$");

  private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");
  private static final int MAX_PAGES = 50;

  /** A page of 100 tags is about 25 KB; a commit's date comes in its first kilobyte. */
  static final long MAX_BYTES = 1024 * 1024;

  /** What one look found. */
  public sealed interface Result permits Tags, NotModified, RateLimited, Failed, Dated {}

  /**
   * @param finals the final release tags, each with its commit's API URL
   * @param pollInterval the least time GitHub asks between looks, when it says
   */
  public record Tags(List<Tag> finals, String etag, Optional<Duration> pollInterval)
      implements Result {}

  public record NotModified(Optional<Duration> pollInterval) implements Result {}

  public record RateLimited(Instant until) implements Result {}

  public record Failed(String reason) implements Result {}

  /** The day a tag's commit was made. */
  public record Dated(LocalDate date) implements Result {}

  /** A final tag and where its commit is. */
  public record Tag(Version version, String commitUrl) {}

  private final HttpUrl url;
  private final Optional<String> token;
  private final OkHttpClient http;

  public GitHubTags(String tagsUrl, Optional<String> token, Duration timeout) {
    HttpUrl parsed = HttpUrl.parse(tagsUrl);
    if (parsed == null) {
      throw new IllegalArgumentException("UPSTREAM_TAGS_URL is not an http(s) URL: " + tagsUrl);
    }
    this.url =
        parsed.queryParameter("per_page") == null
            ? parsed.newBuilder().addQueryParameter("per_page", "100").build()
            : parsed;
    this.token = token;
    this.http =
        new OkHttpClient.Builder()
            .connectTimeout(timeout)
            .readTimeout(timeout)
            .callTimeout(timeout.multipliedBy(2))
            .build();
  }

  public String url() {
    return url.toString();
  }

  /**
   * All final tags, every page.
   *
   * @param etag the first page's ETag from the last look, or null
   */
  public Result tags(String etag, Instant now) {
    List<Tag> finals = new ArrayList<>();
    String firstEtag = null;
    Optional<Duration> interval = Optional.empty();
    HttpUrl page = url;
    for (int n = 0; page != null; n++) {
      if (n == MAX_PAGES) {
        return new Failed("more than " + MAX_PAGES + " pages of tags");
      }
      Request.Builder request = get(page);
      if (n == 0 && etag != null) {
        request.header("If-None-Match", etag);
      }
      try (Response r = http.newCall(request.build()).execute()) {
        if (n == 0) {
          interval = pollInterval(r);
          if (r.code() == 304) {
            return new NotModified(interval);
          }
          firstEtag = r.header("ETag");
        }
        Optional<Instant> limited = rateLimited(r, now);
        if (limited.isPresent()) {
          return new RateLimited(limited.get());
        }
        if (!r.isSuccessful()) {
          return new Failed("HTTP " + r.code() + " from " + page.host());
        }
        JsonNode body = Json.MAPPER.readTree(limited(r, "a page of tags"));
        if (body == null || !body.isArray()) {
          return new Failed("not a JSON array of tags");
        }
        for (JsonNode tag : body) {
          Matcher m = FINAL.matcher(tag.path("name").asText(""));
          String commit = tag.path("commit").path("url").asText("");
          if (m.matches() && !commit.isEmpty()) {
            finals.add(
                new Tag(
                    Version.of(
                        Integer.parseInt(m.group(1)),
                        Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))),
                    commit));
          }
        }
        page = next(r.header("Link"));
      } catch (IOException | RuntimeException e) {
        return new Failed(describe(e));
      }
    }
    return new Tags(List.copyOf(finals), firstEtag, interval);
  }

  /** The day a tag's commit was made (committer date, UTC), or why it could not be read. */
  public Result commitDate(Tag tag, Instant now) {
    HttpUrl commit = HttpUrl.parse(tag.commitUrl());
    if (commit == null) {
      return new Failed("tag v" + tag.version() + " has no commit URL");
    }
    try (Response r = http.newCall(get(commit).build()).execute()) {
      Optional<Instant> limited = rateLimited(r, now);
      if (limited.isPresent()) {
        return new RateLimited(limited.get());
      }
      if (!r.isSuccessful()) {
        return new Failed("HTTP " + r.code() + " for the commit of v" + tag.version());
      }
      String date = CommitDate.read(limited(r, "the commit of v" + tag.version()));
      return new Dated(OffsetDateTime.parse(date).atZoneSameInstant(ZoneOffset.UTC).toLocalDate());
    } catch (IOException | RuntimeException e) {
      return new Failed(describe(e));
    }
  }

  private Request.Builder get(HttpUrl page) {
    Request.Builder b =
        new Request.Builder()
            .url(page)
            .header("Accept", "application/vnd.github+json")
            .header("X-GitHub-Api-Version", "2022-11-28")
            .header("User-Agent", "kommander-support-bot");
    if (sameOrigin(page, url)) {
      token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
    }
    return b;
  }

  /** Whether the token may go there: the scheme, host and port it was given for. */
  static boolean sameOrigin(HttpUrl a, HttpUrl b) {
    return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
  }

  /** The body, read up to {@link #MAX_BYTES}. */
  private static InputStream limited(Response r, String what) throws IOException {
    ResponseBody body = r.body();
    LimitedInput.check(body.contentLength(), MAX_BYTES, what);
    return new LimitedInput(body.byteStream(), MAX_BYTES, what);
  }

  private static Optional<Duration> pollInterval(Response r) {
    return seconds(r.header("x-poll-interval")).map(Duration::ofSeconds);
  }

  /**
   * A 403 or 429 that is a rate limit: until {@code Retry-After} or {@code x-ratelimit-reset} (a
   * minute when neither says).
   */
  static Optional<Instant> rateLimited(Response r, Instant now) {
    boolean spent = "0".equals(r.header("x-ratelimit-remaining"));
    if (r.code() != 429 && !(r.code() == 403 && (spent || r.header("Retry-After") != null))) {
      return Optional.empty();
    }
    Optional<Instant> after = seconds(r.header("Retry-After")).map(now::plusSeconds);
    Optional<Instant> reset = seconds(r.header("x-ratelimit-reset")).map(Instant::ofEpochSecond);
    return Optional.of(after.or(() -> reset).orElse(now.plusSeconds(60)));
  }

  private static Optional<Long> seconds(String header) {
    try {
      return Optional.ofNullable(header).map(String::strip).map(Long::parseLong);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static HttpUrl next(String link) {
    if (link == null) {
      return null;
    }
    Matcher m = NEXT.matcher(link);
    return m.find() ? HttpUrl.parse(m.group(1)) : null;
  }

  private static String describe(Exception e) {
    if (e instanceof LimitedInput.TooLarge) {
      return e.getMessage();
    }
    String what = e.getClass().getSimpleName();
    return e.getMessage() == null
        ? what
        : what + ": " + e.getMessage().lines().findFirst().orElse("");
  }
}
