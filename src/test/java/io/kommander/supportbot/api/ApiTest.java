package io.kommander.supportbot.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kommander.supportbot.Bot;
import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.catalog.LiveCatalog;
import io.kommander.supportbot.testing.TestConfigs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The REST API over real HTTP: every endpoint, valid and invalid input. */
class ApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static Bot bot;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    LiveCatalog live =
        new LiveCatalog(
            TestCatalogs.withPlanned(),
            Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC));
    bot = Bot.start(TestConfigs.withoutSlack(), "127.0.0.1", live);
    base = "http://127.0.0.1:" + bot.port() + "/api/v1";
  }

  @AfterAll
  static void stop() {
    bot.close();
  }

  /** Every response of this suite, checked against openapi.yaml when the suite ends. */
  static final List<HttpResponse<String>> SEEN = new java.util.concurrent.CopyOnWriteArrayList<>();

  static HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + path)).GET();
    for (int i = 0; i < headers.length; i += 2) {
      req.header(headers[i], headers[i + 1]);
    }
    HttpResponse<String> r = HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
    SEEN.add(r);
    return r;
  }

  /**
   * The document and the server cannot drift apart: each response the suite saw, for a documented
   * path, must be one the document lists for that path, status and body shape (a real validator
   * reads openapi.yaml). Requests are not judged: many are wrong on purpose.
   */
  @AfterAll
  static void everyResponseMatchesTheDocument() throws Exception {
    String spec =
        new String(
            ApiTest.class.getResourceAsStream("/openapi.yaml").readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8);
    var validator =
        com.atlassian.oai.validator.OpenApiInteractionValidator.createForInlineApiSpecification(
                spec)
            .withLevelResolver(
                com.atlassian.oai.validator.report.LevelResolver.create()
                    .withLevel(
                        "validation.request",
                        com.atlassian.oai.validator.report.ValidationReport.Level.IGNORE)
                    .build())
            .build();
    int checked = 0;
    for (HttpResponse<String> r : SEEN) {
      URI uri = r.request().uri();
      var request = com.atlassian.oai.validator.model.SimpleRequest.Builder.get(uri.getRawPath());
      if (uri.getRawQuery() != null) {
        for (String pair : uri.getRawQuery().split("&")) {
          String[] kv = pair.split("=", 2);
          request.withQueryParam(
              kv[0],
              java.net.URLDecoder.decode(
                  kv.length > 1 ? kv[1] : "", java.nio.charset.StandardCharsets.UTF_8));
        }
      }
      var response =
          com.atlassian.oai.validator.model.SimpleResponse.Builder.status(r.statusCode());
      r.headers().map().forEach((k, v) -> response.withHeader(k, v));
      if (!r.body().isEmpty()) {
        response.withBody(r.body());
      }
      var report = validator.validate(request.build(), response.build());
      assertThat(
              report.getMessages().stream()
                  .filter(
                      m ->
                          m.getLevel()
                              == com.atlassian.oai.validator.report.ValidationReport.Level.ERROR)
                  .toList())
          .as(uri + " -> " + r.statusCode() + " " + r.body())
          .isEmpty();
      checked++;
    }
    System.out.println("ApiTest: " + checked + " responses match openapi.yaml");
    assertThat(checked).isGreaterThan(50);
  }

  static JsonNode json(String path, int status) throws Exception {
    HttpResponse<String> r = get(path);
    assertThat(r.statusCode()).as(path + " -> " + r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    return JSON.readTree(r.body());
  }

  @Test
  void aSupportedKommanderVersionSaysUntilWhenAndWhatToUpgradeTo() throws Exception {
    JsonNode s = json("/kommander/1.4.2?asOf=2022-03-01", 200);
    assertThat(s.get("status").asText()).isEqualTo("supported");
    assertThat(s.get("supported").asBoolean()).isTrue();
    assertThat(s.at("/line/konvoy").asText()).isEqualTo("1.8");
    assertThat(s.at("/supportEnds/date").asText()).isEqualTo("2022-04-08");
    assertThat(s.at("/supportEnds/by").asText()).isEqualTo("DKP 2.2");
    assertThat(s.at("/supportEnds/derived").asBoolean()).isTrue();
    assertThat(s.at("/upgrade/latestPatch").asText()).isEqualTo("1.4.4");
    assertThat(s.at("/upgrade/patchCheck").asText()).isEqualTo("behind");
    assertThat(s.at("/upgrade/newestKommander").asText()).isEqualTo("2.1");
    assertThat(s.at("/upgrade/newestLine").asText()).isEqualTo("Kommander 2.1 / Konvoy 2.1");
    assertThat(s.at("/line/confidence").asText()).isEqualTo("exact");
  }

  @Test
  void anExpiredVersionSaysWhenAndByWhichRelease() throws Exception {
    JsonNode s = json("/kommander/v1.3", 200);
    assertThat(s.get("status").asText()).isEqualTo("expired");
    assertThat(s.at("/supportEnded/date").asText()).isEqualTo("2021-11-19");
    assertThat(s.at("/supportEnded/by").asText()).isEqualTo("Kommander 2.1 / Konvoy 2.1");
    assertThat(s.has("supportEnds")).isFalse();
  }

  @Test
  void aKonvoyVersionIsAnsweredForItsPairedLine() throws Exception {
    JsonNode s = json("/konvoy/2.15", 200);
    assertThat(s.get("product").asText()).isEqualTo("konvoy");
    assertThat(s.at("/line/kommander").asText()).isEqualTo("2.15");
    assertThat(s.at("/line/name").asText()).isEqualTo("NKP 2.15");
    assertThat(s.at("/supportEnds/date").asText()).isEqualTo("2027-01-15");
    assertThat(s.at("/supportEnds/planned").asBoolean()).isTrue();
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/kommander/abc|400|bad_version|version: I couldn't find a version",
        "/kommander/1.4.2.1|400|bad_version|has 4 parts",
        "/kommander/-1.4|400|bad_version|never negative",
        "/kommander/99999999999.1|400|bad_version|larger than 999",
        "/kommander/1.4%20konvoy|400|bad_version|versions look like",
        "/kommander/|400|missing_version|/api/v1/kommander/{version}",
        "/kommander/1.9|404|unknown_version|Not in the release catalog",
        "/kommander/3.9|404|unknown_version|There is no Kommander 3.9",
        "/nkp/2.10|404|unknown_version|2.10 was never released",
        "/kubernetes/abc|400|bad_version|kubernetes:",
        "/konvoy/1.9|404|unknown_version|Known Konvoy lines",
        "/compatibility?kommander=1.2|400|missing_parameter|Both kommander and konvoy",
        "/compatibility?kommander=1.2&konvoy=x|400|bad_version|konvoy:",
        "/matrix?asOf=2021-13-01|400|bad_date|YYYY-MM-DD",
        "/matrix?asOf=yesterday|400|bad_date|'yesterday' is not a date",
        "/matrix?asOf=2020-01-01|400|before_history|2021-02-10",
        "/nope|404|not_found|openapi.yaml",
        "/eol/other.json|404|not_found|kommander,konvoy,dkp,nkp",
        "/upcoming?asOf=%2B999999999-12-31|400|bad_date|from 2019-01-01 to 2031-11-25",
        "/matrix?asOf=2018-12-31|400|bad_date|from 2019-01-01 to 2031-11-25",
        "/matrix?asOf=2031-11-26|400|bad_date|from 2019-01-01 to 2031-11-25",
        "/matrix?asOf=2021-06-01&asOf=2021-06-02|400|bad_parameter|asOf: give it once",
        "/upcoming?days=0|400|bad_parameter|from 1 to 999",
        "/calendar.ics?alarms=1,2,3,4,5,6|400|bad_parameter|at most 5",
        "/calendar.ics?supported=maybe|400|bad_parameter|true or false",
        "/upgrade-path?from=2.5&direct=1|400|bad_parameter|true or false",
        "/kommander/1111111111111111111111111111111111111111111111111111111111111111111111111111111"
            + "11111111111111111111111.1|400|bad_version|at most 100 characters"
      })
  void badInputGetsAClearJsonError(String path, int status, String code, String message)
      throws Exception {
    JsonNode e = json(path, status);
    assertThat(e.get("error").asText()).isEqualTo(code);
    assertThat(e.get("message").asText()).contains(message);
  }

  /**
   * A URL over 8 KiB is refused before its path is read: the server's line of text, as documented.
   */
  @Test
  void aUrlOverItsLimitIsA414() throws Exception {
    HttpResponse<String> r = get("/matrix?x=" + "a".repeat(9_000));
    assertThat(r.statusCode()).isEqualTo(414);
    assertThat(r.body()).contains("at most 8 KiB");
  }

  @Test
  void compatibilityRefusesMixedMinorsAndNamesThePairs() throws Exception {
    JsonNode c = json("/compatibility?kommander=1.2&konvoy=1.7", 200);
    assertThat(c.get("supported").asBoolean()).isFalse();
    assertThat(c.get("verdict").asText()).isEqualTo("mixed_minors");
    assertThat(c.get("kommanderPairsWithKonvoy").asText()).isEqualTo("1.6");
    assertThat(c.get("konvoyPairsWithKommander").asText()).isEqualTo("1.3");
    JsonNode ok = json("/compatibility?kommander=1.4.2&konvoy=1.8.5&asOf=2021-06-01", 200);
    assertThat(ok.get("verdict").asText()).isEqualTo("supported");
    assertThat(ok.at("/line/status").asText()).isEqualTo("supported");
  }

  @Test
  void theMatrixTimeTravels() throws Exception {
    JsonNode m = json("/matrix?asOf=2021-09-01", 200);
    assertThat(m.get("policy").asText()).isEqualTo("N-2");
    List<String> supported = new ArrayList<>();
    m.get("lines")
        .forEach(
            l -> {
              if (l.get("supported").asBoolean()) supported.add(l.get("version").asText());
            });
    assertThat(supported).containsExactly("2.0", "1.4", "1.3");
    assertThat(m.get("owner").asText()).isEqualTo("D2iQ");
    assertThat(m.at("/freshness/mayBeStale").asBoolean()).isFalse();
    JsonNode today = json("/matrix", 200);
    assertThat(today.get("owner").asText()).isEqualTo("Nutanix");
    assertThat(today.at("/freshness/mayBeStale").asBoolean()).isTrue();
    assertThat(today.at("/freshness/message").asText())
        .contains("if a line newer than NKP 2.17 has shipped, NKP 2.15 is no longer supported.");
  }

  @Test
  void everyNameReachesTheSameLine() throws Exception {
    for (String path : List.of("/nkp/2.15", "/dkp/2.15", "/kommander/2.15", "/konvoy/2.15")) {
      JsonNode s = json(path + "?asOf=2025-06-01", 200);
      assertThat(s.at("/line/name").asText()).as(path).isEqualTo("NKP 2.15");
      assertThat(s.at("/line/kubernetes/minor").asText()).as(path).isEqualTo("1.32");
      assertThat(s.at("/supportEnds/date").asText()).as(path).isEqualTo("2027-01-15");
    }
    JsonNode dkp = json("/dkp/2.4", 200);
    assertThat(dkp.get("status").asText()).isEqualTo("expired");
    assertThat(dkp.at("/supportEnded/date").asText()).isEqualTo("2024-01-16");
    assertThat(dkp.at("/line/confidence").asText()).isEqualTo("approximate");
  }

  @Test
  void upgradePathsComeHopByHopWithTheirEvidence() throws Exception {
    JsonNode p = json("/upgrade-path?from=dkp%202.7&to=nkp%202.12&direct=true", 200);
    assertThat(p.get("outcome").asText()).isEqualTo("direct_refused");
    assertThat(p.get("hops")).hasSize(2);
    assertThat(p.at("/hops/1/kind").asText()).isEqualTo("rename");
    assertThat(p.at("/hops/1/evidence").asText()).isEqualTo("documented");
    assertThat(p.at("/hops/1/landsOn/line/name").asText()).isEqualTo("NKP 2.12");
    JsonNode konvoy = json("/upgrade-path?from=konvoy%201.8", 200);
    assertThat(konvoy.at("/hops/0/minPatch").asText()).isEqualTo("1.8.3");
    assertThat(konvoy.at("/hops/0/kind").asText()).isEqualTo("adopt");
    assertThat(json("/upgrade-path?from=2.5&to=2.3", 200).get("outcome").asText())
        .isEqualTo("not_newer");
    assertThat(json("/upgrade-path", 400).get("error").asText()).isEqualTo("missing_parameter");
    assertThat(json("/upgrade-path?from=abc", 400).get("error").asText()).isEqualTo("bad_version");
    JsonNode status = json("/dkp/2.2", 200);
    assertThat(status.at("/upgrade/nextHop").asText()).isEqualTo("DKP 2.3");
    assertThat(status.at("/upgrade/hopsToNewest").asInt()).isEqualTo(12);
  }

  @Test
  void upcomingListsReleasesAndTheEndsTheyBring() throws Exception {
    JsonNode u = json("/upcoming?days=60", 200);
    assertThat(u.get("to").asText()).isEqualTo("2027-01-24");
    assertThat(u.at("/releases/0/name").asText()).isEqualTo("NKP 2.18");
    assertThat(u.at("/endsOfSupport/0/endsSupportFor/name").asText()).isEqualTo("NKP 2.15");
    assertThat(u.get("message").toString())
        .contains("2027-01-15: NKP 2.18 is planned to ship; support for NKP 2.15 ends.");
    assertThat(json("/upcoming", 200).get("releases")).isEmpty();
    assertThat(json("/upcoming?days=0", 400).get("error").asText()).isEqualTo("bad_parameter");
    assertThat(json("/upcoming?days=x", 400).get("error").asText()).isEqualTo("bad_parameter");
  }

  @Test
  void theCalendarIsServedForSubscriptionAndRefusesBadFilters() throws Exception {
    HttpResponse<String> r = get("/calendar.ics?product=nkp&alarms=14");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("text/calendar;charset=utf-8");
    assertThat(r.headers().firstValue("ETag")).isPresent();
    var events = SupportCalendarTest.byUid(SupportCalendarTest.parse(r.body())).keySet();
    // NKP 2.12 to 2.15 have dated ends (2.16 and 2.17 end with lines not yet dated); 2.18 ships.
    assertThat(events).contains("end-of-support-2.15@kommander-support-bot").hasSize(5);
    assertThat(json("/calendar.ics?product=xkp", 400).get("error").asText())
        .isEqualTo("bad_parameter");
    assertThat(json("/calendar.ics?alarms=0", 400).get("error").asText())
        .isEqualTo("bad_parameter");
  }

  @Test
  void kubernetesNamesTheLinesThatDeployIt() throws Exception {
    JsonNode k = json("/kubernetes/1.27", 200);
    assertThat(k.get("running")).hasSize(1);
    assertThat(k.at("/running/0/line/name").asText()).isEqualTo("DKP 2.7");
    assertThat(k.at("/running/0/status").asText()).isEqualTo("expired");
    assertThat(k.get("message").toString()).contains("No supported line deploys Kubernetes 1.27");
    assertThat(json("/kubernetes/1.22", 200).at("/running/0/line/name").asText())
        .isEqualTo("DKP 2.3");
  }

  @Test
  void announcementsListUpcomingEndsOfSupport() throws Exception {
    JsonNode a = json("/announcements", 200);
    assertThat(a.get("upcoming")).hasSize(1);
    JsonNode next = a.get("upcoming").get(0);
    assertThat(next.get("date").asText()).isEqualTo("2027-01-15");
    assertThat(next.get("release").asText()).isEqualTo("NKP 2.18");
    assertThat(next.at("/endsSupportFor/kommander").asText()).isEqualTo("2.15");
    // From 2021-09-01: 2.1 to 2.8, 2.12 to 2.17 and the planned 2.18 each end a line's support.
    assertThat(json("/announcements?asOf=2021-09-01", 200).get("upcoming").size()).isEqualTo(15);
  }

  static List<String> keys(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void theV0ExportHasEndoflifeDatesCycleShapeAndInventsNothing() throws Exception {
    JsonNode nkp = json("/eol/nkp.json", 200);
    assertThat(nkp).hasSize(6);
    JsonNode newest = nkp.get(0);
    assertThat(keys(newest))
        .containsExactly(
            "cycle", "releaseDate", "eol", "latest", "latestReleaseDate", "lts", "support");
    assertThat(newest.toString())
        .isEqualTo(
            "{\"cycle\":\"2.17\",\"releaseDate\":\"2025-12-23\",\"eol\":false,\"latest\":\"2.17.1\","
                + "\"latestReleaseDate\":\"2026-03-11\",\"lts\":false,\"support\":true}");
    // Supported with a known end: both dates; ended: both dates in the past.
    assertThat(nkp.get(2).get("eol").asText()).isEqualTo("2027-01-15");
    assertThat(nkp.get(2).get("support").asText()).isEqualTo("2027-01-15");
    assertThat(nkp.get(3).get("eol").asText()).isEqualTo("2025-12-23");
    JsonNode kommander = json("/eol/kommander.json", 200);
    JsonNode twoZero = kommander.get(kommander.size() - 5);
    assertThat(twoZero.get("cycle").asText()).isEqualTo("2.0");
    assertThat(keys(twoZero)).doesNotContain("latest", "latestReleaseDate"); // no patch known
    JsonNode oneOne = kommander.get(kommander.size() - 1);
    assertThat(oneOne.get("cycle").asText()).isEqualTo("1.1");
    assertThat(keys(oneOne)).doesNotContain("releaseDate");
    JsonNode konvoy = json("/eol/konvoy.json", 200);
    JsonNode oneEight = konvoy.get(konvoy.size() - 4);
    assertThat(oneEight.get("cycle").asText()).isEqualTo("1.8");
    assertThat(oneEight.get("latest").asText()).isEqualTo("1.8.5");
    assertThat(oneEight.get("eol").asText()).isEqualTo("2022-04-08");
    assertThat(json("/eol/dkp.json", 200)).hasSize(7);
  }

  @Test
  void theV1ExportHasEndoflifeDatesProductShape() throws Exception {
    JsonNode doc = json("/eol/products/nkp", 200);
    assertThat(keys(doc)).containsExactly("schema_version", "generated_at", "result");
    assertThat(doc.get("schema_version").asText()).isEqualTo("1.0.0");
    JsonNode result = doc.get("result");
    assertThat(result.get("name").asText()).isEqualTo("nkp");
    JsonNode releases = result.get("releases");
    assertThat(keys(releases.get(0)))
        .containsExactly(
            "name",
            "codename",
            "label",
            "releaseDate",
            "isLts",
            "ltsFrom",
            "isEol",
            "eolFrom",
            "isMaintained",
            "latest",
            "custom");
    assertThat(releases.get(0).toString())
        .isEqualTo(
            "{\"name\":\"2.17\",\"codename\":null,\"label\":\"NKP 2.17\",\"releaseDate\":\"2025-12-23\","
                + "\"isLts\":false,\"ltsFrom\":null,\"isEol\":false,\"eolFrom\":null,\"isMaintained\":true,"
                + "\"latest\":{\"name\":\"2.17.1\",\"date\":\"2026-03-11\",\"link\":null},\"custom\":null}");
    JsonNode ended = releases.get(3);
    assertThat(ended.get("name").asText()).isEqualTo("2.14");
    assertThat(ended.get("isEol").asBoolean()).isTrue();
    assertThat(ended.get("eolFrom").asText()).isEqualTo("2025-12-23");
    assertThat(ended.get("isMaintained").asBoolean()).isFalse();
    assertThat(json("/eol/products/nope", 404).get("error").asText()).isEqualTo("not_found");
  }

  @Test
  void answersCarryAnEtagAndAMatchingIfNoneMatchGets304() throws Exception {
    HttpResponse<String> first = get("/matrix");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(get("/matrix", "If-None-Match", etag).statusCode()).isEqualTo(304);
    assertThat(get("/matrix?asOf=2021-09-01", "If-None-Match", etag).statusCode()).isEqualTo(200);
    String catalogTag = get("/catalog").headers().firstValue("ETag").orElseThrow();
    assertThat(get("/catalog", "If-None-Match", catalogTag).statusCode()).isEqualTo(304);
  }

  @Test
  void everyDocumentedPathIsServedAndTheDocumentIsServed() throws Exception {
    HttpResponse<String> doc = get("/openapi.yaml");
    assertThat(doc.statusCode()).isEqualTo(200);
    JsonNode spec = new YAMLMapper().readTree(doc.body());
    List<String> paths = new ArrayList<>();
    spec.get("paths").fieldNames().forEachRemaining(paths::add);
    assertThat(paths)
        .containsExactlyInAnyOrder(
            "/kommander/{version}",
            "/konvoy/{version}",
            "/dkp/{version}",
            "/nkp/{version}",
            "/kubernetes/{minor}",
            "/compatibility",
            "/upgrade-path",
            "/upcoming",
            "/calendar.ics",
            "/announcements.atom",
            "/matrix",
            "/announcements",
            "/eol/kommander.json",
            "/eol/konvoy.json",
            "/eol/dkp.json",
            "/eol/nkp.json",
            "/eol/products/{product}",
            "/catalog",
            "/openapi.yaml");
    for (String p : paths) {
      String concrete =
          p.replace("{version}", "2.1").replace("{minor}", "1.27").replace("{product}", "nkp")
              + (p.equals("/compatibility") ? "?kommander=2.1&konvoy=2.1" : "")
              + (p.equals("/upgrade-path") ? "?from=2.1" : "");
      assertThat(get(concrete).statusCode()).as(concrete).isEqualTo(200);
    }
  }
}
