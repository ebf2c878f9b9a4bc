package io.kommander.supportbot.cli;

import io.kommander.supportbot.catalog.CatalogException;
import io.kommander.supportbot.catalog.CatalogLoader;
import io.kommander.supportbot.catalog.LiveCatalog;
import io.kommander.supportbot.policy.Catalog;
import io.kommander.supportbot.policy.FoundRelease;
import io.kommander.supportbot.policy.ReleaseLine;
import io.kommander.supportbot.upstream.GitHubTags;
import io.kommander.supportbot.upstream.MaintainerNotice;
import io.kommander.supportbot.upstream.UpstreamSettings;
import io.kommander.supportbot.upstream.UpstreamState;
import io.kommander.supportbot.upstream.UpstreamStore;
import io.kommander.supportbot.upstream.UpstreamWatcher;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The maintainer's commands: {@code catalog check [FILE]} validates a catalog as the live reload
 * does (exit 0, or 1 naming file, line and field: for a pull request's CI), and {@code catalog
 * upstream} prints what the watcher would find now, as the YAML to add.
 */
public final class CatalogCommand {
  private final PrintStream out;
  private final PrintStream err;

  public CatalogCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** Exit 0 for a valid catalog; else 1, printing each problem found with file, line and field. */
  public int check(Path file) {
    CatalogLoader loader = new CatalogLoader();
    Catalog c;
    try {
      String text = CatalogLoader.read(file);
      try {
        c = loader.parse(file.toString(), text);
      } catch (CatalogException invalid) {
        loader.problems(file.toString(), text).forEach(err::println); // all, not the first only
        return 1;
      }
    } catch (CatalogException unreadable) {
      err.println(unreadable.getMessage());
      return 1;
    }
    ReleaseLine newest = c.lines().get(c.lines().size() - 1);
    out.println(
        file
            + ": valid: "
            + c.lines().size()
            + " lines, newest "
            + newest.label()
            + " ("
            + newest.status().name().toLowerCase(java.util.Locale.ROOT)
            + "), reviewed "
            + c.review().reviewed());
    return 0;
  }

  public int upstream(Path file, UpstreamSettings settings, Clock clock) {
    if (!settings.enabled()) {
      err.println("UPSTREAM_TAGS_URL is off: nothing to look at");
      return 1;
    }
    LiveCatalog live = new LiveCatalog(new CatalogLoader().load(file), clock);
    UpstreamWatcher watcher =
        new UpstreamWatcher(
            Optional.of(
                new GitHubTags(settings.tagsUrl().get(), settings.token(), Duration.ofSeconds(10))),
            memory(),
            live,
            clock,
            settings.every(),
            Optional.empty(),
            Optional.empty());
    watcher.look();
    if (!watcher.outcome().read()) {
      err.println(
          "Upstream could not be read (" + watcher.outcome().label() + "); see the log line above");
      return 1;
    }
    if (live.unreviewed().isEmpty()) {
      out.println("Nothing new upstream: " + file + " has every release that matters today.");
    }
    for (FoundRelease f : live.unreviewed()) {
      out.println(MaintainerNotice.text(live.reviewed(), f, live.get().today()));
      out.println();
    }
    return 0;
  }

  private static UpstreamStore memory() {
    return new UpstreamStore() {
      private UpstreamState state = UpstreamState.EMPTY;

      @Override
      public UpstreamState load() {
        return state;
      }

      @Override
      public void save(UpstreamState s) {
        state = s;
      }
    };
  }
}
