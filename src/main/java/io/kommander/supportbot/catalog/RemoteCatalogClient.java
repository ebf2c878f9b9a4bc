package io.kommander.supportbot.catalog;

import io.kommander.supportbot.json.LimitedInput;
import io.kommander.supportbot.policy.Catalog;
import io.kommander.supportbot.timing.Timers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Fetches the catalog from a remote policy service ({@code GET /api/v1/catalog}) with a conditional
 * GET, connect and read timeouts, and a bounded number of attempts with exponential backoff. Never
 * throws: every outcome is a {@link Result}.
 */
public final class RemoteCatalogClient {
  /**
   * The most read of an answer: the catalog is about 20 KB as JSON; one past this is refused (and
   * not asked again until the next look) rather than read into the heap.
   */
  public static final long MAX_BYTES = 2 * 1024 * 1024;

  /** What one fetch found. */
  public sealed interface Result permits Updated, NotModified, Failed {}

  public record Updated(Catalog catalog, String etag) implements Result {}

  public record NotModified() implements Result {}

  public record Failed(String reason) implements Result {}

  private final HttpUrl url;
  private final OkHttpClient http;
  private final int attempts;
  private final Duration backoff;
  private final CatalogLoader loader = new CatalogLoader();

  public RemoteCatalogClient(String baseUrl, Duration timeout, int attempts, Duration backoff) {
    HttpUrl base = HttpUrl.parse(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    if (base == null) {
      throw new IllegalArgumentException("POLICY_SERVICE_URL is not an http(s) URL: " + baseUrl);
    }
    this.url = base.resolve("api/v1/catalog");
    this.http =
        new OkHttpClient.Builder()
            .connectTimeout(timeout)
            .readTimeout(timeout)
            .callTimeout(timeout.multipliedBy(2))
            .retryOnConnectionFailure(false) // retries are ours, counted and spaced
            .build();
    this.attempts = attempts;
    this.backoff = backoff;
  }

  public String url() {
    return url.toString();
  }

  /**
   * @param etag the ETag of the catalog held, or null
   */
  public Result fetch(String etag) {
    String last = "no attempt";
    for (int attempt = 1; attempt <= attempts; attempt++) {
      Request.Builder req = new Request.Builder().url(url).header("Accept", "application/json");
      if (etag != null) {
        req.header("If-None-Match", etag);
      }
      try (Response r = http.newCall(req.build()).execute()) {
        if (r.code() == 304) {
          return new NotModified();
        }
        if (r.code() == 200) {
          return parse(r);
        }
        last = "HTTP " + r.code();
        if (r.code() < 500 && r.code() != 429) {
          return new Failed(url + " answered " + last); // a client error will not heal by retrying
        }
      } catch (IOException e) {
        last = e.getClass().getSimpleName() + ": " + e.getMessage();
      }
      if (attempt < attempts && !Timers.sleep(backoff.multipliedBy(1L << (attempt - 1)))) {
        break;
      }
    }
    return new Failed(url + " failed after " + attempts + " attempts: " + last);
  }

  private static String read(ResponseBody body) throws IOException {
    String what = "the catalog";
    LimitedInput.check(body.contentLength(), MAX_BYTES, what);
    try (InputStream in = new LimitedInput(body.byteStream(), MAX_BYTES, what)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private Result parse(Response r) throws IOException {
    ResponseBody body = r.body();
    String text;
    try {
      text = body == null ? "" : read(body);
    } catch (LimitedInput.TooLarge e) {
      return new Failed(url + ": " + e.getMessage()); // the same answer would be again
    }
    try {
      return new Updated(loader.parse(url.toString(), text), r.header("ETag"));
    } catch (CatalogException e) {
      return new Failed("malformed catalog: " + e.getMessage()); // the same bytes would fail again
    }
  }
}
