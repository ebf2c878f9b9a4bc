package io.kommander.supportbot.upstream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.catalog.LiveCatalog;
import io.kommander.supportbot.policy.Minor;
import io.kommander.supportbot.policy.Product;
import io.kommander.supportbot.policy.ReleaseLine;
import io.kommander.supportbot.policy.Support;
import io.kommander.supportbot.query.QueryParser;
import io.kommander.supportbot.render.TextRenderer;
import io.kommander.supportbot.testing.ManualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watcher against a GitHub API stub over real HTTP, in GitHub's own response shapes ("List
 * repository tags": an array of {name, commit: {sha, url}}, pages joined by Link; "Get a commit":
 * commit.committer.date).
 */
class UpstreamWatcherTest {
  private final ManualClock clock = new ManualClock("2026-11-29T10:00:00Z");
  private WireMockServer github;
  private String base;
  @TempDir Path data;

  @BeforeEach
  void start() {
    github = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    github.start();
    base = github.baseUrl();
  }

  @AfterEach
  void stop() {
    github.stop();
  }

  private UpstreamWatcher watcher(LiveCatalog live) {
    return new UpstreamWatcher(
        Optional.of(
            new GitHubTags(
                base + GitHubStub.TAGS, Optional.of("ghp_test"), Duration.ofMillis(800))),
        UpstreamStore.file(data),
        live,
        clock,
        Duration.ofHours(1),
        Optional.empty(),
        Optional.empty());
  }

  private static String ask(LiveCatalog live, String q) {
    return new TextRenderer().render(live.get().answer(new QueryParser().parse(q)));
  }

  private static Support sixteen(LiveCatalog live) {
    ReleaseLine l = live.catalog().line(Product.NKP, Minor.parse("2.16")).orElseThrow();
    return live.get().policy().support(l, live.get().today());
  }

  @Test
  void oneLookThatFindsTwoNineteenChangesTheAnswerAboutTwoSixteenAtOnce() {
    GitHubStub.twoPages(github);
    LiveCatalog live = new LiveCatalog(TestCatalogs.shipped(), clock);
    assertThat(sixteen(live)).isInstanceOf(Support.InDoubt.class);

    UpstreamWatcher w = watcher(live);
    SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    w.bindTo(metrics);
    assertThat(metrics.get("upstream_last_outcome").tag("outcome", "not-yet").gauge().value())
        .isEqualTo(1);
    assertThat(w.look()).isTrue();

    assertThat(w.outcome()).isEqualTo(UpstreamWatcher.Outcome.CHANGED);
    assertThat(metrics.get("upstream_last_outcome").tag("outcome", "changed").gauge().value())
        .isEqualTo(1);
    assertThat(metrics.get("upstream_last_outcome").tag("outcome", "not-yet").gauge().value())
        .isZero();
    assertThat(metrics.get("upstream_unreviewed_releases").gauge().value()).isEqualTo(1);
    assertThat(metrics.get("upstream_last_success_seconds").gauge().value())
        .isEqualTo(clock.instant().getEpochSecond());
    assertThat(sixteen(live)).isInstanceOf(Support.Expired.class);
    assertThat(ask(live, "nkp 2.16"))
        .contains("NKP 2.16: expired")
        .contains("Support ended on 2026-08-21, when NKP 2.19 shipped.");
    assertThat(ask(live, "nkp 2.19"))
        .contains("NKP 2.19: supported")
        .contains(
            "Found upstream as a release tag dated 2026-08-21, not yet reviewed (provisional).")
        .doesNotContain("Release data last reviewed");
    assertThat(live.unreviewed()).extracting(f -> f.version().toString()).containsExactly("2.19.0");
    // Only the new final tag's commit was looked up; dev, rc, vanguard and bitnami tags never.
    github.verify(
        1,
        getRequestedFor(urlPathEqualTo("/repos/mesosphere/kommander-applications/commits/c190")));
    assertThat(
            github.findAll(
                getRequestedFor(
                    com.github.tomakehurst.wiremock.client.WireMock.urlMatching(".*/commits/.*"))))
        .hasSize(1);
    github.verify(
        getRequestedFor(urlPathEqualTo(GitHubStub.TAGS))
            .withHeader("Authorization", equalTo("Bearer ghp_test")));
    github.verify(
        getRequestedFor(urlPathEqualTo(GitHubStub.TAGS)).withQueryParam("page", equalTo("2")));
  }

  @Test
  void theNextLookIsConditionalAndA304ChangesNothing() {
    GitHubStub.twoPages(github);
    LiveCatalog live = new LiveCatalog(TestCatalogs.shipped(), clock);
    UpstreamWatcher w = watcher(live);
    w.look();
    assertThat(w.look()).as("not before the hour is up").isFalse();
    github.stubFor(
        get(urlPathEqualTo(GitHubStub.TAGS))
            .withHeader("If-None-Match", equalTo("W/\"page1\""))
            .atPriority(1)
            .willReturn(aResponse().withStatus(304).withHeader("x-poll-interval", "7200")));
    clock.advance(Duration.ofHours(1));
    assertThat(w.look()).isTrue();
    assertThat(w.outcome()).isEqualTo(UpstreamWatcher.Outcome.UNCHANGED);
    assertThat(sixteen(live)).isInstanceOf(Support.Expired.class);
    clock.advance(Duration.ofHours(1));
    assertThat(w.look()).as("GitHub asked for two hours between looks").isFalse();
  }

  @Test
  void aRateLimitWaitsUntilItsResetAndKeepsWhatIsKnown() {
    long reset = Instant.parse("2026-11-29T12:00:00Z").getEpochSecond();
    github.stubFor(
        get(urlPathEqualTo(GitHubStub.TAGS))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("x-ratelimit-remaining", "0")
                    .withHeader("x-ratelimit-reset", String.valueOf(reset))
                    .withBody("{\"message\":\"API rate limit exceeded\"}")));
    LiveCatalog live = new LiveCatalog(TestCatalogs.shipped(), clock);
    UpstreamWatcher w = watcher(live);
    assertThat(w.look()).isTrue();
    assertThat(w.outcome()).isEqualTo(UpstreamWatcher.Outcome.RATE_LIMITED);
    clock.set("2026-11-29T11:59:00Z");
    assertThat(w.look()).isFalse();
    github.verify(1, getRequestedFor(urlPathEqualTo(GitHubStub.TAGS)));
    assertThat(sixteen(live)).isInstanceOf(Support.InDoubt.class);
    clock.set("2026-11-29T12:00:00Z");
    assertThat(w.look()).isTrue();
  }

  @Test
  void aServerErrorAMalformedBodyAndASlowAnswerKeepTheLastGoodState() {
    GitHubStub.twoPages(github);
    LiveCatalog live = new LiveCatalog(TestCatalogs.shipped(), clock);
    UpstreamWatcher w = watcher(live);
    w.look();
    for (var response :
        new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder[] {
          aResponse().withStatus(500),
          okJson("{\"not\":\"an array\"}"),
          okJson("[").withFixedDelay(0),
          okJson("[]").withFixedDelay(3_000)
        }) {
      github.stubFor(get(urlPathEqualTo(GitHubStub.TAGS)).atPriority(1).willReturn(response));
      clock.advance(Duration.ofHours(2));
      long start = System.nanoTime();
      assertThat(w.look()).isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
      assertThat(w.outcome()).isEqualTo(UpstreamWatcher.Outcome.FAILED);
      assertThat(sixteen(live)).as("the last good state stays").isInstanceOf(Support.Expired.class);
    }
  }

  @Test
  void aRestartKeepsTheProvisionalReleaseAndTheReviewedCatalogRemovesIt() {
    GitHubStub.twoPages(github);
    watcher(new LiveCatalog(TestCatalogs.shipped(), clock)).look();

    // A new process with GitHub unreachable: the stored finding still answers.
    github.stop();
    LiveCatalog restarted = new LiveCatalog(TestCatalogs.shipped(), clock);
    watcher(restarted);
    assertThat(sixteen(restarted)).isInstanceOf(Support.Expired.class);
    assertThat(restarted.unreviewed()).hasSize(1);

    // A person adds NKP 2.19 to the catalog: the finding changes nothing and is not listed.
    String text =
        TestCatalogs.shippedText()
            .replace(
                "    status: reported\n    released: 2026-08-26",
                "    status: released\n    released: 2026-08-26\n    confidence: approximate");
    restarted.replace(new io.kommander.supportbot.catalog.CatalogLoader().parse("r.yaml", text));
    assertThat(restarted.unreviewed()).isEmpty();
    assertThat(
            restarted.catalog().line(Product.NKP, Minor.parse("2.19")).orElseThrow().provisional())
        .isFalse();
  }
}
