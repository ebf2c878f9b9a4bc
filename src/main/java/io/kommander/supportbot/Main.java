package io.kommander.supportbot;

import io.kommander.supportbot.catalog.CatalogException;
import io.kommander.supportbot.catalog.CatalogLoader;
import io.kommander.supportbot.cli.AskCommand;
import io.kommander.supportbot.cli.CatalogCommand;
import io.kommander.supportbot.policy.PolicyService;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;

/** Entry point: reads configuration and assembles the pieces for the chosen command. */
public final class Main {
  static final String USAGE =
      """
      usage: java -jar kommander-support-bot.jar ask "TEXT"   answer one question offline
             java -jar kommander-support-bot.jar serve        run the Slack bot (see README)
             java -jar kommander-support-bot.jar catalog check [FILE]
                                         validate a catalog (exit 1 naming file, line and field)
             java -jar kommander-support-bot.jar catalog upstream
                                         what the upstream watcher would find now, as YAML
      """;

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.out, System.err));
  }

  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      err.print(USAGE);
      return 64;
    }
    try {
      Config config = Config.fromEnv(env);
      switch (args[0]) {
        case "ask" -> {
          PolicyService policy = policyService(config);
          out.println(
              new AskCommand(policy)
                  .ask(String.join(" ", Arrays.copyOfRange(args, 1, args.length))));
          return 0;
        }
        case "serve" -> {
          try (Serve serve = Serve.start(config, Clock.system(ZoneOffset.UTC))) {
            Runtime.getRuntime().addShutdownHook(new Thread(serve::close, "shutdown"));
            serve.bot().join();
          }
          return 0;
        }
        case "catalog" -> {
          CatalogCommand catalog = new CatalogCommand(out, err);
          if (args.length >= 2 && args[1].equals("check") && args.length <= 3) {
            return catalog.check(args.length == 3 ? Path.of(args[2]) : config.catalogFile());
          } else if (args.length == 2 && args[1].equals("upstream")) {
            return catalog.upstream(
                config.catalogFile(), config.upstream(), Clock.system(ZoneOffset.UTC));
          }
          err.print(USAGE);
          return 64;
        }
        default -> {
          err.print(USAGE);
          return 64;
        }
      }
    } catch (CatalogException e) {
      err.println("Cannot load the release catalog: " + e.getMessage());
      return 2;
    } catch (IllegalArgumentException e) {
      err.println("Bad configuration: " + e.getMessage());
      return 2;
    } catch (Exception e) {
      err.println("Cannot start: " + e.getMessage());
      return 1;
    }
  }

  static PolicyService policyService(Config config) {
    return new PolicyService(
        new CatalogLoader().load(config.catalogFile()), Clock.system(ZoneOffset.UTC));
  }
}
