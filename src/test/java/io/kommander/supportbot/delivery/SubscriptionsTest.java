package io.kommander.supportbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.kommander.supportbot.delivery.Subscriptions.Subscription;
import io.kommander.supportbot.testing.EmbeddedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both stores of channel subscriptions keep the same promises; each "reopen" is a new store on the
 * same file or database, as after a restart or on another replica.
 */
class SubscriptionsTest {
  @RegisterExtension static final EmbeddedDatabase postgres = new EmbeddedDatabase();
  @TempDir static Path dir;

  static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

  @BeforeEach
  void empty() throws Exception {
    Subscriptions.postgres(postgres.dataSource()); // creates the table
    postgres.truncate("channel_subscriptions");
    Files.deleteIfExists(dir.resolve("subscriptions.json"));
  }

  static Stream<Arguments> stores() {
    Supplier<Subscriptions> file = () -> Subscriptions.file(dir);
    Supplier<Subscriptions> db = () -> Subscriptions.postgres(postgres.dataSource());
    return Stream.of(Arguments.of("file", file), Arguments.of("postgres", db));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void addsOnceRemovesAndIsSeenAfterAReopen(String name, Supplier<Subscriptions> open) {
    Subscriptions s = open.get();
    assertThat(s.add(new Subscription("C1", "2.16", "U1", T0))).isTrue();
    assertThat(s.add(new Subscription("C1", "2.16", "U2", T0.plusSeconds(5)))).isFalse();
    assertThat(s.add(new Subscription("C1", "2.17", "U2", T0.plusSeconds(10)))).isTrue();
    assertThat(s.add(new Subscription("C0", Subscriptions.ALL, "U3", T0.plusSeconds(20)))).isTrue();

    Subscriptions again = open.get();
    assertThat(again.of("C1"))
        .containsExactly(
            new Subscription("C1", "2.16", "U1", T0),
            new Subscription("C1", "2.17", "U2", T0.plusSeconds(10)));
    assertThat(again.all()).extracting(Subscription::channel).containsExactly("C0", "C1", "C1");
    assertThat(again.all().get(0).everyLine()).isTrue();
    assertThat(again.all().get(1).everyLine()).isFalse();

    assertThat(again.remove("C1", "2.16")).isTrue();
    assertThat(open.get().of("C1")).extracting(Subscription::line).containsExactly("2.17");
    assertThat(again.remove("C1", "2.16")).isFalse();
    assertThat(again.remove("C9", "2.16")).isFalse();
    assertThat(open.get().of("C1")).extracting(Subscription::line).containsExactly("2.17");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void aGoneChannelLosesAllItsSubscriptionsAndOnlyItsOwn(
      String name, Supplier<Subscriptions> open) {
    Subscriptions s = open.get();
    s.add(new Subscription("CGONE", "2.16", "U1", T0));
    s.add(new Subscription("CGONE", Subscriptions.ALL, "U1", T0));
    s.add(new Subscription("CSTAYS", "2.16", "U1", T0));
    assertThat(s.removeChannel("CGONE")).isEqualTo(2);
    assertThat(open.get().of("CGONE")).isEmpty();
    assertThat(s.removeChannel("CGONE")).isZero();
    assertThat(open.get().all()).extracting(Subscription::channel).containsExactly("CSTAYS");
  }
}
