package io.kommander.supportbot.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.kommander.supportbot.Bot;
import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.testing.TestConfigs;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/**
 * The public surface as a careful site: parameters bounded in one way everywhere (a 400 that says
 * the range), unknown lines a 404 on the page as in the API, links that never come from the
 * request's {@code Host}, security headers on every kind of answer, and a failure of any kind
 * (Errors too) ending as our short reply, logged once without the whole stack.
 */
class CarefulSiteTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
  static Bot bot;
  static Bot published;

  @BeforeAll
  static void start() throws Exception {
    PolicyService policy = new PolicyService(TestCatalogs.withPlanned(), CLOCK);
    bot = Bot.start(TestConfigs.withoutSlack(), "127.0.0.1", () -> policy);
    published =
        Bot.start(
            TestConfigs.withoutSlack().withPublicUrl("https://support.example.com"),
            "127.0.0.1",
            () -> policy);
  }

  @AfterAll
  static void stop() {
    bot.close();
    published.close();
  }

  static RawHttp.Response get(String target) throws Exception {
    return RawHttp.send(bot.port(), "GET", target, Map.of(), new byte[0]);
  }

  /** Each failed on the code before bounded parameters (a 500, a page ignoring it, or a 200). */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/?asOf=%2B999999999-12-31|400|asOf: '+999999999-12-31' is not a date from 2019-01-01 to"
            + " 2031-11-25",
        "/timeline.png?asOf=%2B999999999-12-31|400|from 2019-01-01 to 2031-11-25",
        "/api/v1/upcoming?asOf=%2B999999999-12-31|400|\"error\":\"bad_date\"",
        "/?asOf=yesterday|400|use YYYY-MM-DD",
        "/nkp/2.15?asOf=2031-11-26|400|to 2031-11-25",
        "/?asOf=2020-06-01|400|history starts on 2021-02-10",
        "/timeline.svg?asOf=2020-06-01|400|history starts on 2021-02-10",
        "/timeline.svg?from=2018-12-31|400|from: '2018-12-31' is not a date from 2019-01-01",
        "/timeline.svg?from=2019-01-01|200|<svg",
        "/?asOf=2031-11-25|200|Support matrix on 2031-11-25",
        "/api/v1/matrix?asOf=2021-06-01&asOf=2022-06-01|400|asOf: give it once",
        "/api/v1/calendar.ics?alarms=30,7,1,2,3,4|400|alarms: at most 5 values",
        "/api/v1/calendar.ics?supported=yes|400|supported: true or false",
        "/api/v1/upcoming?days=1000|400|days: a whole number of days from 1 to 999",
        "/nkp/9.99|404|NKP 9.99: There is no NKP 9.99: the newest I know is",
        "/nkp/2.10|404|never released",
        "/kommander/abc|404|'abc' is not a version",
        "/nkp/2.15|200|NKP 2.15",
      })
  void parametersAreBoundedAndLinesKnownTheSameWayEverywhere(String target, int status, String says)
      throws Exception {
    RawHttp.Response r = get(target);
    assertThat(r.status()).as(target + " -> " + r.body()).isEqualTo(status);
    assertThat(r.body()).contains(says);
  }

  @Test
  void theCalendarTakesAFewDistinctAlarmsAndNoneWhenEmpty() throws Exception {
    String twice = get("/api/v1/calendar.ics?product=nkp&alarms=14,14,3").body();
    String none = get("/api/v1/calendar.ics?product=nkp&alarms=").body();
    assertThat(twice).contains("TRIGGER:-P14D", "TRIGGER:-P3D");
    assertThat(twice.split("TRIGGER:-P14D", -1).length)
        .isEqualTo(twice.split("BEGIN:VEVENT", -1).length);
    assertThat(none).contains("BEGIN:VEVENT").doesNotContain("BEGIN:VALARM");
    String alarms = String.join(",", java.util.Collections.nCopies(3990, "1"));
    RawHttp.Response many = get("/api/v1/calendar.ics?alarms=" + alarms);
    assertThat(many.status()).isEqualTo(400);
    assertThat(many.body().length()).isLessThan(200); // was 8.9 MB
  }

  /** {@code Host: evil.example} was reflected into the Atom feed and the endoflife export. */
  @Test
  void linksComeFromPublicUrlNeverFromTheHostHeader() throws Exception {
    Map<String, String> evil = Map.of("Host", "evil.example");
    for (String target : List.of("/api/v1/announcements.atom", "/api/v1/eol/products/nkp")) {
      RawHttp.Response relative = RawHttp.send(bot.port(), "GET", target, evil, new byte[0]);
      RawHttp.Response absolute = RawHttp.send(published.port(), "GET", target, evil, new byte[0]);
      assertThat(relative.status()).isEqualTo(200);
      assertThat(relative.body()).doesNotContain("evil.example").contains("\"/api/v1/");
      assertThat(absolute.body())
          .doesNotContain("evil.example")
          .contains("\"https://support.example.com/api/v1/");
    }
  }

  @Test
  void everyKindOfAnswerCarriesTheHeadersOfACarefulSite() throws Exception {
    for (String target :
        List.of(
            "/",
            "/nkp/2.15",
            "/timeline.svg",
            "/api/v1/matrix",
            "/api/v1/nope",
            "/nkp/9.99",
            "/?asOf=x",
            "/ask?q=%ff",
            "/healthz",
            "/ask?q=" + "a".repeat(BotServer.MAX_URL_BYTES))) {
      RawHttp.Response r = get(target);
      String what = target.substring(0, Math.min(40, target.length())) + " -> " + r.status();
      assertThat(r.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
      assertThat(r.header("Content-Security-Policy")).as(what).contains("frame-ancestors 'none'");
      assertThat(r.header("Referrer-Policy")).as(what).isEqualTo("no-referrer");
      assertThat(r.header("Content-Security-Policy"))
          .as(what)
          .contains(
              target.equals("/") || target.equals("/nkp/2.15")
                  ? "style-src 'sha256-"
                  : "default-src 'none'")
          .doesNotContain("unsafe");
    }
    assertThat(get("/ask?q=" + "a".repeat(BotServer.MAX_URL_BYTES)).body())
        .contains("at most 8 KiB");
  }

  /**
   * A StackOverflowError (an Error, not an Exception) used to escape the edge as Jetty's bare 500,
   * logged with its whole stack (77 KB): now our reply, one log line with a few frames.
   */
  @Test
  void anErrorEndsAsOurShortReplyLoggedOnceWithoutTheWholeStack() throws Exception {
    HttpServlet overflowing =
        new HttpServlet() {
          @Override
          protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
            throw new StackOverflowError();
          }
        };
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    Logger edge = (Logger) LoggerFactory.getLogger(EdgeFilter.class);
    logged.start();
    edge.addAppender(logged);
    try (BotServer server =
        new BotServer("127.0.0.1", 0, Map.of("/api/v1/*", overflowing)).start()) {
      RawHttp.Response r =
          RawHttp.send(server.port(), "GET", "/api/v1/matrix", Map.of(), new byte[0]);
      assertThat(r.status()).isEqualTo(500);
      assertThat(r.body())
          .startsWith("{\"error\":\"internal_error\"")
          .doesNotContain("StackOverflow", "\tat ");
    } finally {
      edge.detachAppender(logged);
    }
    assertThat(logged.list).hasSize(1);
    ILoggingEvent line = logged.list.get(0);
    assertThat(line.getThrowableProxy()).isNull();
    assertThat(line.getFormattedMessage())
        .contains("java.lang.StackOverflowError")
        .hasSizeLessThan(4_000);
  }
}
