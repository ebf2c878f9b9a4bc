package io.kommander.supportbot.upstream;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.kommander.supportbot.announce.AnnouncementFixture.form;
import static io.kommander.supportbot.announce.AnnouncementFixture.posts;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.announce.AnnouncementFixture;
import io.kommander.supportbot.catalog.LiveCatalog;
import io.kommander.supportbot.delivery.Outbox;
import io.kommander.supportbot.delivery.PostgresLedger;
import io.kommander.supportbot.policy.Minor;
import io.kommander.supportbot.policy.Product;
import io.kommander.supportbot.policy.Support;
import io.kommander.supportbot.testing.EmbeddedDatabase;
import io.kommander.supportbot.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two bots sharing one PostgreSQL (the replicas' setup): they share what upstream showed, ask
 * GitHub once per interval between them, and tell the maintainers once.
 */
class UpstreamReplicasTest {
  @RegisterExtension static final EmbeddedDatabase postgres = new EmbeddedDatabase();
  static final String MAINTAINERS = "C0MAINTAIN1";

  private final ManualClock clock = new ManualClock("2026-11-29T10:00:00Z");
  private WireMockServer github;
  private WireMockServer slack;
  private String tagsUrl;

  @BeforeEach
  void start() throws Exception {
    github = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    github.start();
    GitHubStub.twoPages(github);
    tagsUrl = github.baseUrl() + GitHubStub.TAGS;
    slack = AnnouncementFixture.startSlack();
    UpstreamStore.postgres(postgres.dataSource()).load(); // creates the table
    new PostgresLedger(postgres.dataSource());
    postgres.truncate("upstream_state");
    postgres.truncate("outbox");
  }

  @AfterEach
  void stop() {
    github.stop();
    slack.stop();
  }

  /** One replica: its own catalog, HTTP clients and outbox, the shared database. */
  private record Replica(LiveCatalog live, UpstreamWatcher watcher) {}

  private Replica replica() {
    LiveCatalog live = new LiveCatalog(TestCatalogs.shipped(), clock);
    Outbox outbox =
        new Outbox(
            new PostgresLedger(postgres.dataSource()),
            AnnouncementFixture.poster(slack),
            clock,
            Duration.ofMinutes(2),
            1);
    return new Replica(
        live,
        new UpstreamWatcher(
            Optional.of(new GitHubTags(tagsUrl, Optional.empty(), Duration.ofSeconds(2))),
            UpstreamStore.postgres(postgres.dataSource()),
            live,
            clock,
            Duration.ofHours(1),
            Optional.of(outbox),
            Optional.of(MAINTAINERS)));
  }

  private static Support sixteen(LiveCatalog live) {
    return live.get()
        .policy()
        .support(
            live.catalog().line(Product.NKP, Minor.parse("2.16")).orElseThrow(),
            live.get().today());
  }

  @Test
  void twoBotsLookingAtOnceTellTheMaintainersOnceAndBothAnswerWithTheFind() throws Exception {
    List<Replica> replicas = List.of(replica(), replica());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CyclicBarrier together = new CyclicBarrier(2);
    try {
      for (int round = 0; round < 3; round++) {
        List<Future<Boolean>> looks = new ArrayList<>();
        for (Replica r : replicas) {
          looks.add(
              pool.submit(
                  () -> {
                    together.await();
                    return r.watcher().look();
                  }));
        }
        for (Future<Boolean> look : looks) {
          look.get();
        }
        clock.advance(Duration.ofMinutes(30));
      }
    } finally {
      pool.shutdownNow();
    }
    replicas.forEach(r -> r.watcher().look()); // the one that lost a race now reads the find

    assertThat(posts(slack)).hasSize(1);
    assertThat(form(posts(slack).get(0)))
        .containsEntry("channel", MAINTAINERS)
        .hasEntrySatisfying(
            "text",
            t ->
                assertThat(t)
                    .startsWith("New upstream release: tag v2.19.0 (commit dated 2026-08-21)")
                    .contains("NKP 2.16 loses support.")
                    .contains("# in place of the reported NKP 2.19 entry")
                    .contains("- kommander: \"2.19\""));
    for (Replica r : replicas) {
      assertThat(sixteen(r.live())).isInstanceOf(Support.Expired.class);
    }
    // Three rounds 30 minutes apart, an hourly interval: two looks due, each read by one replica
    // or, when both load the shared state at the same instant, by both; never the seven a
    // replica's own timer would make (the shared state says when the next look is due).
    assertThat(
            github.findAll(getRequestedFor(urlPathEqualTo(GitHubStub.TAGS))).stream()
                .filter(r -> !r.getUrl().contains("page=2"))
                .count())
        .isBetween(2L, 4L);
  }

  @Test
  void aNewReplicaStartsFromTheSharedStateWithoutAskingGitHub() {
    replica().watcher().look();
    github.stop();
    Replica late = replica();
    assertThat(late.live().unreviewed()).extracting(f -> f.version().toString()).contains("2.19.0");
    assertThat(sixteen(late.live())).isInstanceOf(Support.Expired.class);
    assertThat(late.watcher().look()).as("not due yet: the first replica just looked").isFalse();
  }
}
