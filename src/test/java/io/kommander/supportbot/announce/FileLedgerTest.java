package io.kommander.supportbot.announce;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The single-process ledger: a JSON file rewritten atomically. */
class FileLedgerTest extends LedgerContract {
  @TempDir Path dir;

  @Override
  Ledger ledger() {
    return new FileLedger(dir.resolve("announcement-ledger.json"));
  }
}
