package io.kommander.supportbot.http;

import io.kommander.supportbot.policy.Freshness;
import io.kommander.supportbot.policy.PolicyService;
import java.io.IOException;
import java.util.Locale;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** {@code GET /metrics}: the answer cache's counters, in Prometheus' text format. */
public final class MetricsServlet extends HttpServlet {
  private final transient AnswerSource answers;

  public MetricsServlet(AnswerSource answers) {
    this.answers = answers;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    var stats = answers.stats();
    PolicyService service = answers.policy();
    Freshness freshness = service.policy().freshness(service.today());
    resp.setContentType("text/plain; version=0.0.4; charset=utf-8");
    resp.getWriter()
        .print(
            String.format(
                Locale.ROOT,
                "# TYPE answer_cache_hits_total counter%nanswer_cache_hits_total %d%n"
                    + "# TYPE answer_cache_misses_total counter%nanswer_cache_misses_total %d%n"
                    + "# TYPE answer_cache_hit_ratio gauge%nanswer_cache_hit_ratio %.4f%n"
                    + "# TYPE answer_cache_entries gauge%nanswer_cache_entries %d%n"
                    + "# HELP catalog_review_age_days Days since the catalog was last checked.%n"
                    + "# TYPE catalog_review_age_days gauge%ncatalog_review_age_days %d%n"
                    + "# HELP catalog_newest_line_age_days Days since the newest known line shipped.%n"
                    + "# TYPE catalog_newest_line_age_days gauge%ncatalog_newest_line_age_days %d%n"
                    + "# HELP catalog_release_cadence_days Longest recent gap between lines.%n"
                    + "# TYPE catalog_release_cadence_days gauge%ncatalog_release_cadence_days %d%n"
                    + "# HELP catalog_may_be_stale 1 when today's answers say they may be stale.%n"
                    + "# TYPE catalog_may_be_stale gauge%ncatalog_may_be_stale %d%n",
                stats.hitCount(),
                stats.missCount(),
                stats.hitRate(),
                answers.size(),
                freshness.reviewAgeDays(),
                freshness.newestAgeDays(),
                freshness.cadenceDays(),
                freshness.stale() ? 1 : 0));
  }
}
