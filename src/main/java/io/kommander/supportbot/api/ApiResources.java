package io.kommander.supportbot.api;

import io.kommander.supportbot.announce.AnnouncementSettings;
import io.kommander.supportbot.policy.Answer.CompatibilityAnswer;
import io.kommander.supportbot.policy.Answer.LineAnswer;
import io.kommander.supportbot.policy.Product;
import io.kommander.supportbot.policy.Question.AboutLine;
import io.kommander.supportbot.policy.ReleaseLine;
import io.kommander.supportbot.policy.Support;
import io.kommander.supportbot.policy.SupportPolicy;
import io.kommander.supportbot.policy.Version;
import io.kommander.supportbot.render.Phrases;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** One handler per resource of {@code /api/v1}, by the path's first segment; see openapi.yaml. */
final class ApiResources {
  /** What a resource answers: a model for JSON, or {@link Raw} text. */
  interface Resource {
    Object get(ApiRequest r) throws ApiError;
  }

  /** A body that is not JSON (a calendar, a feed). */
  record Raw(String contentType, String body) {}

  private ApiResources() {}

  static Map<String, Resource> all(AnnouncementSettings announcements) {
    return Map.ofEntries(
        Map.entry("kommander", ApiResources::line),
        Map.entry("konvoy", ApiResources::line),
        Map.entry("dkp", ApiResources::line),
        Map.entry("nkp", ApiResources::line),
        Map.entry("kubernetes", ApiResources::kubernetes),
        Map.entry("compatibility", ApiResources::compatibility),
        Map.entry("upgrade-path", ApiResources::upgradePath),
        Map.entry("calendar.ics", ApiResources::calendar),
        Map.entry("announcements.atom", r -> feed(r, announcements)),
        Map.entry(
            "upcoming",
            r ->
                ApiModel.Upcoming.of(
                    r.service().policy().upcoming(r.asOf(), r.params().days("days", 30)))),
        Map.entry("matrix", r -> ApiModel.Matrix.of(policy(r).matrix(r.asOf()), policy(r))),
        Map.entry(
            "announcements",
            r ->
                new ApiModel.Announcements(
                    r.asOf(),
                    policy(r).endingsFrom(r.asOf()).stream()
                        .map(ApiModel.Announcement::of)
                        .toList())),
        Map.entry("eol", ApiResources::eol),
        Map.entry(
            "catalog",
            r ->
                new Raw(
                    "application/json;charset=utf-8",
                    io.kommander.supportbot.catalog.CatalogJson.write(r.service().catalog()))));
  }

  private static SupportPolicy policy(ApiRequest r) {
    return r.service().policy();
  }

  /** {@code /{kommander,konvoy,dkp,nkp}/{version}}. */
  private static Object line(ApiRequest r) throws ApiError {
    String[] parts = r.parts();
    Product product = Product.named(parts[0]).orElseThrow();
    if (parts.length != 2 || parts[1].isEmpty()) {
      throw new ApiError(
          400,
          "missing_version",
          "Name a version: /api/v1/" + parts[0] + "/{version}, e.g. /api/v1/" + parts[0] + "/1.4");
    }
    Version version = r.version(parts[1], "version");
    LineAnswer answer = policy(r).status(product, version, r.asOf());
    if (answer.support() instanceof Support.Unknown
        || answer.support() instanceof Support.NeverReleased) {
      throw new ApiError(
          404,
          "unknown_version",
          product.displayName() + " " + version + ": " + Phrases.untilWhen(answer, r.window()));
    }
    return ApiModel.Status.of(answer, r.window());
  }

  /** {@code /kubernetes/{minor}}. */
  private static Object kubernetes(ApiRequest r) throws ApiError {
    String[] parts = r.parts();
    if (parts.length != 2 || parts[1].isEmpty()) {
      throw new ApiError(
          400, "missing_version", "Name a Kubernetes minor: /api/v1/kubernetes/{minor}, e.g. 1.31");
    }
    Version version = r.version(parts[1], "kubernetes");
    return ApiModel.KubernetesLines.of(policy(r).kubernetes(version.line(), r.asOf()), r.window());
  }

  /** {@code /compatibility?kommander=1.2&konvoy=1.7}. */
  private static Object compatibility(ApiRequest r) throws ApiError {
    String kommander = r.param("kommander");
    String konvoy = r.param("konvoy");
    if (kommander == null || konvoy == null) {
      throw new ApiError(
          400,
          "missing_parameter",
          "Both kommander and konvoy are required, e.g. ?kommander=1.2&konvoy=1.7");
    }
    CompatibilityAnswer answer =
        policy(r)
            .compatibility(
                r.version(kommander, "kommander"), r.version(konvoy, "konvoy"), r.asOf());
    return ApiModel.Compatibility.of(answer, r.asOf(), r.window());
  }

  /** {@code /upgrade-path?from=dkp 2.5&to=nkp 2.17&direct=true}. */
  private static Object upgradePath(ApiRequest r) throws ApiError {
    String from = r.param("from");
    if (from == null) {
      throw new ApiError(
          400,
          "missing_parameter",
          "from is required, e.g. ?from=dkp%202.5&to=nkp%202.17 (to defaults to the newest line)");
    }
    String to = r.param("to");
    Optional<AboutLine> target = to == null ? Optional.empty() : Optional.of(r.named(to, "to"));
    boolean direct = r.params().flag("direct");
    return UpgradePathModel.of(
        policy(r).upgradePath(r.named(from, "from"), target, direct, r.asOf()), r.window());
  }

  /**
   * Reminders per event at most: Google Calendar keeps five, and each is a block of text in every
   * event (3,990 of them once made an 8.9 MB answer to an 8 KB request).
   */
  static final int MAX_ALARMS = 5;

  /** {@code /calendar.ics?product=nkp&line=2.15&supported=true&alarms=30,7}. */
  private static Object calendar(ApiRequest r) throws ApiError {
    Predicate<ReleaseLine> include = l -> true;
    String product = r.param("product");
    if (product != null) {
      Product p =
          Product.named(product.strip())
              .orElseThrow(
                  () ->
                      new ApiError(
                          400, "bad_parameter", "product: one of kommander, konvoy, dkp or nkp"));
      Product era = p == Product.KONVOY ? Product.KOMMANDER : p;
      include = l -> l.product() == era;
    }
    String line = r.param("line");
    if (line != null) {
      AboutLine asked = r.named(line, "line");
      Predicate<ReleaseLine> before = include;
      include = l -> before.test(l) && l.minor(asked.product()).equals(asked.version().line());
    }
    List<Integer> alarms = r.params().dayList("alarms", MAX_ALARMS, List.of(30, 7));
    return new Raw(
        "text/calendar;charset=utf-8",
        SupportCalendar.write(
            policy(r),
            r.asOf(),
            Instant.now(),
            new SupportCalendar.Options(include, r.params().flag("supported"), alarms)));
  }

  /** {@code /announcements.atom}: the posts made up to the day asked about. */
  private static Object feed(ApiRequest r, AnnouncementSettings announcements) {
    Instant until =
        r.service().today().equals(r.asOf())
            ? Instant.now()
            : r.asOf().atTime(23, 59).toInstant(ZoneOffset.UTC);
    return new Raw(
        "application/atom+xml;charset=utf-8",
        AnnouncementFeed.write(
            policy(r), announcements, until, r.link("/api/v1/announcements.atom")));
  }

  /** {@code /eol/<product>.json} (endoflife.date v0) and {@code /eol/products/<product>} (v1). */
  private static Object eol(ApiRequest r) throws ApiError {
    String[] parts = r.parts();
    boolean v1 = parts.length == 3 && parts[1].equals("products");
    String name = v1 ? parts[2] : parts.length == 2 ? parts[1].replaceFirst("\\.json$", "") : "";
    Optional<Product> product =
        (v1 || (parts.length == 2 && parts[1].endsWith(".json")))
            ? Product.named(name)
            : Optional.empty();
    if (product.isEmpty()) {
      throw new ApiError(
          404,
          "not_found",
          "EOL exports: /api/v1/eol/{kommander,konvoy,dkp,nkp}.json (endoflife.date v0) and"
              + " /api/v1/eol/products/{kommander,konvoy,dkp,nkp} (v1)");
    }
    if (v1) {
      return EolExport.product(policy(r), product.get(), r.asOf(), Instant.now(), r.link(""));
    }
    return EolExport.lines(policy(r), product.get(), r.asOf()).stream()
        .map(l -> EolExport.Cycle.of(policy(r), l, product.get(), r.asOf()))
        .toList();
  }
}
