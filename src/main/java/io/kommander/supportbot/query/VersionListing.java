package io.kommander.supportbot.query;

import io.kommander.supportbot.policy.Product;
import io.kommander.supportbot.policy.Question;
import io.kommander.supportbot.policy.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code nkp version} / {@code dkp version}: two or more "component: version" lines. The platform's
 * components (kommander, konvoy, nkp or dkp) name one line; other tools (diagnose, imagebuilder,
 * mindthegap) are not platform versions and are dropped.
 */
final class VersionListing implements PasteRecognizer {
  /** One line of {@code nkp version}: a component and its version. */
  private static final Pattern COMPONENT =
      Pattern.compile(
          "(?im)^[ \\t]*([a-z][\\w-]*)[ \\t]*:[ \\t]*v?(\\d+\\.\\d+\\.\\d+)\\S*[ \\t]*$");

  private static final Set<String> PLATFORM_KEYS = Set.of("kommander", "konvoy", "nkp", "dkp");

  @Override
  public String read(String text, List<Question> questions, List<String> notes) {
    Matcher m = COMPONENT.matcher(text);
    List<String[]> found = new ArrayList<>();
    while (m.find()) {
      found.add(new String[] {m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2)});
    }
    if (found.size() < 2) {
      return text;
    }
    Product platform =
        found.stream().anyMatch(f -> f[0].equals("nkp"))
            ? Product.NKP
            : found.stream().anyMatch(f -> f[0].equals("dkp")) ? Product.DKP : Product.KOMMANDER;
    found.stream()
        .filter(f -> PLATFORM_KEYS.contains(f[0]))
        .map(f -> Version.parse(f[1]))
        .distinct()
        .forEach(v -> questions.add(new Question.AboutLine(platform, v)));
    return COMPONENT.matcher(text).replaceAll(" ");
  }
}
