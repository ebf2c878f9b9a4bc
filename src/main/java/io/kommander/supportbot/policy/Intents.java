package io.kommander.supportbot.policy;

import java.util.List;
import java.util.Optional;

/**
 * The main thing a reply answers. A day the asker named makes it an as-of answer; what the answers
 * found out comes next (a near miss, a pre-release, a version that cannot exist); then what the
 * asker's words asked (severity, coverage, the newest, an order); else the first answer's kind.
 * Other products count only when nothing of ours was asked.
 */
final class Intents implements Answer.Visitor<Intent> {
  private static final Intents KINDS = new Intents();

  private Intents() {}

  static Intent of(Optional<Intent> asked, List<Answer> answers, boolean asOfGiven) {
    if (asOfGiven) {
      return Intent.AS_OF;
    }
    List<Intent> kinds = answers.stream().map(a -> a.accept(KINDS)).toList();
    for (Intent found : List.of(Intent.NEAR_MISS, Intent.PRERELEASE, Intent.IMPOSSIBLE)) {
      if (!kinds.isEmpty() && kinds.get(0) == found) {
        return found;
      }
    }
    if (asked.isPresent()) {
      return asked.get();
    }
    return kinds.stream()
        .filter(k -> k != Intent.OTHER_PRODUCT)
        .findFirst()
        .orElse(kinds.isEmpty() ? Intent.HELP : Intent.OTHER_PRODUCT);
  }

  @Override
  public Intent line(Answer.LineAnswer a) {
    if (!a.support().exists()) {
      return Intent.IMPOSSIBLE;
    }
    return a.support() instanceof Support.Unconfirmed ? Intent.NEWEST : Intent.STATUS;
  }

  @Override
  public Intent compatibility(Answer.CompatibilityAnswer a) {
    return Intent.PAIRING;
  }

  @Override
  public Intent matrix(Answer.MatrixAnswer a) {
    return Intent.MATRIX;
  }

  @Override
  public Intent kubernetes(Answer.KubernetesAnswer a) {
    return Intent.KUBERNETES;
  }

  @Override
  public Intent kubernetesFit(Answer.KubernetesFitAnswer a) {
    return Intent.KUBERNETES;
  }

  @Override
  public Intent bps(Answer.BpsAnswer a) {
    return Intent.KUBERNETES;
  }

  @Override
  public Intent upgradePath(Answer.UpgradePathAnswer a) {
    if (!a.from().support().exists()) {
      return Intent.IMPOSSIBLE;
    }
    return a.direct() ? Intent.DIRECT_UPGRADE : Intent.UPGRADE_PATH;
  }

  @Override
  public Intent upcoming(Answer.UpcomingAnswer a) {
    return Intent.UPCOMING;
  }

  @Override
  public Intent experimental(Answer.ExperimentalAnswer a) {
    return Intent.EXPERIMENTAL;
  }

  @Override
  public Intent secondary(Answer.SecondaryAnswer a) {
    return Intent.SECONDARY;
  }

  @Override
  public Intent help(Answer.HelpAnswer a) {
    return Intent.HELP;
  }

  @Override
  public Intent notOurs(NotOursAnswer a) {
    return Intent.OTHER_PRODUCT;
  }

  @Override
  public Intent platformApps(PlatformAppsAnswer a) {
    return Intent.SECONDARY;
  }

  @Override
  public Intent prerelease(PrereleaseAnswer a) {
    return Intent.PRERELEASE;
  }

  @Override
  public Intent upgradeOrder(UpgradeOrderAnswer a) {
    return Intent.UPGRADE_ORDER;
  }

  @Override
  public Intent nearMiss(NearMissAnswer a) {
    return Intent.NEAR_MISS;
  }
}
