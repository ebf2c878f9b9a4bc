package io.kommander.supportbot.upstream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.kommander.supportbot.policy.Version;
import io.kommander.supportbot.upstream.GitHubTags.Dated;
import io.kommander.supportbot.upstream.GitHubTags.Failed;
import io.kommander.supportbot.upstream.GitHubTags.Result;
import io.kommander.supportbot.upstream.GitHubTags.Tag;
import io.kommander.supportbot.upstream.GitHubTags.Tags;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What GitHub (or whoever answers at its address) can make the watcher do: the token goes only to
 * {@code UPSTREAM_TAGS_URL}'s own scheme, host and port, whatever a {@code Link} header or a {@code
 * commit.url} names; and no answer is read past {@link GitHubTags#MAX_BYTES}.
 */
class GitHubTagsTest {
  static final String TOKEN = "ghp_only-for-the-tags-host";
  static final String BEARER = "Bearer " + TOKEN;
  static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

  WireMockServer github;
  WireMockServer elsewhere;
  GitHubTags tags;

  @BeforeEach
  void start() {
    github = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    elsewhere = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    github.start();
    elsewhere.start();
    tags =
        new GitHubTags(
            github.baseUrl() + GitHubStub.TAGS, Optional.of(TOKEN), Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    github.stop();
    elsewhere.stop();
  }

  @Test
  void aNextPageOnAnotherHostIsAskedForWithoutTheToken() {
    github.stubFor(
        get(urlPathEqualTo(GitHubStub.TAGS))
            .willReturn(
                okJson("[" + GitHubStub.tag(github, "v2.19.0", "c190") + "]")
                    .withHeader(
                        "Link", "<" + elsewhere.baseUrl() + "/steal?page=2>; rel=\"next\"")));
    elsewhere.stubFor(get(urlPathEqualTo("/steal")).willReturn(okJson("[]")));

    assertThat(tags.tags(null, NOW)).isInstanceOf(Tags.class);
    github.verify(
        getRequestedFor(urlPathEqualTo(GitHubStub.TAGS))
            .withHeader("Authorization", equalTo(BEARER)));
    elsewhere.verify(
        1, getRequestedFor(urlPathEqualTo("/steal")).withHeader("Authorization", absent()));
  }

  @Test
  void aCommitOnAnotherHostIsAskedForWithoutTheTokenAndOnItsOwnHostWithIt() {
    elsewhere.stubFor(get(urlPathEqualTo("/c190")).willReturn(okJson(commit("2026-08-21"))));
    github.stubFor(get(urlPathEqualTo("/c180")).willReturn(okJson(commit("2026-05-19"))));

    assertThat(
            tags.commitDate(new Tag(Version.parse("2.19.0"), elsewhere.baseUrl() + "/c190"), NOW))
        .isEqualTo(new Dated(LocalDate.parse("2026-08-21")));
    assertThat(tags.commitDate(new Tag(Version.parse("2.18.0"), github.baseUrl() + "/c180"), NOW))
        .isEqualTo(new Dated(LocalDate.parse("2026-05-19")));
    elsewhere.verify(
        getRequestedFor(urlPathEqualTo("/c190")).withHeader("Authorization", absent()));
    github.verify(
        getRequestedFor(urlPathEqualTo("/c180")).withHeader("Authorization", equalTo(BEARER)));
  }

  @Test
  void aPageOfTagsPastTheLimitFailsWhetherItsLengthIsDeclaredOrNot() {
    String huge =
        "[" + ",{\"name\":\"x\"}".repeat((int) (GitHubTags.MAX_BYTES / 12)).substring(1) + "]";
    github.stubFor(get(urlPathEqualTo(GitHubStub.TAGS)).willReturn(okJson(huge)));
    assertThat(tags.tags(null, NOW))
        .isEqualTo(new Failed("a page of tags is larger than 1048576 bytes"));
    github.stubFor(
        get(urlPathEqualTo(GitHubStub.TAGS))
            .willReturn(aResponse().withStatus(200).withBody(huge).withChunkedDribbleDelay(2, 50)));
    assertThat(tags.tags(null, NOW))
        .isEqualTo(new Failed("a page of tags is larger than 1048576 bytes"));
  }

  @Test
  void aCommitIsReadOnlyAsFarAsItsDateHoweverLongItsFiles() {
    String files = ",\"files\":[" + "{\"patch\":\"x\"},".repeat(200_000) + "{}]}";
    String withFiles = commit("2026-08-21");
    github.stubFor(
        get(urlPathEqualTo("/big"))
            .willReturn(okJson(withFiles.substring(0, withFiles.length() - 1) + files)));
    // No committer: the author's date; and the same past the limit with no date at all fails.
    github.stubFor(
        get(urlPathEqualTo("/author"))
            .willReturn(
                okJson(
                    "{\"sha\":\"a\",\"commit\":{\"author\":{\"date\":\"2026-05-19T10:00:00Z\"},"
                        + "\"message\":\"m\"},\"files\":[]}")));
    github.stubFor(
        get(urlPathEqualTo("/nodate"))
            .willReturn(okJson("{\"sha\":\"a\"" + files.replace("]}", "]") + ",\"commit\":{}}")));

    assertThat(date("/big")).isEqualTo(new Dated(LocalDate.parse("2026-08-21")));
    assertThat(date("/author")).isEqualTo(new Dated(LocalDate.parse("2026-05-19")));
    assertThat(date("/nodate"))
        .isEqualTo(new Failed("the commit of v2.19.0 is larger than 1048576 bytes"));
  }

  private Result date(String path) {
    return tags.commitDate(new Tag(Version.parse("2.19.0"), github.baseUrl() + path), NOW);
  }

  /** GitHub's "Get a commit" shape, the date in commit.committer. */
  static String commit(String day) {
    return "{\"sha\":\"c\",\"node_id\":\"n\",\"commit\":{\"author\":{\"name\":\"a\",\"date\":\""
        + day
        + "T01:00:00Z\"},\"committer\":{\"name\":\"c\",\"date\":\""
        + day
        + "T01:30:00Z\"},\"message\":\"release\"},\"url\":\"u\"}";
  }
}
