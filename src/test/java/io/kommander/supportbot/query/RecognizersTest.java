package io.kommander.supportbot.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.kommander.supportbot.policy.Product;
import io.kommander.supportbot.policy.Query;
import io.kommander.supportbot.policy.Question;
import io.kommander.supportbot.policy.Version;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The small recognizers one at a time, at their edges: edit distances, the first day of a message,
 * how many notes are listed, a node table with one version.
 */
class RecognizersTest {
  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource({
    "kommander, kommander, 0",
    "komander, kommander, 1",
    "kommnader, kommander, 1", // a swap of neighbours is one edit
    "kommandre, kommander, 1",
    "kmmandr, kommander, 2",
    "kmander, kommander, 2",
    "konvoi, konvoy, 1",
    "convoy, konvoy, 1",
    "konv, konvoy, 2",
    "ko, konvoy, 3", // lengths 4 apart: 3 at once
    "abc, xyz, 3",
    "ab, ba, 1",
    "a, b, 1"
  })
  void editDistancesCountInsertionsDeletionsSubstitutionsAndSwaps(String a, String b, int d) {
    assertThat(Typos.distance(a, b)).isEqualTo(d);
    assertThat(Typos.distance(b, a)).isEqualTo(d);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "komander, KOMMANDER",
    "kmmandr, KOMMANDER",
    "konvoi, KONVOY",
    "convoy, KONVOY",
    "kmndr, ''", // three edits from kommander
    "konvo, KONVOY",
    "kono, ''", // under five letters: never guessed
    "kommander, ''", // the exact name is not a typo
    "commander, KOMMANDER",
    "monday, ''"
  })
  void nearMissesOfTheLongNamesAreReadAsThem(String word, String product) {
    assertThat(Typos.product(word).map(Product::name).orElse("")).isEqualTo(product);
  }

  @Test
  void theFirstDateInAMessageIsTheDayAndASecondOneIsNoted() {
    List<String> notes = new ArrayList<>();
    LocalDate first = LocalDate.parse("2023-06-01");
    assertThat(Dates.first(Optional.empty(), first, notes)).contains(first);
    assertThat(Dates.first(Optional.of(first), first, notes)).contains(first);
    assertThat(notes).isEmpty();
    assertThat(Dates.first(Optional.of(first), LocalDate.parse("2024-01-01"), notes))
        .contains(first);
    assertThat(notes).containsExactly("I answered for 2023-06-01, the first date in your message.");
    assertThat(Dates.read("2021-02-30", notes)).isEmpty();
    assertThat(notes).last().asString().contains("is not a date");
  }

  @Test
  void fiveNotesAreListedAndMoreAreCounted() {
    List<String> five = List.of("a", "b", "c", "d", "e");
    assertThat(Notes.few(five, false, false)).isEqualTo(five);
    List<String> six = List.of("a", "b", "c", "d", "e", "f");
    assertThat(Notes.few(six, false, false))
        .hasSize(6)
        .endsWith("…and 1 more part I could not read.");
    List<String> seven = List.of("a", "b", "c", "d", "e", "f", "g");
    assertThat(Notes.few(seven, false, false)).endsWith("…and 2 more parts I could not read.");
    assertThat(Notes.few(List.of("a", "a", "b"), false, false)).containsExactly("a", "b");
  }

  @Test
  void nodesOnOneVersionAreNotMidUpgrade() {
    Query one =
        new QueryParser()
            .parse(
                "NAME     STATUS   ROLES           AGE   VERSION\n"
                    + "cp-1     Ready    control-plane   10d   v1.32.3\n"
                    + "w-1      Ready    <none>          10d   v1.32.3\n");
    assertThat(one.questions()).hasSize(1);
    assertThat(one.questions().get(0)).isInstanceOf(Question.AboutKubernetes.class);
    assertThat(one.notes()).noneMatch(n -> n.contains("mid-upgrade"));
  }

  @Test
  void aToolsVersionIsNeverReadAsAKommanderLineAndOtherNamesAreClusters() {
    QueryParser parser = new QueryParser();
    assertThat(parser.parse("mindthegap: v1.22.1").questions()).isEmpty();
    assertThat(parser.parse("diagnose: v0.10.1\nkommander: v2.17.1").questions())
        .containsExactly(new Question.AboutLine(Product.KOMMANDER, Version.parse("2.17.1")));
    assertThat(parser.parse("prod: v2.16.1\ndev: v2.17.1").questions())
        .containsExactly(
            new Question.AboutLine(
                Product.KOMMANDER, Version.parse("2.16.1"), false, Optional.of("prod")),
            new Question.AboutLine(
                Product.KOMMANDER, Version.parse("2.17.1"), false, Optional.of("dev")));
  }
}
