package io.kommander.supportbot.render;

import io.kommander.supportbot.policy.NearMissAnswer;
import io.kommander.supportbot.policy.NotOursAnswer;
import io.kommander.supportbot.policy.PlatformAppsAnswer;
import io.kommander.supportbot.policy.PrereleaseAnswer;
import io.kommander.supportbot.policy.SecondarySupport;
import io.kommander.supportbot.policy.UpgradeOrderAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The sentences of answers beyond one line's standing: other products, platform applications'
 * support, pre-release builds, near misses, the order to upgrade clusters in. Plain text, the first
 * line a headline, as the other phrase classes.
 */
public final class ScopePhrases {
  private static final Pattern TWO_SEVERITIES =
      Pattern.compile("severity (\\d) & (\\d)", Pattern.CASE_INSENSITIVE);

  /** The order within one upgrade, from the NKP 2.18 upgrade guide (catalog: 2.17 to 2.18). */
  public static final String WITHIN_AN_UPGRADE =
      "Within each upgrade: Kommander first, then the management cluster, then the workspaces,"
          + " then the workload clusters.";

  private ScopePhrases() {}

  /** "Rancher is not one of the products this bot covers …": one line, said once. */
  public static String notOurs(NotOursAnswer a) {
    return a.name()
        + " is not one of the products this bot covers (it answers for Kommander, Konvoy, DKP and"
        + " NKP)"
        + (a.neighbour() ? "; it comes from the same vendor, so ask its own support team." : ".");
  }

  /** Secondary support for the applications named, row by row, with the severities offered. */
  public static List<String> platformApps(PlatformAppsAnswer a) {
    List<String> out = new ArrayList<>();
    String apps = String.join(", ", a.apps());
    out.add(
        a.apps().isEmpty()
            ? "Platform applications shipped with NKP and DKP get secondary support."
            : apps
                + (a.apps().size() == 1 ? " is a platform application" : " are platform apps")
                + " shipped with NKP and DKP: covered by secondary support.");
    for (SecondarySupport.Type row : a.rows()) {
      out.add(row.type() + ": " + severities(row.support()) + ".");
    }
    out.add(
        "Support is for its integration with the platform; the base technology's own issues go upstream.");
    return out;
  }

  /** "Supported with severity 3 & 4 support terms" → "Severity 3 and Severity 4". */
  static String severities(String support) {
    String s = TWO_SEVERITIES.matcher(support).replaceAll("Severity $1 and Severity $2");
    s = s.replace("support terms", "").replace("severity 4", "Severity 4").strip();
    return s.replaceAll(" +", " ").replace(" ,", ",");
  }

  /** "2.18.0-rc.3 is a pre-release build …", then its line. */
  public static String prerelease(PrereleaseAnswer a) {
    return a.build()
        + " is a pre-release build, not a release: never supported, not for production. Use a"
        + " release of its line instead.";
  }

  /** "NKP 2.1.7 is not a version; did you mean 2.17.1?" */
  public static String nearMiss(NearMissAnswer a) {
    return a.product().displayName()
        + " "
        + a.asked()
        + " is not a version; did you mean "
        + a.meant()
        + "? Here is "
        + a.product().displayName()
        + " "
        + a.meant()
        + ".";
  }

  /** The clusters in the order to upgrade them, most urgent first. */
  public static List<String> upgradeOrder(UpgradeOrderAnswer a) {
    List<String> out = new ArrayList<>();
    out.add("Upgrade in this order: out of support first, then in doubt, then the soonest end.");
    for (int i = 0; i < a.order().size(); i++) {
      var line = a.order().get(i);
      out.add(
          (i + 1)
              + ". "
              + ClusterPhrases.headline(line)
              + ". "
              + UpgradePhrases.upgrade(line).stream().findFirst().orElse(""));
    }
    out.add(WITHIN_AN_UPGRADE);
    return out;
  }
}
