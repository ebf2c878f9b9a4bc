package io.kommander.supportbot.policy;

import io.kommander.supportbot.policy.Answer.LineAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Answers about lines, each line said once per reply. */
final class Lines {
  private Lines() {}

  /**
   * Each line answered once: a second answer about a line already answered, for the same cluster
   * (or none), is dropped; of the two, the one that names a patch is kept ("nkp 2.16 and 2.16.1").
   */
  static List<Answer> once(List<Answer> answers) {
    List<Answer> out = new ArrayList<>();
    for (Answer a : answers) {
      int same = -1;
      Optional<LineAnswer> line = a.asLine().filter(l -> l.line().isPresent());
      for (int i = 0; i < out.size() && same < 0 && line.isPresent(); i++) {
        if (out.get(i).asLine().filter(o -> sameLine(o, line.get())).isPresent()) {
          same = i;
        }
      }
      if (same < 0) {
        out.add(a);
      } else if (out.get(same).asLine().orElseThrow().asked().patch().isEmpty()
          && line.get().asked().patch().isPresent()) {
        out.set(same, a);
      }
    }
    return out;
  }

  private static boolean sameLine(LineAnswer a, LineAnswer b) {
    return a.line().equals(b.line()) && a.cluster().equals(b.cluster());
  }
}
