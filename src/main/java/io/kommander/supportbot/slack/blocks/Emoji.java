package io.kommander.supportbot.slack.blocks;

import io.kommander.supportbot.policy.Support;
import io.kommander.supportbot.render.Standing;

/** Slack's emoji for how a line stands, beside the words that always say it too. */
final class Emoji {
  private Emoji() {}

  static String of(Support support) {
    return switch (Standing.of(support)) {
      case SUPPORTED -> ":white_check_mark:";
      case ENDS_SOON -> ":hourglass_flowing_sand:";
      case IN_DOUBT -> ":warning:";
      case EXPIRED -> ":x:";
      case UNCONFIRMED -> ":grey_question:";
      case NEVER_RELEASED -> ":no_entry_sign:";
      case NOT_RELEASED -> ":calendar:";
      case UNKNOWN -> ":grey_question:";
    };
  }

  /** The mark of a pairing verdict. */
  static String of(io.kommander.supportbot.policy.Answer.Verdict verdict) {
    return switch (verdict) {
      case SUPPORTED -> ":white_check_mark:";
      case UNKNOWN -> ":grey_question:";
      case MIXED_MINORS, PAIRED_NOT_SUPPORTED -> ":no_entry:";
    };
  }
}
