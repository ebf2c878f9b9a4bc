package io.kommander.supportbot.catalog;

import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Finds the line of a field in catalog text. Jackson's locations point where it noticed a problem
 * (often the end of an entry, or nowhere for rules checked after binding); people want the field.
 */
final class YamlLocator {
  private YamlLocator() {}

  /**
   * The 1-based line of the node at {@code path} (field names and list indexes). When the path goes
   * further than the text (a missing field), the deepest node that exists, unless that is the root.
   */
  static Optional<Integer> lineOf(String text, List<Object> path) {
    try {
      Node node =
          new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
      Node found = null;
      for (Object step : path) {
        Optional<Node> next =
            step instanceof Integer i ? element(node, i) : child(node, step.toString());
        if (next.isEmpty()) {
          break;
        }
        node = next.get();
        found = node;
      }
      return Optional.ofNullable(found).map(n -> n.getStartMark().getLine() + 1);
    } catch (RuntimeException e) {
      return Optional.empty(); // locating is a courtesy: the error is reported either way
    }
  }

  private static Optional<Node> element(Node node, int index) {
    return node instanceof SequenceNode seq && index >= 0 && index < seq.getValue().size()
        ? Optional.of(seq.getValue().get(index))
        : Optional.empty();
  }

  /** The key node when asked for a field, so "unknown field" points at the field's own line. */
  private static Optional<Node> child(Node node, String key) {
    if (node instanceof MappingNode map) {
      for (NodeTuple t : map.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
          return Optional.of(
              t.getValueNode() instanceof ScalarNode ? t.getKeyNode() : t.getValueNode());
        }
      }
    }
    return Optional.empty();
  }
}
