package io.kommander.supportbot.catalog;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.catalog.RemoteCatalogClient.Failed;
import io.kommander.supportbot.catalog.RemoteCatalogClient.NotModified;
import io.kommander.supportbot.catalog.RemoteCatalogClient.Result;
import io.kommander.supportbot.catalog.RemoteCatalogClient.Updated;
import io.kommander.supportbot.policy.Catalog;
import io.kommander.supportbot.policy.Reply;
import io.kommander.supportbot.query.QueryParser;
import io.kommander.supportbot.testing.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** WireMock plays the remote policy service over real HTTP. */
class RemoteCatalogClientTest {
  private static final String PATH = "/api/v1/catalog";
  private static final String CATALOG_JSON = CatalogJson.write(TestCatalogs.withPlanned());

  private WireMockServer service;
  private RemoteCatalogClient client;

  @BeforeEach
  void start() {
    service =
        new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true));
    service.start();
    // A timeout no answer of the stub comes near, however loaded the machine: these tests are
    // about what the service answers (the slow-service test below makes its own client).
    client =
        new RemoteCatalogClient(
            service.baseUrl(), Duration.ofSeconds(10), 3, Duration.ofMillis(20));
  }

  @AfterEach
  void stop() {
    service.stop();
  }

  private void serve(int status, String body) {
    service.stubFor(
        get(PATH)
            .willReturn(
                aResponse().withStatus(status).withHeader("ETag", "W/\"v1\"").withBody(body)));
  }

  @Test
  void a200IsTheCatalogWithItsEtag() {
    serve(200, CATALOG_JSON);
    Result r = client.fetch(null);
    assertThat(r)
        .isInstanceOfSatisfying(
            Updated.class,
            u -> {
              assertThat(u.etag()).isEqualTo("W/\"v1\"");
              assertThat(u.catalog().lines()).isEqualTo(TestCatalogs.withPlanned().lines());
            });
    service.verify(getRequestedFor(urlEqualTo(PATH)).withHeader("If-None-Match", absent()));
  }

  @Test
  void theEtagIsSentBackAndA304MeansNotModified() {
    service.stubFor(
        get(PATH)
            .withHeader("If-None-Match", equalTo("W/\"v1\""))
            .willReturn(aResponse().withStatus(304)));
    assertThat(client.fetch("W/\"v1\"")).isInstanceOf(NotModified.class);
    service.verify(1, getRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void fiveHundredsAreRetriedAFewTimesThenReported() {
    serve(500, "oops");
    assertThat(client.fetch(null))
        .isInstanceOfSatisfying(
            Failed.class, f -> assertThat(f.reason()).contains("after 3 attempts: HTTP 500"));
    service.verify(3, getRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void aTransient500IsRetriedIntoSuccess() {
    service.stubFor(
        get(PATH)
            .inScenario("flaky")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("up"));
    service.stubFor(
        get(PATH)
            .inScenario("flaky")
            .whenScenarioStateIs("up")
            .willReturn(aResponse().withStatus(200).withBody(CATALOG_JSON)));
    assertThat(client.fetch(null)).isInstanceOf(Updated.class);
    service.verify(2, getRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void aResponseSlowerThanTheTimeoutFailsInBoundedTime() {
    service.stubFor(
        get(PATH)
            .willReturn(aResponse().withStatus(200).withBody(CATALOG_JSON).withFixedDelay(3_000)));
    RemoteCatalogClient impatient =
        new RemoteCatalogClient(
            service.baseUrl(), Duration.ofMillis(200), 3, Duration.ofMillis(20));
    assertThat(impatient.fetch(null))
        .isInstanceOfSatisfying(
            Failed.class, f -> assertThat(f.reason()).contains("SocketTimeoutException"));
    // Bounded by construction: each of the 3 attempts gave up at its timeout, none waited the 3 s.
    service.verify(3, getRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void malformedJsonIsReportedAndNotRetried() {
    serve(200, "{\"policy\": {\"window\": 3}, \"lines\": [");
    assertThat(client.fetch(null))
        .isInstanceOfSatisfying(
            Failed.class, f -> assertThat(f.reason()).startsWith("malformed catalog: "));
    serve(200, "{\"policy\": {\"window\": 0, \"endsSoonDays\": 30}}");
    assertThat(client.fetch(null))
        .isInstanceOfSatisfying(
            Failed.class, f -> assertThat(f.reason()).contains("window must be between 1 and 20"));
    service.verify(2, getRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void aCatalogPastTheLimitIsRefusedUnreadAndNotRetriedWithOrWithoutItsLength() {
    String huge = CATALOG_JSON + " ".repeat((int) RemoteCatalogClient.MAX_BYTES);
    serve(200, huge); // Content-Length says how long: refused before reading
    assertThat(client.fetch(null))
        .isEqualTo(
            new Failed(service.baseUrl() + PATH + ": the catalog is larger than 2097152 bytes"));
    service.stubFor(
        get(PATH)
            .willReturn(aResponse().withStatus(200).withBody(huge).withChunkedDribbleDelay(4, 40)));
    assertThat(client.fetch(null))
        .isEqualTo(
            new Failed(service.baseUrl() + PATH + ": the catalog is larger than 2097152 bytes"));
    service.verify(2, getRequestedFor(urlEqualTo(PATH)));
    serve(200, CATALOG_JSON);
    assertThat(CATALOG_JSON.length()).isLessThan((int) RemoteCatalogClient.MAX_BYTES / 20);
    assertThat(client.fetch(null)).isInstanceOf(Updated.class);
  }

  @Test
  void aClientErrorIsNotRetried() {
    serve(404, "no");
    assertThat(client.fetch(null))
        .isInstanceOfSatisfying(
            Failed.class, f -> assertThat(f.reason()).endsWith("answered HTTP 404"));
    service.verify(1, getRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void whenTheServiceGoesDownAnswersComeFromTheLastGoodDataAndSaySo() {
    serve(200, CATALOG_JSON);
    ManualClock clock = new ManualClock("2026-11-25T10:00:00Z");
    LiveCatalog live = new LiveCatalog(TestCatalogs.april(), clock);
    RemoteCatalogSync sync =
        new RemoteCatalogSync(client, live, clock, Duration.ofMinutes(2), clock.instant());
    assertThat(sync.refresh()).isTrue();
    Catalog remote = live.catalog();
    assertThat(remote.lines())
        .hasSize(21); // the remote catalog, with planned lines, replaced the local one

    serve(500, "down");
    clock.advance(Duration.ofSeconds(60));
    assertThat(sync.refresh()).isFalse();
    assertThat(live.get().caveat()).isEmpty(); // a minute is not stale yet
    clock.advance(Duration.ofSeconds(120));
    assertThat(sync.refresh()).isFalse();
    Reply reply = live.get().answer(new QueryParser().parse("2.3"));
    assertThat(live.catalog()).isSameAs(remote);
    assertThat(reply.notes()).first().asString().contains("may be stale");

    serve(200, CATALOG_JSON);
    assertThat(sync.refresh()).isTrue();
    assertThat(live.get().answer(new QueryParser().parse("2.3")).notes()).isEmpty();
  }
}
