package io.kommander.supportbot.delivery;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The shared database's tables, versioned by Flyway ({@code src/main/resources/db/migration}).
 * Every PostgreSQL store migrates before its first use; Flyway's own lock keeps replicas starting
 * together in step, and each data source is migrated once per process.
 */
public final class Schema {
  private static final Set<DataSource> MIGRATED =
      Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  private Schema() {}

  /**
   * Brings the schema to this version. A database an older bot made (tables, no history) is taken
   * as version 0: the first migration only creates what is missing.
   */
  public static void migrate(DataSource db) {
    if (MIGRATED.contains(db)) {
      return;
    }
    synchronized (Schema.class) {
      if (MIGRATED.contains(db)) {
        return;
      }
      try {
        Flyway.configure()
            .dataSource(db)
            .locations("classpath:db/migration")
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .load()
            .migrate();
      } catch (FlywayException e) {
        throw new IllegalStateException("Cannot migrate the database: " + e.getMessage(), e);
      }
      MIGRATED.add(db);
    }
  }
}
