package io.kommander.supportbot.delivery;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * Which channels asked for which lines' end-of-support announcements. Kept beside the outbox: in
 * {@code DATA_DIR} for one replica, in PostgreSQL for several (each sees what the others stored).
 */
public interface Subscriptions {
  /** The line of a subscription to every line. */
  String ALL = "*";

  /**
   * @param line a Kommander minor ({@code 2.16}; DKP and NKP number their lines the same), or
   *     {@link #ALL}
   * @param by the Slack user who asked
   */
  record Subscription(String channel, String line, String by, Instant at) {
    public boolean everyLine() {
      return ALL.equals(line);
    }
  }

  /** False when the channel already had that line. */
  boolean add(Subscription s);

  /** False when the channel did not have that line. */
  boolean remove(String channel, String line);

  /** Drops all of a channel's subscriptions (the channel is gone); how many there were. */
  int removeChannel(String channel);

  /** The channel's subscriptions, in the order they were made. */
  List<Subscription> of(String channel);

  /** Every subscription, by channel and then in the order made. */
  List<Subscription> all();

  static Subscriptions file(Path dataDir) {
    return new FileSubscriptions(dataDir.resolve("subscriptions.json"));
  }

  static Subscriptions postgres(DataSource db) {
    return new PostgresSubscriptions(db);
  }
}
