package io.kommander.supportbot.web;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import io.kommander.supportbot.http.ErrorReplies;
import io.kommander.supportbot.http.Revalidation;
import io.kommander.supportbot.policy.Answer.LineAnswer;
import io.kommander.supportbot.policy.Answer.MatrixAnswer;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.policy.Product;
import io.kommander.supportbot.policy.Query;
import io.kommander.supportbot.policy.Question;
import io.kommander.supportbot.policy.ReleaseLine;
import io.kommander.supportbot.policy.Reply;
import io.kommander.supportbot.policy.Version;
import io.kommander.supportbot.query.Answering;
import io.kommander.supportbot.query.QueryParser;
import io.kommander.supportbot.render.CatalogPhrases;
import io.kommander.supportbot.render.Phrases;
import io.kommander.supportbot.render.ReplyPhrases;
import io.kommander.supportbot.render.Standing;
import io.kommander.supportbot.render.Timeline;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The support page people open without Slack: today's matrix, the catalog's freshness, and a plain
 * form (no JavaScript) that asks the same core in the same words as Slack and the CLI. {@code /}
 * takes {@code q}, {@code kommander}+{@code konvoy}, {@code from}+{@code to} and {@code asOf};
 * {@code /nkp/2.15} (and {@code /dkp}, {@code /kommander}, {@code /konvoy}) answers one version.
 * Every value reaches the HTML through Mustache, which escapes it.
 */
public final class SupportPageServlet extends HttpServlet {
  private static final Pattern VERSION_PAGE = Pattern.compile("/([a-z]{3,9})/([^/]{1,20})");

  private final transient Supplier<PolicyService> policy;
  private final transient Answering answering = new Answering();
  private final transient Mustache page =
      new DefaultMustacheFactory("web").compile("page.mustache");

  public SupportPageServlet(Supplier<PolicyService> policy) {
    this.policy = policy;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getRequestURI();
    Optional<LocalDate> asOf = asOf(req.getParameter("asOf"));
    Optional<Asked> question;
    Matcher version = VERSION_PAGE.matcher(path);
    if (version.matches() && Product.named(version.group(1)).isPresent()) {
      Product product = Product.named(version.group(1)).orElseThrow();
      question =
          Optional.of(
              versions(version.group(2))
                  .map(v -> (Question) new Question.AboutLine(product, v.get(0)))
                  .map(q -> new Asked(version.group(1) + " " + version.group(2), query(q, asOf)))
                  .orElseGet(() -> typed(version.group(1) + " " + version.group(2), asOf)));
    } else if (path.equals("/")) {
      question = question(req, asOf);
    } else {
      ErrorReplies.write(path, resp, 404, "not_found", "No such page. The support page is at /.");
      return;
    }
    PolicyService service = policy.get();
    String etag =
        "W/\""
            + service.revision()
            + "-"
            + service.today()
            + "-"
            + Integer.toHexString(String.valueOf(req.getQueryString()).hashCode() ^ path.hashCode())
            + "\"";
    if (Revalidation.notModified(req, resp, etag)) {
      return;
    }
    Reply matrix = service.answer(query(new Question.AboutTopic(Question.Topic.MATRIX), asOf));
    Map<String, Object> scope = new HashMap<>();
    scope.put("title", "Kommander, DKP and NKP version support");
    scope.put("policyLine", ReplyPhrases.policyLine(matrix));
    scope.put("termsUrl", ReplyPhrases.termsUrl(matrix).toString());
    scope.put("derived", ReplyPhrases.DERIVED);
    scope.put("when", ReplyPhrases.when(matrix));
    scope.put("catalogVersion", service.catalog().version());
    scope.put("asOfParam", asOf.map(LocalDate::toString).orElse(""));
    scope.put("asOfQuery", asOf.map(d -> "?asOf=" + d).orElse(""));
    matrix.stale().ifPresent(f -> scope.put("stale", CatalogPhrases.stale(f)));
    scope.put("dataAge", CatalogPhrases.dataAge(service.policy().freshness(service.today())));
    question.ifPresent(
        q -> {
          Reply reply = answering.answer(service, q.query());
          scope.put("question", QueryParser.shorten(q.label(), 200));
          scope.putAll(HtmlAnswers.of(reply));
        });
    scope.put("rows", rows((MatrixAnswer) matrix.answers().get(0)));
    // Inline, so its text is the page's text; every value in it was escaped by TimelineSvg.
    scope.put(
        "timeline",
        TimelineSvg.write(
            new TimelineDrawing(
                Timeline.of(
                    service.catalog(),
                    (MatrixAnswer) matrix.answers().get(0),
                    Optional.empty(),
                    false),
                TimelineServlet.WIDTH)));
    StringWriter html = new StringWriter();
    page.execute(html, scope);
    resp.setStatus(200);
    resp.setContentType("text/html;charset=utf-8");
    resp.getWriter().write(html.toString());
  }

  /** What the page was asked, in the asker's words, and as the core's question. */
  private record Asked(String label, Query query) {}

  private static Query query(Question question, Optional<LocalDate> asOf) {
    return new Query(List.of(question), asOf, List.of());
  }

  /** Text a person typed: read by the parser, as Slack reads it. */
  private Asked typed(String text, Optional<LocalDate> asOf) {
    Query read = answering.read(text);
    return new Asked(text, new Query(read.questions(), asOf.or(read::asOf), read.notes()));
  }

  /** The fields as plain versions ("1.2", "1.7"), or empty when one is not: the parser says why. */
  private static Optional<List<Version>> versions(String... fields) {
    try {
      return Optional.of(java.util.Arrays.stream(fields).map(Version::parse).toList());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * The form's fields as a question: the pairing form's two versions go to the core as they are;
   * free text (the question box, the upgrade form's named lines) is read by the parser.
   */
  private Optional<Asked> question(HttpServletRequest req, Optional<LocalDate> asOf) {
    String q = param(req, "q");
    String kommander = param(req, "kommander");
    String konvoy = param(req, "konvoy");
    String from = param(req, "from");
    String to = param(req, "to");
    if (!q.isEmpty()) {
      return Optional.of(typed(q, asOf));
    } else if (!kommander.isEmpty() || !konvoy.isEmpty()) {
      String label = "kommander " + kommander + " on konvoy " + konvoy;
      return Optional.of(
          versions(kommander, konvoy)
              .map(v -> new Asked(label, query(new Question.AboutPair(v.get(0), v.get(1)), asOf)))
              .orElseGet(() -> typed(label, asOf)));
    } else if (!from.isEmpty()) {
      return Optional.of(typed("upgrade from " + from + (to.isEmpty() ? "" : " to " + to), asOf));
    }
    return Optional.empty();
  }

  private static String param(HttpServletRequest req, String name) {
    String value = req.getParameter(name);
    return value == null ? "" : value.strip();
  }

  private static Optional<LocalDate> asOf(String text) {
    try {
      return text == null || text.isBlank()
          ? Optional.empty()
          : Optional.of(LocalDate.parse(text.strip()));
    } catch (DateTimeParseException e) {
      return Optional.empty(); // the form's date field sends only valid dates
    }
  }

  /** One table row per line, newest first. */
  private static List<Map<String, Object>> rows(MatrixAnswer m) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (LineAnswer a : m.lines()) {
      ReleaseLine line = a.line().orElseThrow();
      Map<String, Object> row = new HashMap<>();
      row.put("name", line.label());
      row.put(
          "href", "/" + line.product().name().toLowerCase(Locale.ROOT) + "/" + line.kommander());
      row.put("status", Phrases.status(a.support()));
      row.put(
          "statusClass",
          Standing.of(a.support()).name().toLowerCase(Locale.ROOT).replace('_', '-'));
      row.put(
          "kubernetes",
          line.kube()
              .map(k -> k.isRange() ? k.min() + "–" + k.max() : k.minor().toString())
              .orElse("—"));
      row.put(
          "released",
          line.released() != null
              ? line.released().toString()
              : line.isPlanned()
                  ? "planned "
                      + Optional.ofNullable(line.planned()).map(Object::toString).orElse("")
                  : "—");
      row.put("approximate", line.approximate());
      row.put("end", Phrases.endOfSupport(a.support()));
      row.put("latest", a.upgrade().linePatch().map(p -> p.version().toString()).orElse("—"));
      rows.add(row);
    }
    return rows;
  }
}
