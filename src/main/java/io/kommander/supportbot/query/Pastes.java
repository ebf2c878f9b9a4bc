package io.kommander.supportbot.query;

import io.kommander.supportbot.policy.Question;
import java.util.ArrayList;
import java.util.List;

/**
 * Tool output people paste, read as what it is, one recognizer per form. What a recognizer read is
 * taken out of the text, so no version in it is read again as a Kommander line.
 */
final class Pastes {
  /** The questions the pasted output asks, notes on it, and the text left for the reader. */
  record Read(String rest, List<Question> questions, List<String> notes) {}

  /** In this order: kubectl's client lines go before node tables and listings are looked for. */
  private static final List<PasteRecognizer> FORMS =
      List.of(
          new KubectlVersion(), new KubectlNodes(), new VersionListing(), new ClusterManifest());

  private Pastes() {}

  static Read read(String text) {
    List<Question> questions = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    String rest = text;
    for (PasteRecognizer form : FORMS) {
      rest = form.read(rest, questions, notes);
    }
    return new Read(rest, questions, notes);
  }
}
