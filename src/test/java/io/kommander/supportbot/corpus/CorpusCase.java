package io.kommander.supportbot.corpus;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** One labelled message of the corpus (/work/corpus/SCHEMA.md). */
@JsonIgnoreProperties(ignoreUnknown = true)
record CorpusCase(
    String id, String category, String text, Expect expect, String note, String disputed) {

  /** What must be read, and what the answer must and must never say. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Expect(
      String intent,
      List<Line> lines,
      List<String> versions,
      List<String> not_ours,
      List<String> kubernetes,
      List<String> others,
      List<String> platform_apps,
      String as_of,
      List<String> says,
      List<String> never_says) {
    Expect {
      lines = lines == null ? List.of() : lines;
      versions = versions == null ? List.of() : versions;
      not_ours = not_ours == null ? List.of() : not_ours;
      kubernetes = kubernetes == null ? List.of() : kubernetes;
      others = others == null ? List.of() : others;
      platform_apps = platform_apps == null ? List.of() : platform_apps;
      says = says == null ? List.of() : says;
      never_says = never_says == null ? List.of() : never_says;
    }
  }

  /** One of our lines and its state on the day asked about. */
  record Line(String product, String line, String state) {}
}
