package io.kommander.supportbot.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.policy.PolicyService;
import io.kommander.supportbot.policy.Reply;
import io.kommander.supportbot.query.Answering;
import io.kommander.supportbot.render.TextRenderer;
import io.kommander.supportbot.slack.SlackAnswers;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The accuracy corpus (src/test/resources/corpus/dev.yaml, schema in /work/corpus/SCHEMA.md):
 * messages written as support engineers and customers type them, each labelled with what the bot
 * must read (product, versions, lines and their states, intent, the day asked about or none,
 * versions that are not ours) and what its answer must and must never say. Every case runs through
 * the text path (the CLI, {@code /ask}, the page) and Slack's two paths (a slash command's reply
 * and a mention's thread reply), with the clock at 2026-12-08 and the repository's catalog. Prints
 * the accuracy per category; a case marked {@code disputed} (a label believed wrong, with the
 * reason) is skipped and listed.
 */
class CorpusTest {
  static final PolicyService POLICY =
      new PolicyService(
          TestCatalogs.shipped(),
          Clock.fixed(Instant.parse("2026-12-08T12:00:00Z"), ZoneOffset.UTC));

  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyLabelledMessageIsReadAndAnsweredRight() throws IOException {
    List<CorpusCase> cases = load("/corpus/dev.yaml");
    Answering answering = new Answering();
    TextRenderer text = new TextRenderer();
    SlackAnswers slack = new SlackAnswers(() -> POLICY);
    Map<String, int[]> byCategory = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    List<String> disputed = new ArrayList<>();
    for (CorpusCase c : cases) {
      if (c.disputed() != null) {
        disputed.add(c.id() + ": " + c.disputed());
        continue;
      }
      Reply reply = answering.answer(POLICY, c.text());
      List<String> problems = new ArrayList<>(Checks.structure(c, reply, POLICY));
      String plain = text.render(reply);
      problems.addAll(Checks.words(c, "text", plain));
      problems.addAll(Checks.words(c, "slash", slackText(slack.commandReply(c.text()))));
      SlackAnswers.Reply mention = slack.reply(c.text());
      problems.addAll(
          Checks.words(c, "mention", mention.text() + "\n" + blocksText(mention.blocksJson())));
      int[] tally = byCategory.computeIfAbsent(c.category(), k -> new int[2]);
      tally[1]++;
      if (problems.isEmpty()) {
        tally[0]++;
      } else {
        failures.add(c.id() + ": " + String.join("; ", problems));
      }
    }
    int passed = byCategory.values().stream().mapToInt(t -> t[0]).sum();
    int total = byCategory.values().stream().mapToInt(t -> t[1]).sum();
    System.out.println(table(byCategory, passed, total));
    disputed.forEach(d -> System.out.println("DISPUTED (skipped) " + d));
    failures.forEach(f -> System.out.println("MISS " + f));
    List<String> missed =
        failures.stream().map(f -> f.substring(0, f.indexOf(':'))).sorted().toList();
    assertThat(missed)
        .as(
            "corpus accuracy: %d of %d; the cases answered wrong are the known misses",
            passed, total)
        .containsExactlyElementsOf(knownMisses());
  }

  /** The cases not yet answered right (known-misses.txt, without its comments). */
  static List<String> knownMisses() throws IOException {
    try (InputStream in = CorpusTest.class.getResourceAsStream("/corpus/known-misses.txt")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .sorted()
          .toList();
    }
  }

  static String table(Map<String, int[]> byCategory, int passed, int total) {
    StringBuilder b = new StringBuilder("\ncategory                      right  of   accuracy\n");
    byCategory.forEach(
        (category, t) ->
            b.append(
                String.format(
                    Locale.ROOT,
                    "%-28s %5d %5d   %5.1f%%%n",
                    category,
                    t[0],
                    t[1],
                    100.0 * t[0] / t[1])));
    return b.append(
            String.format(
                Locale.ROOT,
                "%-28s %5d %5d   %5.1f%%%n",
                "ALL",
                passed,
                total,
                100.0 * passed / total))
        .toString();
  }

  static List<CorpusCase> load(String resource) throws IOException {
    try (InputStream in = CorpusTest.class.getResourceAsStream(resource)) {
      return List.of(YAML.readValue(in, CorpusCase[].class));
    }
  }

  /** A slash command's reply as a person reads it: its text and every text in its blocks. */
  static String slackText(String json) throws IOException {
    JsonNode root = JSON.readTree(json);
    return root.path("text").asText() + "\n" + texts(root.path("blocks"));
  }

  static String blocksText(String blocksJson) throws IOException {
    return texts(JSON.readTree(blocksJson));
  }

  private static String texts(JsonNode node) {
    StringBuilder b = new StringBuilder();
    node.forEach(child -> b.append(texts(child)));
    node.fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().isTextual() && e.getKey().equals("text")) {
                b.append(e.getValue().asText()).append('\n');
              } else if (e.getValue().isContainerNode()) {
                b.append(texts(e.getValue()));
              }
            });
    return b.toString();
  }
}
