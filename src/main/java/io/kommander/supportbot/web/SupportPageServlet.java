package io.kommander.supportbot.web;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import io.kommander.supportbot.http.ErrorReplies;
import io.kommander.supportbot.http.QueryParams;
import io.kommander.supportbot.http.Revalidation;
import io.kommander.supportbot.http.SecurityHeaders;
import io.kommander.supportbot.policy.Answer.LineAnswer;
import io.kommander.supportbot.policy.Answer.MatrixAnswer;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.policy.Product;
import io.kommander.supportbot.policy.Query;
import io.kommander.supportbot.policy.Question;
import io.kommander.supportbot.policy.Reply;
import io.kommander.supportbot.policy.Support;
import io.kommander.supportbot.policy.Version;
import io.kommander.supportbot.query.Answering;
import io.kommander.supportbot.query.QueryParser;
import io.kommander.supportbot.render.CatalogPhrases;
import io.kommander.supportbot.render.Phrases;
import io.kommander.supportbot.render.ReplyPhrases;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The support page people open without Slack: today's matrix, the catalog's freshness, and a plain
 * form (no JavaScript) that asks the same core in the same words as Slack and the CLI. {@code /}
 * takes {@code q}, {@code kommander}+{@code konvoy}, {@code from}+{@code to} and {@code asOf}, each
 * bounded by {@link QueryParams}; {@code /nkp/2.15} (and {@code /dkp}, {@code /kommander}, {@code
 * /konvoy}) answers one line, and is a 404 for a line the catalog does not know, as in the API.
 * Every value reaches the HTML through Mustache, which escapes it.
 */
public final class SupportPageServlet extends HttpServlet {
  private static final Pattern VERSION_PAGE = Pattern.compile("/([a-z]{3,9})/([^/]{1,20})");

  private final transient Supplier<PolicyService> policy;
  private final transient TimelineImages images;
  private final transient Answering answering = new Answering();
  private final transient Mustache page =
      new DefaultMustacheFactory("web").compile("page.mustache");

  SupportPageServlet(Supplier<PolicyService> policy, TimelineImages images) {
    this.policy = policy;
    this.images = images;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getRequestURI();
    PolicyService service = policy.get();
    QueryParams params = new QueryParams(req, service);
    Optional<LocalDate> asOf = params.asOf();
    Optional<Asked> question;
    Matcher version = VERSION_PAGE.matcher(path);
    if (version.matches() && Product.named(version.group(1)).isPresent()) {
      Product product = Product.named(version.group(1)).orElseThrow();
      Optional<String> unknown = unknownLine(service, product, version.group(2), asOf);
      if (unknown.isPresent()) {
        ErrorReplies.write(path, resp, 404, "unknown_version", unknown.get());
        return;
      }
      Question line = new Question.AboutLine(product, Version.parse(version.group(2)));
      question =
          Optional.of(new Asked(version.group(1) + " " + version.group(2), query(line, asOf)));
    } else if (path.equals("/")) {
      question = question(params, asOf);
    } else {
      ErrorReplies.write(path, resp, 404, "not_found", "No such page. The support page is at /.");
      return;
    }
    String etag =
        "W/\""
            + service.revision()
            + "-"
            + service.today()
            + "-"
            + Integer.toHexString(String.valueOf(req.getQueryString()).hashCode() ^ path.hashCode())
            + "\"";
    // Before a 304 too: a browser takes a 304's headers onto its cached copy.
    SecurityHeaders.page(resp, PageStyle.HASH);
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
    scope.put("rows", MatrixRows.of((MatrixAnswer) matrix.answers().get(0)));
    // Inline, so its text is the page's text; every value in it was escaped by TimelineSvg.
    Optional<String> timeline = images.svg(service, matrix.asOf());
    timeline.ifPresent(svg -> scope.put("timeline", svg));
    if (timeline.isEmpty()) {
      scope.put("timelineBusy", true);
      // Drawn without it: this copy must not be kept and revalidated as the whole page.
      resp.setHeader("ETag", null);
      resp.setHeader("Cache-Control", "no-store");
    }
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

  /**
   * Why {@code /product/version} has no page: not a version, or a line the catalog does not know
   * (the API's 404 in the same words); empty when it has one.
   */
  private static Optional<String> unknownLine(
      PolicyService service, Product product, String text, Optional<LocalDate> asOf) {
    Optional<List<Version>> version = versions(text);
    if (version.isEmpty()) {
      return Optional.of(
          "No such page: '" + text + "' is not a version; " + QueryParser.EXPECTED + ".");
    }
    LineAnswer answer =
        service.policy().status(product, version.get().get(0), asOf.orElseGet(service::today));
    return answer.support() instanceof Support.Unknown
            || answer.support() instanceof Support.NeverReleased
        ? Optional.of(
            product.displayName()
                + " "
                + version.get().get(0)
                + ": "
                + Phrases.untilWhen(answer, service.catalog().settings().window()))
        : Optional.empty();
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
  private Optional<Asked> question(QueryParams params, Optional<LocalDate> asOf) {
    String q = params.text("q", QueryParams.MAX_TEXT).orElse("");
    String kommander = params.text("kommander", QueryParams.MAX_VERSION_TEXT).orElse("");
    String konvoy = params.text("konvoy", QueryParams.MAX_VERSION_TEXT).orElse("");
    String from = params.text("from", QueryParams.MAX_VERSION_TEXT).orElse("");
    String to = params.text("to", QueryParams.MAX_VERSION_TEXT).orElse("");
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
}
