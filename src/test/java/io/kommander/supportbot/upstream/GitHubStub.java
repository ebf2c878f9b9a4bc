package io.kommander.supportbot.upstream;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * GitHub's REST API as the watcher meets it, in GitHub's own response shapes ("List repository
 * tags": an array of {name, commit: {sha, url}}, pages joined by Link; "Get a commit":
 * commit.committer.date).
 */
final class GitHubStub {
  static final String TAGS = "/repos/mesosphere/kommander-applications/tags";

  private GitHubStub() {}

  static String tag(WireMockServer github, String name, String sha) {
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

  /**
   * Two pages of tags (v2.19.0 new, dated 2026-08-21 by its commit): the first with dev, rc and
   * vanguard tags beside the new final one.
   */
  static void twoPages(WireMockServer github) {
    github.stubFor(
        get(urlPathEqualTo(TAGS))
            .withQueryParam("page", equalTo("2"))
            .willReturn(
                okJson(
                    "["
                        + tag(github, "v2.17.1", "c171")
                        + ","
                        + tag(github, "v2.15.0-bitnami", "b")
                        + "]")));
    github.stubFor(
        get(urlPathEqualTo(TAGS))
            .withQueryParam("per_page", equalTo("100"))
            .withQueryParam("page", com.github.tomakehurst.wiremock.client.WireMock.absent())
            .willReturn(
                okJson(
                        "["
                            + String.join(
                                ",",
                                tag(github, "v2.19.0", "c190"),
                                tag(github, "v2.19.0-rc.3", "r"),
                                tag(github, "v2.20.0-dev.1", "d"),
                                tag(github, "v2.19.0-vanguard.2", "v"),
                                tag(github, "v2.18.0", "c180"))
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
}
