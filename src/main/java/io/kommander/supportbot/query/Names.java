package io.kommander.supportbot.query;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kommander.supportbot.policy.Product;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every name the bot can read, from {@code config/vocabulary.yaml} (packaged into the jar): our
 * products, the charts and images that carry our version, the platform applications, Kubernetes and
 * the node's parts, other products and our neighbours. The one reader of product names: {@link
 * Product#named} and the parser's recognizers ask here.
 */
public final class Names {
  /** A name people use for something, and what it is. */
  public record Named(String id, String name, Kind kind) {}

  /** What a name names. */
  public enum Kind {
    PLATFORM_APP,
    NODE_COMPONENT,
    /** A tool shipped beside the platform with a version of its own (mindthegap, diagnose). */
    TOOL,
    OTHER_PRODUCT,
    NEIGHBOUR
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Entry(String id, String name, String product, List<String> names) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record File(
      List<Entry> ours,
      List<String> platformCharts,
      List<String> platformImages,
      List<String> clis,
      List<Entry> platformApps,
      List<String> kubernetes,
      List<String> nodeComponents,
      List<String> tools,
      List<Entry> others,
      List<Entry> neighbours) {}

  /** The vocabulary this build ships. */
  public static final Names SHIPPED = load("/vocabulary.yaml");

  private final Map<String, Product> ours = new HashMap<>();
  private final Map<String, Named> things = new HashMap<>();

  /** The first words of names of two words ("prism" of "prism central"). */
  private final Set<String> firstWords = new java.util.HashSet<>();

  private final Set<String> platformCharts;
  private final Set<String> platformImages;
  private final Set<String> kubernetes;
  private final Set<String> tools;

  private Names(File f) {
    f.ours()
        .forEach(
            e ->
                e.names()
                    .forEach(
                        n -> ours.put(n, Product.valueOf(e.product().toUpperCase(Locale.ROOT)))));
    f.platformApps().forEach(e -> add(e, e.id(), Kind.PLATFORM_APP));
    f.nodeComponents().forEach(n -> things.put(n, new Named(n, n, Kind.NODE_COMPONENT)));
    f.tools().forEach(n -> things.put(n, new Named(n, n, Kind.TOOL)));
    tools = Set.copyOf(f.tools());
    f.others().forEach(e -> add(e, e.name(), Kind.OTHER_PRODUCT));
    f.neighbours().forEach(e -> add(e, e.name(), Kind.NEIGHBOUR));
    platformCharts = Set.copyOf(f.platformCharts());
    platformImages = Set.copyOf(f.platformImages());
    kubernetes = Set.copyOf(f.kubernetes());
  }

  private void add(Entry e, String display, Kind kind) {
    e.names().forEach(n -> things.putIfAbsent(n, new Named(e.id(), display, kind)));
    e.names().stream()
        .filter(n -> n.contains(" "))
        .forEach(n -> firstWords.add(n.substring(0, n.indexOf(' '))));
  }

  static Names load(String resource) {
    try (InputStream in = Names.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not in the jar");
      }
      return new Names(new ObjectMapper(new YAMLFactory()).readValue(in, File.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Our product a word (or a full name, lower case) names. */
  public Optional<Product> product(String words) {
    return Optional.ofNullable(ours.get(words.toLowerCase(Locale.ROOT)));
  }

  /** Every one-word name of ours, lower case ("nkp", "kommander"), for patterns and look-ups. */
  public List<String> productWords() {
    return ours.keySet().stream().filter(n -> !n.contains(" ")).sorted().toList();
  }

  /** Every name of ours of several words ("nutanix kubernetes platform"). */
  public List<String> productPhrases() {
    return ours.keySet().stream().filter(n -> n.contains(" ")).sorted().toList();
  }

  /** The one-word names of the platform's eras (DKP, NKP): ClusterClasses carry them. */
  public List<String> platformWords() {
    return productWords().stream().filter(n -> ours.get(n).platform()).toList();
  }

  /** What else a word (or two words, lower case) names: an app, a part, another product. */
  public Optional<Named> thing(String words) {
    return Optional.ofNullable(things.get(words.toLowerCase(Locale.ROOT)));
  }

  /** What {@code word} names, or it with the word before ("prism central"), lower case. */
  public Optional<Named> thing(String previous, String word) {
    Named two = firstWords.contains(previous) ? things.get(previous + " " + word) : null;
    return Optional.ofNullable(two != null ? two : things.get(word));
  }

  /** Whether a chart, app or release of this name carries the platform's own version. */
  public boolean platformChart(String name) {
    return platformCharts.contains(name.toLowerCase(Locale.ROOT));
  }

  /**
   * Whether an image of this repository carries the platform's own version in its tag: the
   * platform's images all start with one of the vocabulary's ({@code mesosphere/kommander2-…}).
   */
  public boolean platformImage(String repository) {
    String r = repository.toLowerCase(Locale.ROOT);
    int slash = r.indexOf('/');
    String path = slash >= 0 && r.substring(0, slash).contains(".") ? r.substring(slash + 1) : r;
    return platformImages.stream().anyMatch(path::startsWith);
  }

  /** Whether a component of {@code nkp version} is a tool beside the platform. */
  public boolean tool(String name) {
    return tools.contains(name.toLowerCase(Locale.ROOT));
  }

  /** Whether a word makes the next versions Kubernetes versions. */
  public boolean kubernetes(String word) {
    return kubernetes.contains(word.toLowerCase(Locale.ROOT));
  }
}
