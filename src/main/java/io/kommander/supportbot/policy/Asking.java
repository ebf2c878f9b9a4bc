package io.kommander.supportbot.policy;

import io.kommander.supportbot.policy.Answer.LineAnswer;
import io.kommander.supportbot.policy.Question.AboutLine;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Each kind of question answered on one day: the core's one walk over what can be asked. */
final class Asking implements Question.Visitor<List<Answer>> {
  private final SupportPolicy policy;
  private final LocalDate asOf;

  Asking(SupportPolicy policy, LocalDate asOf) {
    this.policy = policy;
    this.asOf = asOf;
  }

  @Override
  public List<Answer> aboutLine(AboutLine q) {
    return List.of(
        NearMisses.of(policy, q, asOf).<Answer>map(a -> a).orElseGet(() -> policy.line(q, asOf)));
  }

  @Override
  public List<Answer> aboutPair(Question.AboutPair q) {
    return List.of(policy.compatibility(q.kommander(), q.konvoy(), asOf));
  }

  @Override
  public List<Answer> aboutKubernetes(Question.AboutKubernetes q) {
    return List.of(policy.kubernetes(q.kubernetes(), asOf));
  }

  @Override
  public List<Answer> onKubernetes(Question.OnKubernetes q) {
    return List.of(policy.onKubernetes(q.product(), q.version(), q.kubernetes(), asOf));
  }

  @Override
  public List<Answer> aboutBps(Question.AboutBps q) {
    return List.of(new Answer.BpsAnswer(q.tag(), policy.kubernetes(q.tag().kubernetes(), asOf)));
  }

  @Override
  public List<Answer> upgradePath(Question.UpgradePath q) {
    return List.of(policy.upgradePath(q.from(), q.to(), q.direct(), asOf));
  }

  @Override
  public List<Answer> upcoming(Question.Upcoming q) {
    return List.of(policy.upcoming(asOf, q.days()));
  }

  @Override
  public List<Answer> aboutTopic(Question.AboutTopic q) {
    Catalog catalog = policy.catalog();
    return switch (q.topic()) {
      case MATRIX -> List.of(policy.matrix(asOf));
      case NEWEST -> newest();
      case EXPERIMENTAL -> List.of(new Answer.ExperimentalAnswer(catalog.experimental()));
      case SECONDARY -> List.of(new Answer.SecondaryAnswer(catalog.secondary()));
      case HELP -> List.of(new Answer.HelpAnswer());
    };
  }

  @Override
  public List<Answer> aboutOtherProduct(Question.AboutOtherProduct q) {
    return List.of(new NotOursAnswer(q.name(), q.neighbour()));
  }

  @Override
  public List<Answer> aboutApps(Question.AboutApps q) {
    return List.of(
        new PlatformAppsAnswer(
            q.apps(), q.concern(), policy.catalog().secondary(), Optional.empty()));
  }

  @Override
  public List<Answer> aboutPrerelease(Question.AboutPrerelease q) {
    LineAnswer line = policy.status(q.product(), Version.of(q.version().line()), asOf);
    return List.of(new PrereleaseAnswer(q.build(), line));
  }

  @Override
  public List<Answer> upgradeOrder(Question.UpgradeOrder q) {
    List<LineAnswer> order = new ArrayList<>();
    q.clusters().forEach(c -> order.add(policy.line(c, asOf)));
    order.sort(Comparator.comparingLong(a -> Urgency.of(a.support(), asOf)));
    return List.of(new UpgradeOrderAnswer(order));
  }

  /**
   * The newest line shipped by that day, at its latest patch, as if named; then any line that may
   * have shipped since (announced or reported, not confirmed).
   */
  private List<Answer> newest() {
    List<Answer> out = new ArrayList<>();
    policy
        .newestShipped(asOf)
        .ifPresentOrElse(
            line ->
                out.add(
                    policy.status(
                        line.product(),
                        line.latestPatchOn(line.product(), asOf)
                            .map(Patch::version)
                            .orElse(Version.of(line.minor(line.product()))),
                        asOf)),
            () -> out.add(policy.matrix(asOf)));
    policy.catalog().lines().stream()
        .filter(l -> l.shipping(asOf) == Shipping.MAYBE)
        .forEach(l -> out.add(policy.status(l.product(), Version.of(l.minor(l.product())), asOf)));
    return out;
  }
}
