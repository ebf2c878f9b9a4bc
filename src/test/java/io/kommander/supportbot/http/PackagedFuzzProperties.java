package io.kommander.supportbot.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Every query parameter of every GET endpoint, fuzzed against the packaged jar in its own JVM with
 * the production flags ({@link PackagedBot}: 128 MB heap, {@code -XX:+ExitOnOutOfMemoryError}):
 * extreme, overflowing and malformed days, numbers and lists, encodings, long values, repeated and
 * unknown parameters, odd path segments. No answer may be a 5xx (but the timeline's documented 503
 * with {@code Retry-After}), none may show a stack trace, every one carries {@code nosniff}, and
 * the process must be alive and healthy at the end with no OutOfMemoryError in its log. Against the
 * code before bounded parameters it ends the JVM on {@code from=-999999999-01-01}.
 */
@Tag("packaged")
class PackagedFuzzProperties {
  static PackagedBot bot;
  static long started;
  static final AtomicInteger sent = new AtomicInteger();
  static final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();

  /** An endpoint and the parameters it reads (the fuzzer adds unknown ones too). */
  record Endpoint(String path, List<String> params) {}

  static final List<Endpoint> ENDPOINTS =
      List.of(
          new Endpoint("/", List.of("q", "kommander", "konvoy", "from", "to", "asOf")),
          new Endpoint("/nkp/2.15", List.of("asOf")),
          new Endpoint("/konvoy/1.8", List.of("asOf")),
          new Endpoint("/timeline.svg", List.of("asOf", "from")),
          new Endpoint("/timeline.png", List.of("asOf", "from")),
          new Endpoint("/ask", List.of("q")),
          new Endpoint("/api/v1/nkp/2.15", List.of("asOf")),
          new Endpoint("/api/v1/kommander/1.4", List.of("asOf")),
          new Endpoint("/api/v1/kubernetes/1.31", List.of("asOf")),
          new Endpoint("/api/v1/compatibility", List.of("kommander", "konvoy", "asOf")),
          new Endpoint("/api/v1/upgrade-path", List.of("from", "to", "direct", "asOf")),
          new Endpoint(
              "/api/v1/calendar.ics", List.of("product", "line", "supported", "alarms", "asOf")),
          new Endpoint("/api/v1/announcements.atom", List.of("asOf")),
          new Endpoint("/api/v1/upcoming", List.of("days", "asOf")),
          new Endpoint("/api/v1/matrix", List.of("asOf")),
          new Endpoint("/api/v1/announcements", List.of("asOf")),
          new Endpoint("/api/v1/eol/nkp.json", List.of("asOf")),
          new Endpoint("/api/v1/eol/products/dkp", List.of("asOf")),
          new Endpoint("/api/v1/catalog", List.of("asOf")),
          new Endpoint("/api/v1/openapi.yaml", List.of()),
          new Endpoint("/healthz", List.of()),
          new Endpoint("/readyz", List.of()),
          new Endpoint("/metrics", List.of()));

  @BeforeContainer
  static void start() throws Exception {
    bot = PackagedBot.start("fuzz");
    started = System.nanoTime();
  }

  @AfterContainer
  static void stop() throws Exception {
    try {
      bot.assertHealthy();
      System.out.printf(
          "PackagedFuzzProperties: %d requests in %.1f s against the packaged jar, by status %s;"
              + " process alive, peak RSS %d MB%n",
          sent.get(),
          (System.nanoTime() - started) / 1e9,
          new TreeMap<>(statuses),
          bot.peakRssBytes() >> 20);
    } finally {
      bot.close();
    }
  }

  static RawHttp.Response get(String target) throws Exception {
    assertThat(bot.alive()).as("alive before " + target).isTrue();
    RawHttp.Response r = RawHttp.send(bot.port(), "GET", target, Map.of(), new byte[0]);
    sent.incrementAndGet();
    statuses.computeIfAbsent(r.status(), s -> new AtomicInteger()).incrementAndGet();
    String what = abbreviated(target) + " -> " + abbreviated(r.head());
    assertThat(r.status()).as(what).isNotZero();
    if (r.status() >= 500) {
      assertThat(r.status()).as(what).isEqualTo(503);
      assertThat(target).as("only the images answer 503").startsWith("/timeline.");
      assertThat(r.header("Retry-After")).as(what).isNotNull();
    }
    assertThat(r.body())
        .as(what)
        .doesNotContain(
            "\tat ", "Exception:", "Caused by", "java.lang.", "jakarta.servlet", "org.eclipse");
    assertThat(r.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
    return r;
  }

  private static String abbreviated(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "…(" + s.length() + " chars)" : s;
  }

  @Property(tries = 1500)
  void everyParameterOfEveryGetEndpointIsAnsweredCleanly(
      @ForAll("endpoints") Endpoint endpoint, @ForAll("queries") List<Param> params)
      throws Exception {
    String query =
        params.stream()
            .map(p -> p.nameIn(endpoint) + "=" + p.value())
            .collect(Collectors.joining("&"));
    get(endpoint.path() + (query.isEmpty() ? "" : "?" + query));
  }

  /**
   * One name=value pair: the endpoint's own parameter number {@code index} (so repeats are likely),
   * or {@code name} when it is given (an unknown one, another case, a malformed one).
   */
  record Param(int index, String name, String value) {
    String nameIn(Endpoint endpoint) {
      if (name != null) {
        return name;
      }
      return endpoint.params().isEmpty()
          ? "x"
          : endpoint.params().get(index % endpoint.params().size());
    }
  }

  @Property(tries = 300)
  void anyPathSegmentOfAVersionPageIsAnsweredCleanly(
      @ForAll("versionPrefixes") String prefix, @ForAll("segments") String segment)
      throws Exception {
    get(prefix + segment);
  }

  /**
   * Free text reaches the parser from the page, /ask and the API: shapes that broke it (issue 34: a
   * version of thousands of parts overflowed the stack, a number past a long threw, pasted YAML
   * backtracked for seconds), up to the URL's limit. Apart from the rest, so that a failure here
   * points at the parser.
   */
  @Property(tries = 100)
  void textThatOnceBrokeTheParserIsAnsweredCleanly(
      @ForAll("textTargets") String target, @ForAll("parserText") String text) throws Exception {
    get(target + enc(text));
  }

  @Provide
  Arbitrary<String> textTargets() {
    return Arbitraries.of(
        "/ask?q=",
        "/?q=",
        "/?from=",
        "/?kommander=1.2&konvoy=",
        "/api/v1/upgrade-path?from=",
        "/api/v1/compatibility?kommander=1.2&konvoy=",
        "/api/v1/calendar.ics?line=");
  }

  @Provide
  Arbitrary<String> parserText() {
    Arbitrary<String> dotted =
        Arbitraries.integers()
            .between(2, 2500)
            .map(n -> String.join(".", java.util.Collections.nCopies(n, "1")));
    Arbitrary<String> bigNumbers =
        Arbitraries.of(
            "server version: v99999999999.1.1",
            "nkp 2.99999999999",
            "kubernetes 1.99999999999999999999",
            "2.15 on 99999-01-01",
            "upcoming 99999999999");
    Arbitrary<String> yaml =
        Arbitraries.integers()
            .between(1, 12)
            .map(
                lines ->
                    "clientVersion:\n"
                        + "  major: \"1\"\n".repeat(lines)
                        + "  gitVersion: v1.29.1\n  platform: linux/amd64 linux/amd64");
    return Arbitraries.oneOf(dotted, bigNumbers, yaml);
  }

  @Provide
  Arbitrary<Endpoint> endpoints() {
    return Arbitraries.of(ENDPOINTS);
  }

  /** Up to five pairs, mostly of the endpoint's own parameters. */
  @Provide
  Arbitrary<List<Param>> queries() {
    Arbitrary<String> name =
        Arbitraries.frequencyOf(
            Tuple.of(8, Arbitraries.just(null)),
            Tuple.of(2, Arbitraries.of("ASOF", "x", "%ff", "a%00", "q[]", "")));
    return Combinators.combine(Arbitraries.integers().between(0, 5), name, values())
        .as(Param::new)
        .list()
        .ofMaxSize(5);
  }

  /** A value as it appears in the URL: already encoded, or raw and malformed on purpose. */
  static Arbitrary<String> values() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Arbitrary<String> days =
        Arbitraries.oneOf(
            Arbitraries.of(
                "-999999999-01-01",
                "%2B999999999-12-31",
                "+999999999-12-31",
                "0000-01-01",
                "2018-12-31",
                "2019-01-01",
                "2021-02-09",
                "2021-02-10",
                "2024-02-29",
                "2025-02-29",
                "2021-13-01",
                today.plusYears(5).toString(),
                today.plusYears(5).plusDays(1).toString(),
                "yesterday",
                "all",
                "ALL"),
            Combinators.combine(
                    Arbitraries.integers().between(-999_999_999, 999_999_999),
                    Arbitraries.integers().between(0, 13),
                    Arbitraries.integers().between(0, 32))
                .as(
                    (y, m, d) ->
                        String.format("%s%04d-%02d-%02d", y < 0 ? "-" : "", Math.abs(y), m, d)),
            Arbitraries.integers()
                .between(2015, 2040)
                .flatMap(
                    y ->
                        Arbitraries.integers()
                            .between(1, 365)
                            .map(d -> LocalDate.ofYearDay(y, d).toString())));
    Arbitrary<String> numbers =
        Arbitraries.oneOf(
            Arbitraries.of(
                "0",
                "1",
                "999",
                "1000",
                "-1",
                "+5",
                "2147483648",
                "-2147483649",
                "99999999999999999999",
                "1e3",
                "0x10",
                "%20%207%20",
                "%D9%A3",
                "NaN",
                ""),
            Arbitraries.longs().map(String::valueOf));
    Arbitrary<String> lists =
        Combinators.combine(
                Arbitraries.integers().between(-3, 1200), Arbitraries.integers().between(0, 4200))
            .as(
                (n, count) ->
                    String.join(",", java.util.Collections.nCopies(count, String.valueOf(n))));
    Arbitrary<String> flags = Arbitraries.of("true", "false", "TRUE", "1", "yes", "");
    Arbitrary<String> versions =
        Arbitraries.of(
            "2.15",
            "v2.17.1",
            "dkp%202.5",
            "nkp+2.17",
            "9.99",
            "2.10",
            "1.1.x",
            "0.0",
            "999.999.999",
            "konvoy%201.8",
            "kubernetes%201.31",
            "kommander");
    Arbitrary<String> text =
        Arbitraries.strings().ofMaxLength(200).map(PackagedFuzzProperties::enc);
    Arbitrary<String> longText =
        Combinators.combine(
                Arbitraries.of("a", "1", "%ff", "%e2%80%ae", "+", "%0A", "2.15+"),
                Arbitraries.integers().between(1_000, 9_000))
            .as((unit, length) -> unit.repeat(Math.max(1, length / unit.length())));
    Arbitrary<String> raw =
        Arbitraries.of(
            "%ff",
            "%",
            "%2",
            "%00",
            "%e2%80%ae",
            "%c0%af",
            "%ed%a0%80",
            "+",
            "a%20b",
            "%3Cscript%3E",
            "%252e",
            "..%2f..%2f");
    return Arbitraries.frequencyOf(
        Tuple.of(5, days),
        Tuple.of(2, numbers),
        Tuple.of(1, lists),
        Tuple.of(1, flags),
        Tuple.of(2, versions),
        Tuple.of(2, text),
        Tuple.of(1, longText),
        Tuple.of(2, raw));
  }

  @Provide
  Arbitrary<String> versionPrefixes() {
    return Arbitraries.of(
        "/nkp/",
        "/dkp/",
        "/kommander/",
        "/konvoy/",
        "/api/v1/nkp/",
        "/api/v1/konvoy/",
        "/api/v1/kubernetes/",
        "/api/v1/eol/",
        "/api/v1/eol/products/");
  }

  @Provide
  Arbitrary<String> segments() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "2.15",
            "9.99",
            "2.10",
            "2.16.1",
            "v2.17.1",
            "1.8",
            "%ff",
            "%00",
            "..",
            "2.15/x",
            "nkp.json",
            "products",
            "-1.-1",
            "99999999999.1",
            "2.15?asOf=%2B999999999-12-31",
            ""),
        Arbitraries.strings().withChars("0123456789.vx-%abcdef").ofMaxLength(30),
        Arbitraries.strings().ofMaxLength(40).map(PackagedFuzzProperties::enc));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
