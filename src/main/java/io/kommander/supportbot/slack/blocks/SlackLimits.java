package io.kommander.supportbot.slack.blocks;

import io.kommander.supportbot.render.Phrases;

/** Slack's documented Block Kit limits; renderers stay inside them and tests check it. */
public final class SlackLimits {
  public static final int MESSAGE_BLOCKS = 50;
  public static final int HOME_BLOCKS = 100;
  public static final int SECTION_TEXT = 3000;
  public static final int HEADER_TEXT = 150;
  public static final int FIELDS = 10;
  public static final int FIELD_TEXT = 2000;
  public static final int BUTTON_VALUE = 2000;

  /** An image block's alt_text. */
  public static final int ALT_TEXT = 2000;

  private SlackLimits() {}

  /** Cuts {@code text} to fit a limit of {@code max} characters, marking the cut. */
  public static String fit(String text, int max) {
    return Phrases.cut(text, max);
  }
}
