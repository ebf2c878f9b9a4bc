package io.kommander.supportbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.testing.EmbeddedDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Readiness probes cost the database nothing that grows with them (issue 34): 40 clients polling
 * {@code /readyz} at once, against a real PostgreSQL that takes 20 connections, leave it room for
 * everyone else. Each probe used to open a connection of its own; 40 of them locked the replicas
 * out of their own database.
 */
class ReadinessFloodTest {
  static final int MAX_CONNECTIONS = 20;
  static final int POLLERS = 40;
  static final int POLLS_EACH = 100;

  @RegisterExtension
  static final EmbeddedDatabase postgres =
      new EmbeddedDatabase(Map.of("max_connections", String.valueOf(MAX_CONNECTIONS)));

  @Test
  void fortyPollersNeitherExhaustTheDatabaseNorSeeItDown() throws Exception {
    PolicyService policy = new PolicyService(TestCatalogs.april(), Clock.systemUTC());
    Config config = Config.fromEnv(Map.of("PORT", "0", "LEDGER_DATABASE_URL", postgres.jdbcUrl()));
    Map<String, Integer> statuses = new ConcurrentHashMap<>();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger refusedToUs = new AtomicInteger();
    AtomicInteger mostBackends = new AtomicInteger();
    try (Bot bot = Bot.start(config, "127.0.0.1", () -> policy)) {
      URI ready = URI.create("http://127.0.0.1:" + bot.port() + "/readyz");
      HttpClient first = HttpClient.newHttpClient();
      await() // the first check, made in the background at start
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  first
                      .send(
                          HttpRequest.newBuilder(ready).build(),
                          HttpResponse.BodyHandlers.ofString())
                      .body(),
              "ready\n"::equals);
      ExecutorService pollers = Executors.newFixedThreadPool(POLLERS + 1);
      CyclicBarrier together = new CyclicBarrier(POLLERS);
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < POLLERS; i++) {
        done.add(
            pollers.submit(
                () -> {
                  HttpClient http = HttpClient.newHttpClient();
                  together.await();
                  for (int n = 0; n < POLLS_EACH; n++) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> r =
                        http.send(
                            HttpRequest.newBuilder(ready).build(),
                            HttpResponse.BodyHandlers.ofString());
                    latencies.add(System.nanoTime() - t0);
                    statuses.merge(
                        r.statusCode() + " " + r.body().lines().findFirst().orElse(""),
                        1,
                        Integer::sum);
                  }
                  return null;
                }));
      }
      // Meanwhile someone else needs the database: they must always get in.
      Future<?> others =
          pollers.submit(
              () -> {
                while (done.stream().anyMatch(f -> !f.isDone())) {
                  try (Connection c = postgres.dataSource().getConnection();
                      Statement s = c.createStatement();
                      ResultSet r =
                          s.executeQuery(
                              "SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
                                  + Database.APPLICATION_NAME
                                  + "'")) {
                    r.next();
                    mostBackends.accumulateAndGet(r.getInt(1), Math::max);
                  } catch (SQLException e) {
                    refusedToUs.incrementAndGet();
                  }
                  Thread.sleep(20);
                }
                return null;
              });
      for (Future<?> f : done) {
        f.get();
      }
      others.get();
      pollers.shutdown();
    }
    latencies.sort(null);
    System.out.printf(
        "ReadinessFloodTest: %d pollers x %d: statuses %s, /readyz p50 %.2f ms p99 %.2f ms,"
            + " at most %d connections of the bot, %d refused to others%n",
        POLLERS,
        POLLS_EACH,
        statuses,
        latencies.get(latencies.size() / 2) / 1e6,
        latencies.get((int) (latencies.size() * 0.99)) / 1e6,
        mostBackends.get(),
        refusedToUs.get());
    assertThat(statuses).containsOnlyKeys("200 ready");
    assertThat(refusedToUs.get()).isZero();
    // The bot's pool, however many probe.
    assertThat(mostBackends.get()).isBetween(1, Database.POOL_SIZE);
  }
}
