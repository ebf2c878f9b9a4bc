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
  private static final String TAGS = "/repos/mesosphere/kommander-applications/tags";
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

  private String tag(String name, String sha) {
    return "{\"name\":\""
        + name
        + "\",\"zipball_url\":\"x\",\"tarball_url\":\"x\",\"node_id\":\"n\",\"commit\":{\"sha\":\""
        + sha
        + "\",\"url\":\""
        + github.baseUrl()
        + "/repos/mesosphere/kommander-applications/commits/"
        + sha
        + "\"}}";
  }

  /** Two pages: the first with dev, rc and vanguard tags beside the new final one. */
  private void stubTwoPages() {
    github.stubFor(
        get(urlPathEqualTo(TAGS))
            .withQueryParam("page", equalTo("2"))
            .willReturn(
                okJson("[" + tag("v2.17.1", "c171") + "," + tag("v2.15.0-bitnami", "b") + "]")));
    github.stubFor(
        get(urlPathEqualTo(TAGS))
            .withQueryParam("per_page", equalTo("100"))
            .withQueryParam("page", com.github.tomakehurst.wiremock.client.WireMock.absent())
            .willReturn(
                okJson(
                        "["
                            + String.join(
                                ",",
                                tag("v2.19.0", "c190"),
                                tag("v2.19.0-rc.3", "r"),
                                tag("v2.20.0-dev.1", "d"),
                                tag("v2.19.0-vanguard.2", "v"),
                                tag("v2.18.0", "c180"))
                            + "]")
                    .withHeader("ETag", "W/\"page1\"")
                    .withHeader(
                        "Link",
                        "<"
                            + github.baseUrl()
                            + TAGS
                            + "?per_page=100&page=2>; rel=\"next\", <"
                            + github.baseUrl()
                            + TAGS
                            + "?per_page=100&page=2>; rel=\"last\"")));
    github.stubFor(
        get(urlPathEqualTo("/repos/mesosphere/kommander-applications/commits/c190"))
            .willReturn(
                okJson(
                    "{\"sha\":\"c190\",\"commit\":{\"author\":{\"date\":\"2026-08-20T09:00:00Z\"},"
                        + "\"committer\":{\"date\":\"2026-08-21T01:30:00Z\"},\"message\":\"release\"}}")));
  }

  private UpstreamWatcher watcher(LiveCatalog live) {
    return new UpstreamWatcher(
        new GitHubTags(base + TAGS, Optional.of("ghp_test"), Duration.ofMillis(800)),
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
    stubTwoPages();
    LiveCatalog live = new LiveCatalog(TestCatalogs.shipped(), clock);
    assertThat(sixteen(live)).isInstanceOf(Support.InDoubt.class);

    UpstreamWatcher w = watcher(live);
    assertThat(w.look()).isTrue();

    assertThat(w.outcome()).isEqualTo("changed");
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
        getRequestedFor(urlPathEqualTo(TAGS))
            .withHeader("Authorization", equalTo("Bearer ghp_test")));
    github.verify(getRequestedFor(urlPathEqualTo(TAGS)).withQueryParam("page", equalTo("2")));
  }

  @Test
  void theNextLookIsConditionalAndA304ChangesNothing() {
    stubTwoPages();
    LiveCatalog live = new LiveCatalog(TestCatalogs.shipped(), clock);
    UpstreamWatcher w = watcher(live);
    w.look();
    assertThat(w.look()).as("not before the hour is up").isFalse();
    github.stubFor(
        get(urlPathEqualTo(TAGS))
            .withHeader("If-None-Match", equalTo("W/\"page1\""))
            .atPriority(1)
            .willReturn(aResponse().withStatus(304).withHeader("x-poll-interval", "7200")));
    clock.advance(Duration.ofHours(1));
    assertThat(w.look()).isTrue();
    assertThat(w.outcome()).isEqualTo("unchanged");
    assertThat(sixteen(live)).isInstanceOf(Support.Expired.class);
    clock.advance(Duration.ofHours(1));
    assertThat(w.look()).as("GitHub asked for two hours between looks").isFalse();
  }

  @Test
  void aRateLimitWaitsUntilItsResetAndKeepsWhatIsKnown() {
    long reset = Instant.parse("2026-11-29T12:00:00Z").getEpochSecond();
    github.stubFor(
        get(urlPathEqualTo(TAGS))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("x-ratelimit-remaining", "0")
                    .withHeader("x-ratelimit-reset", String.valueOf(reset))
                    .withBody("{\"message\":\"API rate limit exceeded\"}")));
    LiveCatalog live = new LiveCatalog(TestCatalogs.shipped(), clock);
    UpstreamWatcher w = watcher(live);
    assertThat(w.look()).isTrue();
    assertThat(w.outcome()).isEqualTo("rate-limited");
    clock.set("2026-11-29T11:59:00Z");
    assertThat(w.look()).isFalse();
    github.verify(1, getRequestedFor(urlPathEqualTo(TAGS)));
    assertThat(sixteen(live)).isInstanceOf(Support.InDoubt.class);
    clock.set("2026-11-29T12:00:00Z");
    assertThat(w.look()).isTrue();
  }

  @Test
  void aServerErrorAMalformedBodyAndASlowAnswerKeepTheLastGoodState() {
    stubTwoPages();
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
      github.stubFor(get(urlPathEqualTo(TAGS)).atPriority(1).willReturn(response));
      clock.advance(Duration.ofHours(2));
      long start = System.nanoTime();
      assertThat(w.look()).isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
      assertThat(w.outcome()).isEqualTo("failed");
      assertThat(sixteen(live)).as("the last good state stays").isInstanceOf(Support.Expired.class);
    }
  }

  @Test
  void aRestartKeepsTheProvisionalReleaseAndTheReviewedCatalogRemovesIt() {
    stubTwoPages();
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
