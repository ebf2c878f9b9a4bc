package io.kommander.supportbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.kommander.supportbot.Bot;
import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.catalog.LiveCatalog;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.render.Timeline;
import io.kommander.supportbot.testing.TestConfigs;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The timeline over HTTP: SVG that parses and names every line in words, a PNG that decodes. */
class TimelineTest {
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);
  static LiveCatalog live;
  static Bot bot;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    live = new LiveCatalog(TestCatalogs.shipped(), CLOCK);
    bot = Bot.start(TestConfigs.withoutSlack(), "127.0.0.1", live);
    base = "http://127.0.0.1:" + bot.port();
  }

  @AfterAll
  static void stop() {
    bot.close();
  }

  static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
    HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + path)).GET();
    for (int i = 0; i < headers.length; i += 2) {
      req.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static Document svg(String path) throws Exception {
    HttpResponse<byte[]> r = get(path);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
    return DocumentBuilderFactory.newDefaultInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(r.body()));
  }

  static List<String> texts(Document d) {
    NodeList nodes = d.getElementsByTagName("text");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent());
    }
    return out;
  }

  static Timeline timeline(LocalDate day, boolean all) {
    PolicyService service = live.get();
    return Timeline.of(service.catalog(), service.policy().matrix(day), Optional.empty(), all);
  }

  @Test
  void theSvgParsesAndNamesEveryLineShownWithItsStatusInWords() throws Exception {
    Document d = svg("/timeline.svg");
    assertThat(d.getElementsByTagName("title").item(0).getTextContent())
        .isEqualTo("Support timeline as of 2026-11-30");
    assertThat(d.getElementsByTagName("desc").item(0).getTextContent()).contains("NKP 2.18");
    List<String> texts = texts(d);
    Timeline t = timeline(LocalDate.parse("2026-11-30"), false);
    assertThat(t.rows()).isNotEmpty();
    for (Timeline.Row row : t.rows()) {
      assertThat(texts).contains(row.label(), row.standing().words);
    }
    assertThat(texts).contains("today 2026-11-30");
    assertThat(String.join("\n", texts))
        .contains("D2iQ \u2192 Nutanix", "2.9\u20132.11 never released");
  }

  @Test
  void aBarChangesWhenTheDayAskedIsBeforeOrAfterItsLinesEnd() throws Exception {
    // NKP 2.15 lost support when NKP 2.18 shipped (GA window May-July 2026).
    String before = String.join("\n", texts(svg("/timeline.svg?asOf=2026-04-01")));
    String after = String.join("\n", texts(svg("/timeline.svg?asOf=2026-11-30")));
    Timeline.Row was = row(timeline(LocalDate.parse("2026-04-01"), false), "NKP 2.15");
    Timeline.Row is = row(timeline(LocalDate.parse("2026-11-30"), false), "NKP 2.15");
    assertThat(was.standing().words).isEqualTo("supported");
    assertThat(is.standing().words).isEqualTo("expired");
    // The same end (NKP 2.18's GA window), once still to come, then past.
    assertThat(is.endKind()).isEqualTo(Timeline.End.WINDOW);
    assertThat(before).contains("NKP 2.15\nsupported").contains("today 2026-04-01");
    assertThat(after).contains("NKP 2.15\nexpired").contains("today 2026-11-30");
    assertThat(bars(svgBody("/timeline.svg?asOf=2026-04-01"), "NKP 2.15"))
        .contains("fill-opacity=\"0.35\""); // light: support still to come
    assertThat(bars(svgBody("/timeline.svg?asOf=2026-11-30"), "NKP 2.15"))
        .doesNotContain("fill-opacity=\"0.35\"");
  }

  static String svgBody(String path) throws Exception {
    return new String(get(path).body(), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The bar segments of one line: the rects whose title is that line's. */
  static String bars(String svg, String label) {
    StringBuilder out = new StringBuilder();
    for (String g : svg.split("<g>")) {
      if (g.contains("<title>" + label + ":")) {
        out.append(g);
      }
    }
    return out.toString();
  }

  private static Timeline.Row row(Timeline t, String label) {
    return t.rows().stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow();
  }

  @Test
  void thePngDecodesAtTwiceTheLayoutsSize() throws Exception {
    HttpResponse<byte[]> r = get("/timeline.png");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).contains("image/png");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(r.body()));
    TimelineDrawing drawing =
        new TimelineDrawing(timeline(LocalDate.parse("2026-11-30"), false), TimelineServlet.WIDTH);
    assertThat(image.getWidth()).isEqualTo(2 * TimelineServlet.WIDTH);
    assertThat(image.getHeight()).isEqualTo(2 * drawing.height);
  }

  @Test
  void everyLineFromTheFirstHasItsOwnRowSoNoLabelOverlapsAnother() throws Exception {
    Document d = svg("/timeline.svg?from=all");
    Timeline all = timeline(LocalDate.parse("2026-11-30"), true);
    assertThat(all.rows()).hasSize(live.get().catalog().lines().size());
    NodeList nodes = d.getElementsByTagName("text");
    List<Double> nameRows = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      var e = (org.w3c.dom.Element) nodes.item(i);
      if (all.rows().stream().anyMatch(r -> r.label().equals(e.getTextContent()))) {
        nameRows.add(Double.parseDouble(e.getAttribute("y")));
      }
    }
    assertThat(nameRows).hasSize(all.rows().size());
    for (int i = 1; i < nameRows.size(); i++) {
      assertThat(nameRows.get(i) - nameRows.get(i - 1)).isGreaterThanOrEqualTo(TimelineDrawing.ROW);
    }
  }

  @Test
  void etagsAndBadDaysAreAnsweredLikeTheApi() throws Exception {
    HttpResponse<byte[]> first = get("/timeline.png?asOf=2026-06-01");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(get("/timeline.png?asOf=2026-06-01", "If-None-Match", etag).statusCode())
        .isEqualTo(304);
    assertThat(get("/timeline.svg?asOf=2026-06-01").headers().firstValue("ETag"))
        .isNotEqualTo(Optional.of(etag));
    assertThat(get("/timeline.svg?asOf=yesterday").statusCode()).isEqualTo(400);
    assertThat(get("/timeline.svg?from=%ff").statusCode()).isEqualTo(400);
  }

  @Test
  void thePageShowsTheTimelineAboveTheMatrixAndAnswersAsHtmlWithoutBackticks() throws Exception {
    String page = new String(get("/?q=nkp+2.15").body(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(page.indexOf("<svg")).isPositive().isLessThan(page.indexOf("id=\"matrix\""));
    assertThat(page).doesNotContain("`");
    assertThat(page)
        .contains("<span class=\"status expired\">expired</span>")
        // Mustache escapes the "=" as &#61;, which the browser reads back as "=".
        .contains("upgrade+path+from+2.15\">upgrade path from 2.15</a>");
  }

  @Test
  void fortyLinesGetFortyRowsWithTheirLabelsApart() throws Exception {
    var catalog = TestCatalogs.forty();
    var service = new PolicyService(catalog, CLOCK);
    Timeline all =
        Timeline.of(catalog, service.policy().matrix(service.today()), Optional.empty(), true);
    assertThat(all.rows()).hasSize(40);
    TimelineDrawing drawing = new TimelineDrawing(all, TimelineServlet.WIDTH);
    List<Double> names = new ArrayList<>();
    for (TimelineDrawing.Shape s : drawing.shapes) {
      if (s instanceof TimelineDrawing.Label l
          && all.rows().stream().anyMatch(r -> r.label().equals(l.text()))) {
        names.add(l.y());
      }
    }
    assertThat(names).hasSize(40);
    for (int i = 1; i < names.size(); i++) {
      assertThat(names.get(i) - names.get(i - 1)).isGreaterThanOrEqualTo(TimelineDrawing.ROW);
    }
    BufferedImage png = ImageIO.read(new ByteArrayInputStream(TimelinePng.write(drawing)));
    assertThat(png.getHeight()).isEqualTo(2 * drawing.height);
    DocumentBuilderFactory.newDefaultInstance()
        .newDocumentBuilder()
        .parse(
            new ByteArrayInputStream(
                TimelineSvg.write(drawing).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  @Test
  void aPlannedLineIsDrawnFromItsPlannedDayAndAnUnscheduledOneGetsNoBar() {
    var catalog = TestCatalogs.withPlanned();
    var service = new PolicyService(catalog, CLOCK);
    Timeline t =
        Timeline.of(catalog, service.policy().matrix(service.today()), Optional.empty(), false);
    TimelineDrawing drawing = new TimelineDrawing(t, TimelineServlet.WIDTH);
    List<String> bars = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (TimelineDrawing.Shape s : drawing.shapes) {
      if (s instanceof TimelineDrawing.Box b) {
        bars.add(b.title());
      } else if (s instanceof TimelineDrawing.Label l) {
        texts.add(l.text());
      }
    }
    assertThat(bars).anyMatch(b -> b.startsWith("NKP 2.18:") && b.contains("GA 2027-01-15"));
    assertThat(bars).noneMatch(b -> b.startsWith("NKP 2.19:"));
    assertThat(texts).contains("NKP 2.19", "not scheduled yet");
  }
}
