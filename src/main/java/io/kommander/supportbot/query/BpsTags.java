package io.kommander.supportbot.query;

import static io.kommander.supportbot.query.Vocabulary.BPS;

import io.kommander.supportbot.policy.BpsTag;
import io.kommander.supportbot.policy.Minor;
import io.kommander.supportbot.policy.Question.AboutBps;
import io.kommander.supportbot.policy.Version;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/** A BPS image tag ({@code rhel-8.10-1.30.5}): which lines ship its Kubernetes. */
final class BpsTags {
  private BpsTags() {}

  /** The tag's question, or a note on {@code notes} saying why the token is not a tag. */
  static Optional<AboutBps> read(String token, String lower, List<String> notes) {
    Matcher m = BPS.matcher(lower);
    if (!m.matches()) {
      notes.add(
          "`"
              + QueryParser.shorten(token, 40)
              + "` is not a BPS tag: "
              + QueryParser.BPS_FORMAT
              + ".");
      return Optional.empty();
    }
    int[] n = new int[5]; // at most 3 digits each: always within Minor.MAX_COMPONENT
    for (int i = 0; i < 5; i++) {
      n[i] = Integer.parseInt(m.group(i + 2));
    }
    return Optional.of(
        new AboutBps(new BpsTag(m.group(1), new Minor(n[0], n[1]), Version.of(n[2], n[3], n[4]))));
  }
}
