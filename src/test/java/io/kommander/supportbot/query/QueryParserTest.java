package io.kommander.supportbot.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.kommander.supportbot.policy.Product;
import io.kommander.supportbot.policy.Query;
import io.kommander.supportbot.policy.Question;
import io.kommander.supportbot.policy.Question.AboutBps;
import io.kommander.supportbot.policy.Question.AboutKubernetes;
import io.kommander.supportbot.policy.Question.AboutLine;
import io.kommander.supportbot.policy.Question.AboutPair;
import io.kommander.supportbot.policy.Question.AboutTopic;
import io.kommander.supportbot.policy.Question.OnKubernetes;
import io.kommander.supportbot.policy.Question.Topic;
import io.kommander.supportbot.policy.Question.UpgradePath;
import io.kommander.supportbot.policy.Version;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryParserTest {
  private final QueryParser parser = new QueryParser();

  /**
   * A compact form of questions: K1.4, V1.8 (Konvoy), D2.4 (DKP), N2.15 (NKP), K1.2@V1.7 (pair),
   * k8s1.27 (Kubernetes), N2.15@k8s1.30 (a line on a Kubernetes), bps:stable-1.19-3.2.0, #MATRIX.
   */
  private static String describe(List<Question> questions) {
    return questions.stream()
        .map(
            q -> {
              if (q instanceof AboutLine l) {
                return letter(l.product()) + l.version();
              } else if (q instanceof AboutPair p) {
                return "K" + p.kommander() + "@V" + p.konvoy();
              } else if (q instanceof AboutKubernetes k) {
                return "k8s" + k.kubernetes();
              } else if (q instanceof OnKubernetes o) {
                return letter(o.product()) + o.version() + "@k8s" + o.kubernetes();
              } else if (q instanceof UpgradePath u) {
                return "up:"
                    + letter(u.from().product())
                    + u.from().version()
                    + u.to().map(t -> ">" + letter(t.product()) + t.version()).orElse("")
                    + (u.direct() ? "!" : "");
              } else if (q instanceof Question.Upcoming u) {
                return "next" + u.days();
              } else if (q instanceof AboutBps b) {
                return "bps:" + b.tag();
              }
              return "#" + ((AboutTopic) q).topic();
            })
        .collect(Collectors.joining(" "));
  }

  private static String letter(Product p) {
    return switch (p) {
      case KOMMANDER -> "K";
      case KONVOY -> "V";
      case DKP -> "D";
      case NKP -> "N";
    };
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1.4|K1.4",
        "1.4.2|K1.4.2",
        "v1.4|K1.4",
        "V1.4.2|K1.4.2",
        "1.4.x|K1.4",
        "1.4.X|K1.4",
        "1.4.*|K1.4",
        "Kommander 1.4|K1.4",
        "KOMMANDER 1.4|K1.4",
        "konvoy 1.8|V1.8",
        "Konvoy v1.8.5|V1.8.5",
        "kommander 1.2 on konvoy 1.7|K1.2@V1.7",
        "1.2 on konvoy 1.7|K1.2@V1.7",
        "1.2 on 1.7|K1.2@V1.7",
        "konvoy 1.7 with kommander 1.2|K1.2@V1.7",
        "can I run Kommander 1.2 on Konvoy 1.7?|K1.2@V1.7",
        "<@U012AB3CD> can I run Kommander 1.2 on Konvoy 1.7?|K1.2@V1.7",
        "is kommander 1.4 compatible with konvoy 1.8|K1.4@V1.8",
        "is 1.3 still supported, and 1.4?|K1.3 K1.4",
        "is 1.3 still supported.|K1.3",
        "1.4 2.0 2.1|K1.4 K2.0 K2.1",
        "1.4, 1.4.x and v1.4|K1.4",
        "konvoy 1.7 and 1.8|V1.7 V1.8",
        "kommander 1.2 on konvoy 1.7 and kommander 1.4|K1.2@V1.7 K1.4",
        "was 1.3 supported on 2021-06-01?|K1.3",
        "*1.4*|K1.4",
        "_1.4_ ~2.0~|K1.4 K2.0",
        ":white_check_mark: nkp 2.16 :rocket:|N2.16",
        "nkp\u00a02.16|N2.16",
        "nkp 2.\u200b16|N2.16",
        "```nkp 2.16```|N2.16",
        "nkp2.17|N2.17",
        "NKP-v2.17.1|N2.17.1",
        "`1.4`|K1.4",
        "dkp 2.2|D2.2",
        "DKP 2.4|D2.4",
        "nkp 2.15|N2.15",
        "NKP v2.16.1|N2.16.1",
        "nkp 2.15 and 2.16|N2.15 N2.16",
        "Nutanix Kubernetes Platform 2.16|N2.16",
        "D2iQ Kubernetes Platform 2.3|D2.3",
        "is nutanix  kubernetes   platform 2.17 supported?|N2.17",
        "kommander 2.15|K2.15",
        "konvoy 2.15|V2.15",
        "kubernetes 1.31|k8s1.31",
        "k8s 1.27|k8s1.27",
        "K8S v1.27.6|k8s1.27",
        "kubernetes 1.27 and 1.28|k8s1.27 k8s1.28",
        "can I run NKP 2.15 on Kubernetes 1.30?|N2.15@k8s1.30",
        "dkp 2.4 with k8s 1.24|D2.4@k8s1.24",
        "2.15 on kubernetes 1.32|K2.15@k8s1.32",
        "kubernetes 1.30 on nkp 2.15|N2.15@k8s1.30",
        "kubernetes 1.30, nkp 2.15|k8s1.30 N2.15",
        "stable-1.19-3.2.0|bps:stable-1.19-3.2.0",
        "is BPS stable-1.29-3.2.0 supported?|bps:stable-1.29-3.2.0",
        "beta-1.31-4.0.1 and nkp 2.14|bps:beta-1.31-4.0.1 N2.14",
        "what does n-2 mean for 2.15|K2.15",
        "upgrade path from 1.3|up:K1.3",
        "how do I get from dkp 2.5 to nkp 2.17|up:D2.5>N2.17",
        "upgrade 2.14.1|up:K2.14.1",
        "can I upgrade 2.7 straight to 2.12?|up:K2.7>K2.12!",
        "migrate konvoy 1.8 to dkp 2.1|up:V1.8>D2.1",
        "from 2.5 to 2.8|up:K2.5>K2.8",
        "upgrade 2.14.1 and 2.16|up:K2.14.1 K2.16",
        "2.5 to 2.8|K2.5 K2.8",
        "upcoming|next30",
        "upcoming 90 days|next90",
        "what changes in the next 120 days?|next120",
        "what expires in the next 60 days|next60",
        "we run 3 clusters on 1.4|K1.4",
        "matrix|#MATRIX",
        "experimental|#EXPERIMENTAL",
        "secondary|#SECONDARY",
        "help|#HELP",
        "what versions are supported?|#MATRIX",
        "is experimental support severity 4?|#EXPERIMENTAL",
        "1.4 experimental|K1.4 #EXPERIMENTAL"
      })
  void understandsWhatPeopleType(String text, String expected) {
    Query q = parser.parse(text);
    assertThat(describe(q.questions())).isEqualTo(expected);
    assertThat(q.notes()).isEmpty();
  }

  @ParameterizedTest(name = "\"{0}\" is refused: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1|`1` is not a version: it needs a minor version, like 1.4",
        "1.4.2.1|`1.4.2.1` is not a version: it has 4 parts",
        "abc|I couldn't find a version in \"abc\"",
        "-1.4|`-1.4` is not a version: versions are never negative",
        "99999999999.1|`99999999999.1` is not a version: a number in it is larger than 999",
        "1.1000|`1.1000` is not a version: a number in it is larger than 999",
        "2.x|`2.x` is not a version: it names no minor line",
        "1.4rc1|`1.4rc1` is not a version: I can't read it",
      })
  void refusesGarbageSayingWhatWasExpected(String text, String note) {
    Query q = parser.parse(text);
    assertThat(q.notes()).anySatisfy(n -> assertThat(n).contains(note));
    assertThat(String.join(" ", q.notes())).contains("1.4");
  }

  @ParameterizedTest(name = "\"{0}\" is not a BPS tag")
  @CsvSource({
    "stable-1.19",
    "stable-1.19-3.2",
    "stable-1.19-3.2.0.1",
    "stable-1.1999-3.2.0",
    "stable-x-3.2.0"
  })
  void refusesMalformedBpsTagsShowingTheFormat(String text) {
    Query q = parser.parse(text);
    assertThat(q.questions()).isEmpty();
    assertThat(q.notes())
        .containsExactly(
            "`"
                + text
                + "` is not a BPS tag: tags look like stable-1.19-3.2.0"
                + " (<release_channel>-<kubernetes_version>-<bps_version>).");
  }

  @Test
  void anImpossibleDateIsNotedWithTheExpectedForm() {
    Query q = parser.parse("1.3 on 2021-02-30");
    assertThat(describe(q.questions())).isEqualTo("K1.3");
    assertThat(q.asOf()).isEmpty();
    assertThat(q.notes())
        .containsExactly("`2021-02-30` is not a date: dates look like 2021-06-01 (YYYY-MM-DD).");
  }

  @Test
  void garbageBesideAGoodVersionIsNotedAndTheVersionAnswered() {
    Query q = parser.parse("1.4 and 1.4.2.1");
    assertThat(describe(q.questions())).isEqualTo("K1.4");
    assertThat(q.notes()).singleElement().asString().contains("`1.4.2.1`");
  }

  @Test
  void emptyAndBlankTextAskNothingAndNoteNothing() {
    for (String text : new String[] {null, "", "   \n\t"}) {
      Query q = parser.parse(text);
      assertThat(q.questions()).isEmpty();
      assertThat(q.notes()).isEmpty();
    }
  }

  @Test
  void hugeTextIsRefusedWithItsLengthAndTheLimit() {
    String huge = "1.4 ".repeat(10_001);
    Query q = parser.parse(huge);
    assertThat(q.questions()).isEmpty();
    assertThat(q.notes())
        .singleElement()
        .asString()
        .contains("40,004 characters")
        .contains("at most 40,000");
  }

  @Test
  void aSlackLinkIsReadByItsLabel() {
    assertThat(parser.parse("see <https://support.example.com/x|NKP 2.17> for more").questions())
        .containsExactly(new AboutLine(Product.NKP, Version.parse("2.17")));
  }

  @Test
  void atMostTenQuestionsAreAnsweredAndTheRestNoted() {
    String many =
        Arrays.stream(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11})
            .mapToObj(i -> "1." + i)
            .collect(Collectors.joining(" "));
    Query q = parser.parse(many);
    assertThat(q.questions()).hasSize(QueryParser.MAX_QUESTIONS);
    assertThat(q.notes()).singleElement().asString().contains("first 10 of 12");
  }

  @Test
  void aDateSetsTheDayAskedAbout() {
    assertThat(parser.parse("1.3 on 2021-06-01").asOf()).contains(LocalDate.of(2021, 6, 1));
    assertThat(parser.parse("1.3 as of 2021-6-1").asOf()).contains(LocalDate.of(2021, 6, 1));
    assertThat(parser.parse("1.3").asOf()).isEmpty();
  }

  @Test
  void aPatchAndAWildcardKeepTheirMeaning() {
    assertThat(parser.parse("1.4.2").questions())
        .containsExactly(new AboutLine(Product.KOMMANDER, Version.of(1, 4, 2), false));
    assertThat(parser.parse("1.4.x").questions())
        .containsExactly(new AboutLine(Product.KOMMANDER, Version.parse("1.4"), false));
    assertThat(parser.parse("kommander 1.4").questions())
        .containsExactly(new AboutLine(Product.KOMMANDER, Version.parse("1.4"), true));
    assertThat(parser.parse("matrix").questions()).containsExactly(new AboutTopic(Topic.MATRIX));
  }

  @ParameterizedTest(name = "\"{0}\" is read as {1}, and the answer says so")
  @CsvSource(
      delimiter = '|',
      value = {
        "komander 2.15|komander|Kommander",
        "kommnader 1.4|kommnader|Kommander",
        "commander 2.15|commander|Kommander",
        "konvoi 1.8|konvoi|Konvoy",
        "convoy 1.8|convoy|Konvoy"
      })
  void aMistypedNameIsReadAsTheProduct(String text, String typed, String product) {
    Query q = parser.parse(text);
    assertThat(q.notes()).containsExactly("I read *" + typed + "* as " + product + ".");
    assertThat(q.questions())
        .singleElement()
        .isInstanceOfSatisfying(
            AboutLine.class, a -> assertThat(a.product().displayName()).isEqualTo(product));
  }

  @Test
  void aMistypedPairingIsReadAsThePairing() {
    Query q = parser.parse("kommnader 1.4 on konvoi 1.8");
    assertThat(q.questions())
        .containsExactly(new AboutPair(Version.parse("1.4"), Version.parse("1.8")));
    assertThat(q.notes())
        .containsExactly("I read *kommnader* as Kommander.", "I read *konvoi* as Konvoy.");
  }

  @ParameterizedTest(name = "\"{0}\" is no product")
  @CsvSource({"command", "comment", "kommandos-x", "convey", "nkp", "dkp", "manager", "konvoyes"})
  void wordsThatAreNotNearANameAreNotGuessedAt(String word) {
    assertThat(Typos.product(word)).as(word).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void aPasteUpToSlacksLimitIsReadWholeAndLongerIsRefused() {
    String log = "INFO ok\n".repeat(4_900) + "prod runs nkp 2.16";
    assertThat(log.length()).isLessThanOrEqualTo(QueryParser.MAX_LENGTH);
    assertThat(parser.parse(log).questions())
        .singleElement()
        .isEqualTo(
            new Question.AboutLine(Product.NKP, Version.parse("2.16"), true, Optional.of("prod")));
    String tooLong = "x".repeat(QueryParser.MAX_LENGTH + 1);
    assertThat(parser.parse(tooLong).questions()).isEmpty();
    assertThat(parser.parse(tooLong).notes().get(0)).contains("40,001 characters long");
  }
}
