package io.kommander.supportbot.api;

import io.kommander.supportbot.policy.Answer.UpgradePathAnswer;
import io.kommander.supportbot.render.UpgradePhrases;
import java.util.List;
import java.util.Locale;

/** The JSON shape of an upgrade path, hop by hop ({@code /api/v1/upgrade-path}). */
record UpgradePathModel(
    String outcome,
    boolean direct,
    ApiModel.Status from,
    ApiModel.Status to,
    List<Hop> hops,
    List<String> message) {
  static UpgradePathModel of(UpgradePathAnswer p, int window) {
    return new UpgradePathModel(
        p.outcome().name().toLowerCase(Locale.ROOT),
        p.direct(),
        ApiModel.Status.of(p.from(), window),
        p.to().map(t -> ApiModel.Status.of(t, window)).orElse(null),
        p.steps().stream().map(s -> Hop.of(s, window)).toList(),
        UpgradePhrases.upgradePath(p, window));
  }

  /** One hop: the lines it joins, how and how surely, and where it lands today. */
  record Hop(
      String from,
      String to,
      String kind,
      String evidence,
      String minPatch,
      String source,
      String note,
      ApiModel.Status landsOn) {
    static Hop of(UpgradePathAnswer.Step s, int window) {
      var h = s.hop();
      return new Hop(
          h.from().toString(),
          h.to().toString(),
          h.kind().name().toLowerCase(Locale.ROOT),
          h.evidence().name().toLowerCase(Locale.ROOT),
          h.minPatch() == null ? null : h.minPatch().toString(),
          h.source(),
          h.note(),
          ApiModel.Status.of(s.landing(), window));
    }
  }
}
