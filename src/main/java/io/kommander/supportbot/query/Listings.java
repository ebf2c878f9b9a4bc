package io.kommander.supportbot.query;

import io.kommander.supportbot.policy.Minor;
import io.kommander.supportbot.policy.Product;
import io.kommander.supportbot.policy.Question;
import io.kommander.supportbot.policy.Question.AboutLine;
import io.kommander.supportbot.policy.Question.AboutPrerelease;
import io.kommander.supportbot.policy.Version;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Listings read as listings: {@code helm list} (any namespace, with or without {@code -A}), Flux's
 * HelmReleases ({@code with chart kommander@v2.17.1}), Kommander's apps, pods and their images
 * ({@code mesosphere/kommander2-appmanagement:v2.18.0}), {@code crictl images}, cluster listings,
 * ClusterClass names ({@code nkp-nutanix-v2.16.1}). The platform's version comes only from its own
 * chart, app or image; every other row's versions are the row's own and are taken out, never read
 * as ours; platform applications are noted; other charts are named once.
 *
 * <p>Scanned forward (a row, a name before '@', a repository before ':'), never matched by a
 * backtracking pattern: linear in the paste.
 */
final class Listings implements PasteRecognizer {
  private static final int NAMED_AT_MOST = 6;

  private final Names names;
  private final Set<String> apps;

  /**
   * @param apps where the platform applications found are added
   */
  Listings(Names names, Set<String> apps) {
    this.names = names;
    this.apps = apps;
  }

  /** What one paste's listings held. */
  private final class Found {
    final Set<String> ours = new LinkedHashSet<>();
    final Set<String> unknown = new LinkedHashSet<>();
    final Set<Minor> kubernetes = new LinkedHashSet<>();
    final Scan.Cuts cuts;

    Found(String text) {
      cuts = new Scan.Cuts(text);
    }

    /** A chart, release or app and its version. */
    void chart(String name, String version) {
      if (names.platformChart(name)) {
        platform(version);
      } else if (!app(name)) {
        unknown.add(name);
      }
    }

    /** An image and its tag. */
    void image(String repository, String tag) {
      if (names.platformImage(repository)) {
        platform(tag);
      }
    }

    private void platform(String version) {
      Optional<Version> v = Scan.versionAt(version, 0);
      if (v.isPresent() && v.get().line().major() >= 1) {
        ours.add(version.startsWith("v") ? version.substring(1) : version);
      }
    }

    boolean app(String name) {
      Optional<Names.Named> thing = names.thing(name);
      thing.filter(t -> t.kind() == Names.Kind.PLATFORM_APP).ifPresent(t -> apps.add(t.id()));
      return thing.isPresent() || names.platformChart(name);
    }
  }

  @Override
  public String read(String text, List<Question> questions, List<String> notes) {
    String lower = Scan.lower(text);
    Found found = new Found(text);
    chartReferences(lower, found);
    images(lower, found);
    tables(lower, found);
    clusterClasses(lower, found, questions);
    if (found.cuts.isEmpty()) {
      return text;
    }
    for (String v : found.ours) {
      Prereleases.read(v)
          .ifPresentOrElse(
              b -> questions.add(new AboutPrerelease(Product.KOMMANDER, b.version(), b.name())),
              () ->
                  Scan.exactPatch(v)
                      .ifPresent(
                          x ->
                              questions.add(
                                  new AboutLine(Product.KOMMANDER, x, false, Optional.empty()))));
    }
    found.kubernetes.forEach(m -> questions.add(new Question.AboutKubernetes(m)));
    if (!found.unknown.isEmpty()) {
      notes.add(
          "Not ours and not a platform application, so their versions are theirs: "
              + String.join(", ", found.unknown.stream().limit(NAMED_AT_MOST).toList())
              + (found.unknown.size() > NAMED_AT_MOST ? " and more." : "."));
    }
    return found.cuts.rest();
  }

  /** Flux's {@code chart kommander@v2.17.1}: the name before each '@', the version after. */
  private static void chartReferences(String lower, Found found) {
    for (int at = lower.indexOf('@'); at >= 0; at = lower.indexOf('@', at + 1)) {
      int start = at;
      while (start > 0 && nameChar(lower.charAt(start - 1))) {
        start--;
      }
      int end = tagEnd(lower, at + 1);
      if (start < at && Scan.versionAt(lower, at + 1).isPresent()) {
        found.chart(lower.substring(start, at), lower.substring(at + 1, end));
        found.cuts.cut(start, end);
      }
    }
  }

  /** {@code registry/path/name:tag} wherever it stands: an image and its version. */
  private static void images(String lower, Found found) {
    for (int at = lower.indexOf(':'); at >= 0; at = lower.indexOf(':', at + 1)) {
      int start = at;
      while (start > 0
          && (nameChar(lower.charAt(start - 1)) || "./_".indexOf(lower.charAt(start - 1)) >= 0)) {
        start--;
      }
      String repository = lower.substring(start, at);
      if (repository.indexOf('/') > 0 && Scan.versionAt(lower, at + 1).isPresent()) {
        int end = tagEnd(lower, at + 1);
        found.image(repository, lower.substring(at + 1, end));
        found.cuts.cut(start, end);
      }
    }
  }

  /**
   * A table: a header naming NAME and a version-bearing column (CHART, VERSION, REVISION, APP-ID,
   * TAG), then rows up to the first blank line. Each row's chart ({@code cert-manager-v1.17.2}),
   * image and tag, or cluster's Kubernetes is read, and the row taken out.
   */
  private void tables(String lower, Found found) {
    boolean inTable = false;
    int nextName = lower.indexOf("name");
    int nextImage = lower.indexOf("image");
    boolean clusters = false;
    boolean imageTags = false;
    for (int start = 0; start < lower.length(); start = Scan.lineEnd(lower, start) + 1) {
      int end = Scan.lineEnd(lower, start);
      // Where "name" and "image" next stand: found once and moved forward, never searched again
      // from every line (a log's lines have neither, and a search per line would be quadratic).
      if (nextName >= 0 && nextName < start) {
        nextName = lower.indexOf("name", start);
      }
      if (nextImage >= 0 && nextImage < start) {
        nextImage = lower.indexOf("image", start);
      }
      boolean mayBeHeader =
          (nextName >= 0 && nextName < end) || (nextImage >= 0 && nextImage < end);
      if (!inTable && !mayBeHeader) {
        continue; // most lines of a log: no table starts here, and nothing is copied
      }
      String line = lower.substring(start, end);
      if (header(line)) {
        inTable = true;
        clusters = line.contains("phase") && line.contains("version");
        imageTags = line.contains("image") && line.contains("tag");
        found.cuts.cut(start, end);
        continue;
      }
      if (!inTable || line.isBlank()) {
        inTable = false;
        continue;
      }
      row(List.of(line.strip().split("[ \\t]++")), clusters, imageTags, found);
      found.cuts.cut(start, end);
    }
  }

  private void row(List<String> cells, boolean clusters, boolean imageTags, Found found) {
    if (imageTags && cells.size() > 1) {
      found.image(cells.get(0), cells.get(1));
      return;
    }
    if (clusters) {
      Scan.minorAt(cells.get(cells.size() - 1), 0).ifPresent(found.kubernetes::add);
      return;
    }
    boolean chart = false;
    for (String cell : cells) {
      int dash = chartDash(cell);
      if (dash > 0) {
        found.chart(cell.substring(0, dash), cell.substring(dash + 1));
        chart = true;
      }
    }
    if (!chart && !cells.isEmpty()) {
      found.app(cells.get(0));
      if (cells.size() > 1) {
        found.app(cells.get(1));
      }
    }
  }

  /** The last '-' before a version that ends the cell ({@code loki-distributed-0.48.4}). */
  private static int chartDash(String cell) {
    for (int i = cell.length() - 1; i > 0; i--) {
      if (cell.charAt(i) == '-'
          && Scan.versionAt(cell, i + 1).isPresent()
          && tagEnd(cell, i + 1) == cell.length()
          && Character.isLetter(cell.charAt(0))) {
        return i;
      }
    }
    return -1;
  }

  /** {@code NAME ... CHART|VERSION|REVISION|APP-ID|TAG}: upper-case words in the original. */
  private static boolean header(String line) {
    String l = " " + line.strip().replace('\t', ' ') + " ";
    return (l.startsWith(" name ") || l.contains(" name ") || l.startsWith(" image "))
        && (l.contains(" chart ")
            || l.contains(" version")
            || l.contains(" revision ")
            || l.contains(" app-id ")
            || l.contains(" tag ")
            || l.contains(" ready "));
  }

  /** ClusterClass names anywhere: {@code nkp-nutanix-v2.16.1}, {@code dkp-aws-v2.8.1}. */
  private static void clusterClasses(String lower, Found found, List<Question> questions) {
    for (String word : Names.SHIPPED.platformWords()) {
      String product = word + "-";
      for (int at = lower.indexOf(product); at >= 0; at = lower.indexOf(product, at + 1)) {
        if (at > 0 && nameChar(lower.charAt(at - 1))) {
          continue;
        }
        int end = tagEnd(lower, at);
        int v = lower.lastIndexOf("-v", end);
        if (v > at && Scan.versionAt(lower, v + 1).isPresent()) {
          String version = lower.substring(v + 2, end);
          Product p = Names.SHIPPED.product(word).orElseThrow();
          Optional<Prereleases.Build> build = Prereleases.read(version);
          if (build.isPresent()) {
            questions.add(new AboutPrerelease(p, build.get().version(), build.get().name()));
          } else {
            Scan.exactPatch(version).ifPresent(x -> questions.add(new AboutLine(p, x)));
          }
          found.cuts.cut(at, end);
        }
        at = Math.max(at, end - 1);
      }
    }
  }

  /** Where a tag or version written from {@code i} ends: letters, digits, '.', '-', '+', '_'. */
  private static int tagEnd(String s, int i) {
    while (i < s.length() && (nameChar(s.charAt(i)) || ".+_".indexOf(s.charAt(i)) >= 0)) {
      i++;
    }
    return i;
  }

  private static boolean nameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  }
}
