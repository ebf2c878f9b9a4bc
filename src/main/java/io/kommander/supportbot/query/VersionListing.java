package io.kommander.supportbot.query;

import io.kommander.supportbot.policy.Product;
import io.kommander.supportbot.policy.Question;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code nkp version} / {@code dkp version}: "component: version" lines, one of them the platform's
 * (kommander, konvoy, nkp or dkp), which name one line. The tools that ship beside it (diagnose,
 * imagebuilder, mindthegap) are not platform versions: their lines are dropped wherever they stand,
 * in a listing or alone. Lines of other names ("prod: v2.16.1") are left to the reader, which reads
 * them as clusters.
 */
final class VersionListing implements PasteRecognizer {
  /** One line of {@code nkp version}: a component and its version. */
  private static final Pattern COMPONENT =
      Pattern.compile(
          "(?im)^[ \\t]*+([a-z][\\w-]*+)[ \\t]*+:[ \\t]*+v?+(\\d++\\.\\d++\\.\\d++)\\S*+[ \\t]*+$");

  @Override
  public String read(String text, List<Question> questions, List<String> notes) {
    Matcher m = COMPONENT.matcher(text);
    List<String[]> platform = new ArrayList<>();
    boolean tools = false;
    while (m.find()) {
      String key = m.group(1).toLowerCase(java.util.Locale.ROOT);
      tools |= Names.SHIPPED.tool(key);
      if (Names.SHIPPED.product(key).isPresent()) {
        platform.add(new String[] {key, m.group(2)});
      }
    }
    if (platform.isEmpty() && !tools) {
      return text;
    }
    // The listing's platform key names the era (nkp, dkp); Kommander's and Konvoy's name a line.
    Product product =
        platform.stream()
            .map(f -> Names.SHIPPED.product(f[0]).orElseThrow())
            .filter(Product::platform)
            .max(Comparator.naturalOrder())
            .orElse(Product.KOMMANDER);
    platform.stream()
        .map(f -> Scan.exactPatch(f[1]))
        .flatMap(Optional::stream)
        .distinct()
        .forEach(v -> questions.add(new Question.AboutLine(product, v)));
    return COMPONENT
        .matcher(text)
        .replaceAll(line -> known(line.group(1)) ? " " : Matcher.quoteReplacement(line.group()));
  }

  /** A platform component or a tool beside it: a line the listing reads or drops. */
  private static boolean known(String component) {
    String key = component.toLowerCase(java.util.Locale.ROOT);
    return Names.SHIPPED.product(key).isPresent() || Names.SHIPPED.tool(key);
  }
}
