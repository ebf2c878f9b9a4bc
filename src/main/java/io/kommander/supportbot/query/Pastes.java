package io.kommander.supportbot.query;

import io.kommander.supportbot.policy.Question;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Tool output people paste, read as what it is, one recognizer per form. What a recognizer read is
 * taken out of the text, so no version in it is read again as a Kommander line.
 */
final class Pastes {
  /** The questions the pasted output asks, notes on it, and the text left for the reader. */
  record Read(String rest, List<Question> questions, List<String> notes, Set<String> apps) {
    /** The same, with the text left for the reader replaced. */
    Read withRest(String text) {
      return new Read(text, questions, notes, apps);
    }
  }

  private static final PasteRecognizer KUBECTL_VERSION = new KubectlVersion();
  private static final PasteRecognizer NODES = new KubectlNodes();
  private static final PasteRecognizer COMPONENTS = new VersionListing();
  private static final PasteRecognizer MANIFEST = new ClusterManifest();

  private Pastes() {}

  static Read read(String text) {
    List<Question> questions = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Set<String> apps = new LinkedHashSet<>();
    // In this order: kubectl's client lines go before node tables and listings are looked for;
    // manifests are read before their ClusterClass names would be read as any listing's.
    List<PasteRecognizer> forms =
        List.of(KUBECTL_VERSION, NODES, COMPONENTS, MANIFEST, new Listings(Names.SHIPPED, apps));
    String rest = text;
    for (PasteRecognizer form : forms) {
      rest = form.read(rest, questions, notes);
    }
    return new Read(rest, questions, notes, apps);
  }
}
