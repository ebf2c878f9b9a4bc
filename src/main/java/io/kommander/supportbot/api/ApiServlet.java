package io.kommander.supportbot.api;

import io.kommander.supportbot.announce.AnnouncementSettings;
import io.kommander.supportbot.catalog.CatalogJson;
import io.kommander.supportbot.policy.Answer.CompatibilityAnswer;
import io.kommander.supportbot.policy.Answer.LineAnswer;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.policy.Product;
import io.kommander.supportbot.policy.Query;
import io.kommander.supportbot.policy.Question;
import io.kommander.supportbot.policy.Question.AboutLine;
import io.kommander.supportbot.policy.ReleaseLine;
import io.kommander.supportbot.policy.Support;
import io.kommander.supportbot.policy.SupportPolicy;
import io.kommander.supportbot.policy.Version;
import io.kommander.supportbot.query.QueryParser;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The policy service's REST API under {@code /api/v1}; see {@code openapi.yaml}. Every answer has a
 * weak ETag of the catalog version and day, so clients can poll with {@code If-None-Match}.
 */
public final class ApiServlet extends HttpServlet {
  private final transient Supplier<PolicyService> policy;
  private final transient AnnouncementSettings announcements;
  private final transient QueryParser parser = new QueryParser();

  /**
   * @param announcements when the scheduler posts, for the Atom feed of its posts
   */
  public ApiServlet(Supplier<PolicyService> policy, AnnouncementSettings announcements) {
    this.policy = policy;
    this.announcements = announcements;
  }

  /** A 4xx answer, as JSON. */
  private static final class ApiError extends Exception {
    final int status;
    final String code;

    ApiError(int status, String code, String message) {
      super(message, null, false, false);
      this.status = status;
      this.code = code;
    }
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    PolicyService service = policy.get();
    String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
    String[] parts = path.substring(1).split("/", -1);
    try {
      if (path.equals("/openapi.yaml")) {
        openApi(req, resp);
        return;
      }
      LocalDate asOf = asOf(req, service);
      // The catalog itself does not change with the day; answers do.
      String etag =
          "W/\""
              + (parts[0].equals("catalog")
                  ? service.catalog().version()
                  : service.revision() + "-" + asOf)
              + "\"";
      if (etag.equals(req.getHeader("If-None-Match"))) {
        resp.setStatus(304);
        resp.setHeader("ETag", etag);
        return;
      }
      Object body =
          switch (parts[0]) {
            case "kommander", "konvoy", "dkp", "nkp" -> line(service, parts, asOf);
            case "kubernetes" -> kubernetes(service, parts, asOf);
            case "compatibility" -> compatibility(service, req, asOf);
            case "upgrade-path" -> upgradePath(service, req, asOf);
            case "calendar.ics" -> calendar(service, req, asOf);
            case "announcements.atom" ->
                new Raw(
                    "application/atom+xml;charset=utf-8",
                    AnnouncementFeed.write(
                        service.policy(),
                        announcements,
                        service.today().equals(asOf)
                            ? java.time.Instant.now()
                            : asOf.atTime(23, 59).toInstant(java.time.ZoneOffset.UTC),
                        req.getRequestURL().toString()));
            case "upcoming" ->
                ApiModel.Upcoming.of(
                    service.policy().upcoming(asOf, days(req.getParameter("days"))));
            case "matrix" -> ApiModel.Matrix.of(service.policy().matrix(asOf), service.policy());
            case "announcements" ->
                new ApiModel.Announcements(
                    asOf,
                    service.policy().endingsFrom(asOf).stream()
                        .map(ApiModel.Announcement::of)
                        .toList());
            case "eol" -> eol(service, req, parts, asOf);
            case "catalog" -> null;
            default ->
                throw new ApiError(
                    404,
                    "not_found",
                    "No such endpoint: /api/v1" + path + "; see /api/v1/openapi.yaml");
          };
      resp.setHeader("ETag", etag);
      resp.setHeader("Cache-Control", "no-cache");
      if (body instanceof Raw raw) {
        resp.setStatus(200);
        resp.setContentType(raw.contentType());
        resp.getWriter().write(raw.body());
      } else if (body == null) {
        write(resp, 200, CatalogJson.write(service.catalog()));
      } else {
        write(resp, 200, ApiJson.MAPPER.writeValueAsString(body));
      }
    } catch (ApiError e) {
      write(
          resp,
          e.status,
          ApiJson.MAPPER.writeValueAsString(new ApiModel.Error(e.code, e.getMessage())));
    }
  }

  private Object line(PolicyService service, String[] parts, LocalDate asOf) throws ApiError {
    Product product = Product.valueOf(parts[0].toUpperCase(java.util.Locale.ROOT));
    if (parts.length != 2 || parts[1].isEmpty()) {
      throw new ApiError(
          400,
          "missing_version",
          "Name a version: /api/v1/" + parts[0] + "/{version}, e.g. /api/v1/" + parts[0] + "/1.4");
    }
    Version version = version(parts[1], "version");
    LineAnswer answer = service.policy().status(product, version, asOf);
    if (answer.support() instanceof Support.Unknown
        || answer.support() instanceof Support.NeverReleased) {
      throw new ApiError(
          404,
          "unknown_version",
          product.displayName()
              + " "
              + version
              + ": "
              + io.kommander.supportbot.render.Phrases.untilWhen(answer, window(service)));
    }
    return ApiModel.Status.of(answer, window(service));
  }

  private Object kubernetes(PolicyService service, String[] parts, LocalDate asOf) throws ApiError {
    if (parts.length != 2 || parts[1].isEmpty()) {
      throw new ApiError(
          400, "missing_version", "Name a Kubernetes minor: /api/v1/kubernetes/{minor}, e.g. 1.31");
    }
    Version version = version(parts[1], "kubernetes");
    return ApiModel.KubernetesLines.of(
        service.policy().kubernetes(version.line(), asOf), window(service));
  }

  private Object upgradePath(PolicyService service, HttpServletRequest req, LocalDate asOf)
      throws ApiError {
    String from = req.getParameter("from");
    if (from == null || from.isBlank()) {
      throw new ApiError(
          400,
          "missing_parameter",
          "from is required, e.g. ?from=dkp%202.5&to=nkp%202.17 (to defaults to the newest line)");
    }
    String to = req.getParameter("to");
    Optional<AboutLine> target =
        to == null || to.isBlank() ? Optional.empty() : Optional.of(named(to, "to"));
    boolean direct = "true".equals(req.getParameter("direct"));
    return ApiModel.UpgradePath.of(
        service.policy().upgradePath(named(from, "from"), target, direct, asOf), window(service));
  }

  /** A body that is not JSON (a calendar, a feed). */
  private record Raw(String contentType, String body) {}

  /** {@code /calendar.ics?product=nkp&line=2.15&supported=true&alarms=30,7}. */
  private Object calendar(PolicyService service, HttpServletRequest req, LocalDate asOf)
      throws ApiError {
    java.util.function.Predicate<ReleaseLine> include = l -> true;
    String product = req.getParameter("product");
    if (product != null && !product.isBlank()) {
      Product p =
          EolExport.product(product.strip().toLowerCase(java.util.Locale.ROOT))
              .orElseThrow(
                  () ->
                      new ApiError(
                          400, "bad_parameter", "product: one of kommander, konvoy, dkp or nkp"));
      Product era = p == Product.KONVOY ? Product.KOMMANDER : p;
      include = l -> l.product() == era;
    }
    String line = req.getParameter("line");
    if (line != null && !line.isBlank()) {
      AboutLine asked = named(line, "line");
      java.util.function.Predicate<ReleaseLine> before = include;
      include = l -> before.test(l) && l.minor(asked.product()).equals(asked.version().line());
    }
    List<Integer> alarms = new ArrayList<>();
    String alarmText = req.getParameter("alarms");
    for (String a : (alarmText == null ? "30,7" : alarmText).split(",")) {
      if (!a.isBlank()) {
        alarms.add(days(a));
      }
    }
    return new Raw(
        "text/calendar;charset=utf-8",
        SupportCalendar.write(
            service.policy(),
            asOf,
            java.time.Instant.now(),
            new SupportCalendar.Options(
                include, "true".equals(req.getParameter("supported")), alarms)));
  }

  /** The window of {@code /upcoming}: 30 days unless asked, 1 to 999. */
  private static int days(String text) throws ApiError {
    if (text == null || text.isBlank()) {
      return 30;
    }
    try {
      int days = Integer.parseInt(text.strip());
      if (days >= 1 && days <= 999) {
        return days;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new ApiError(
        400, "bad_parameter", "days: a whole number of days from 1 to 999, e.g. ?days=90");
  }

  /** A version with an optional name before it: "2.5", "dkp 2.5", "konvoy 1.8". */
  private AboutLine named(String text, String name) throws ApiError {
    Query q = parser.parse(text);
    if (q.questions().size() != 1
        || !(q.questions().get(0) instanceof AboutLine line)
        || !q.notes().isEmpty()) {
      String why = q.notes().isEmpty() ? QueryParser.EXPECTED_NAMED : q.notes().get(0);
      throw new ApiError(400, "bad_version", name + ": " + why);
    }
    return line;
  }

  private Object compatibility(PolicyService service, HttpServletRequest req, LocalDate asOf)
      throws ApiError {
    String kommander = req.getParameter("kommander");
    String konvoy = req.getParameter("konvoy");
    if (kommander == null || konvoy == null || kommander.isBlank() || konvoy.isBlank()) {
      throw new ApiError(
          400,
          "missing_parameter",
          "Both kommander and konvoy are required, e.g. ?kommander=1.2&konvoy=1.7");
    }
    CompatibilityAnswer answer =
        service
            .policy()
            .compatibility(version(kommander, "kommander"), version(konvoy, "konvoy"), asOf);
    return ApiModel.Compatibility.of(answer, asOf, window(service));
  }

  /** {@code /eol/<product>.json} (endoflife.date v0) and {@code /eol/products/<product>} (v1). */
  private Object eol(PolicyService service, HttpServletRequest req, String[] parts, LocalDate asOf)
      throws ApiError {
    boolean v1 = parts.length == 3 && parts[1].equals("products");
    String name = v1 ? parts[2] : parts.length == 2 ? parts[1].replaceFirst("\\.json$", "") : "";
    Optional<Product> product =
        (v1 || (parts.length == 2 && parts[1].endsWith(".json")))
            ? EolExport.product(name)
            : Optional.empty();
    if (product.isEmpty()) {
      throw new ApiError(
          404,
          "not_found",
          "EOL exports: /api/v1/eol/{kommander,konvoy,dkp,nkp}.json (endoflife.date v0) and"
              + " /api/v1/eol/products/{kommander,konvoy,dkp,nkp} (v1)");
    }
    SupportPolicy policy = service.policy();
    if (v1) {
      String base = req.getScheme() + "://" + req.getServerName() + ":" + req.getServerPort();
      return EolExport.product(policy, product.get(), asOf, java.time.Instant.now(), base);
    }
    return EolExport.lines(policy, product.get(), asOf).stream()
        .map(l -> EolExport.Cycle.of(policy, l, product.get(), asOf))
        .toList();
  }

  /** The same reading of versions as in Slack, with the same words when it fails. */
  private Version version(String text, String name) throws ApiError {
    Query q = parser.parse(text);
    List<Question> questions = q.questions();
    if (questions.size() != 1
        || !(questions.get(0) instanceof AboutLine line)
        || !q.notes().isEmpty()
        || text.strip().contains(" ")) {
      String why = q.notes().isEmpty() ? QueryParser.EXPECTED : q.notes().get(0);
      throw new ApiError(400, "bad_version", name + ": " + why);
    }
    return line.version();
  }

  private static LocalDate asOf(HttpServletRequest req, PolicyService service) throws ApiError {
    String text = req.getParameter("asOf");
    if (text == null || text.isBlank()) {
      return service.today();
    }
    LocalDate date;
    try {
      date = LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new ApiError(
          400,
          "bad_date",
          "asOf: '"
              + QueryParser.shorten(text, 40)
              + "' is not a date; use YYYY-MM-DD, e.g. 2021-06-01");
    }
    Optional<String> before = service.beforeHistory(date);
    if (before.isPresent()) {
      throw new ApiError(400, "before_history", "asOf: " + before.get());
    }
    return date;
  }

  private static int window(PolicyService service) {
    return service.catalog().settings().window();
  }

  private static void openApi(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setHeader("ETag", OPENAPI_ETAG);
    if (OPENAPI_ETAG.equals(req.getHeader("If-None-Match"))) {
      resp.setStatus(304);
      return;
    }
    resp.setContentType("application/yaml");
    resp.setStatus(200);
    resp.getOutputStream().write(OPENAPI);
  }

  private static final byte[] OPENAPI = readOpenApi();

  /** The document's own fingerprint: it changes only with a new build. */
  private static final String OPENAPI_ETAG =
      "W/\"" + Integer.toHexString(java.util.Arrays.hashCode(OPENAPI)) + "\"";

  private static byte[] readOpenApi() {
    try (InputStream in = ApiServlet.class.getResourceAsStream("/openapi.yaml")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("openapi.yaml is in the jar", e);
    }
  }

  private static void write(HttpServletResponse resp, int status, String json) throws IOException {
    resp.setStatus(status);
    resp.setContentType("application/json;charset=utf-8");
    resp.getWriter().write(json);
  }
}
