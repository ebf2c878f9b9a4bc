package io.kommander.supportbot.web;

import io.kommander.supportbot.policy.Answer.LineAnswer;
import io.kommander.supportbot.policy.Answer.MatrixAnswer;
import io.kommander.supportbot.policy.ReleaseLine;
import io.kommander.supportbot.render.Phrases;
import io.kommander.supportbot.render.Standing;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The page's matrix table, for the template: one row per line, newest first. */
final class MatrixRows {
  private MatrixRows() {}

  static List<Map<String, Object>> of(MatrixAnswer m) {
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
