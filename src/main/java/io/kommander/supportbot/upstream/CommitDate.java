package io.kommander.supportbot.upstream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.kommander.supportbot.json.Json;
import java.io.IOException;
import java.io.InputStream;

/**
 * The date of a commit from GitHub's "Get a commit" answer, read as it streams: {@code
 * commit.committer.date} (else {@code commit.author.date}) comes before the files and their
 * patches, which can run to megabytes and are never read.
 */
final class CommitDate {
  private CommitDate() {}

  /** The committer's date, else the author's; empty when the commit has neither. */
  static String read(InputStream json) throws IOException {
    String author = "";
    try (JsonParser p = Json.MAPPER.createParser(json)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        // After an object's end the context is its parent's, at the object's own name.
        String at = p.getParsingContext().pathAsPointer().toString();
        if (t == JsonToken.VALUE_STRING && at.equals("/commit/committer/date")) {
          return p.getText();
        } else if (t == JsonToken.VALUE_STRING && at.equals("/commit/author/date")) {
          author = p.getText();
        } else if (t == JsonToken.END_OBJECT && at.equals("/commit")) {
          return author; // "commit" is over without a committer's date
        }
      }
    }
    return author;
  }
}
