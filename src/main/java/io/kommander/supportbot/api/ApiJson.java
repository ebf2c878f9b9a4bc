package io.kommander.supportbot.api;

import io.kommander.supportbot.policy.Support;
import io.kommander.supportbot.render.Standing;
import java.util.Locale;

/**
 * The API's status codes. Its shapes (ApiModel) are kept apart from the catalog's, so each can
 * change alone; both are written by the one mapper ({@link io.kommander.supportbot.json.Json}).
 */
final class ApiJson {
  private ApiJson() {}

  /** {@code supported}, {@code ends_soon}, {@code expired}, {@code never_released}, … */
  static String status(Support support) {
    return Standing.of(support).name().toLowerCase(Locale.ROOT);
  }
}
