package io.kommander.supportbot.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** What a message's notes come to: few enough to read above the answer they explain. */
final class Notes {
  private Notes() {}

  /** Notes past this many are counted, not listed: a pasted log must not bury the answer. */
  static final int MAX_NOTES = 5;

  /**
   * Each note once; when something was answered, tokens that merely could not be read (a log's
   * timestamps, "12ms") are prose, not mistakes, and around pasted tool output nothing is a
   * mistyped version; and at most {@link #MAX_NOTES}, then a count.
   */
  static List<String> few(List<String> notes, boolean answered, boolean pasted) {
    List<String> out = new ArrayList<>(new LinkedHashSet<>(notes));
    if (answered) {
      out.removeIf(n -> n.contains(" is not a version: I can't read it;"));
    }
    if (pasted) {
      // Addresses, names and counts around recognized tool output are not mistyped versions.
      out.removeIf(n -> n.contains(" is not a version: ") || n.contains(" is not a BPS tag: "));
    }
    if (out.size() > MAX_NOTES) {
      int more = out.size() - MAX_NOTES;
      out = new ArrayList<>(out.subList(0, MAX_NOTES));
      out.add("…and " + more + " more " + (more == 1 ? "part" : "parts") + " I could not read.");
    }
    return out;
  }
}
