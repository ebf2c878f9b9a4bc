package io.kommander.supportbot.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every pattern that reads what people type runs in time linear in its input, checked without a
 * clock: each is run over adversarial text of Slack's 40,000 characters through a {@link
 * CharSequence} that counts the characters the regex engine reads and stops it past a budget of
 * {@link #READS_PER_CHARACTER} per character. A pattern that backtracks (issue 34: kubectl's YAML
 * pattern took a minute on 200 bytes, the JSON and Info patterns were cubic, the emoji pattern
 * quadratic) reads the same characters again and again, so it fails here at once instead of
 * hanging; a repeated group the engine follows by recursion overflows the stack and fails too.
 */
class LinearPatternsTest {
  /** Generous: linear patterns read each character a few times; quadratic ones thousands. */
  static final int READS_PER_CHARACTER = 64;

  /**
   * A quarter of Slack's 40,000 characters: the budget is per character, so a linear pattern passes
   * at any length and a quadratic one fails at any length past a few hundred; this keeps the test
   * to seconds.
   */
  static final int LENGTH = QueryParser.MAX_LENGTH / 4;

  /**
   * Patterns that only ever read one token, whole ({@code matches()}): scanning a text for them
   * ({@code find()}) would start at every digit of a run and is not how they are used.
   */
  static final Set<String> WHOLE_TOKEN_ONLY =
      Set.of(
          "VersionToken.VERSION",
          "VersionToken.NO_MINOR",
          "VersionToken.DIGITS",
          "Vocabulary.BPS",
          "Vocabulary.BPS_LIKE",
          "Vocabulary.VERSIONISH",
          "Vocabulary.DATE",
          "Version.STRICT",
          "Minor.STRICT");

  /** The shapes each pattern is fed, repeated up to Slack's length. */
  static final List<String> SHAPES =
      List.of(
          " ",
          "a",
          "1",
          ".",
          ":",
          "<",
          "-",
          "_",
          "\n",
          "1.",
          "a ",
          ":a",
          "a:",
          "<a|",
          "<@U1|",
          "&amp",
          "a-",
          "v1.",
          "  a\n",
          "                              x\n",
          "serverVersion:\n",
          "\"serverVersion\": {\"gitVersion\": \"v1.1",
          "Server Version: version.Info{GitVersion:\"v1.1",
          "kommander: v1.1.1",
          "class: nkp-a-",
          "NAME STATUS ROLES AGE VERSION\n",
          "n Ready cp 1d v1.1.1 ",
          "prod cluster is still on the nkp ",
          "nutanix kubernetes ",
          "1.1.1.1.",
          "nkp-v");

  /** Every static pattern of the parser, and of the Slack and web code that reads typed text. */
  static Stream<Object[]> patterns() throws IllegalAccessException {
    List<Object[]> out = new ArrayList<>();
    List<Class<?>> classes = new ArrayList<>();
    new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(
            "io.kommander.supportbot.query",
            "io.kommander.supportbot.slack",
            "io.kommander.supportbot.web",
            "io.kommander.supportbot.policy")
        .forEach(c -> classes.add(c.reflect()));
    for (Class<?> c : classes) {
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) && f.getType() == Pattern.class) {
          f.setAccessible(true);
          out.add(new Object[] {c.getSimpleName() + "." + f.getName(), f.get(null)});
        }
      }
    }
    assertThat(out).hasSizeGreaterThan(20);
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("patterns")
  void readsEachCharacterABoundedNumberOfTimes(String name, Pattern pattern) {
    for (String shape : SHAPES) {
      for (String text : texts(shape)) {
        Counted input = new Counted(text);
        try {
          Matcher m = pattern.matcher(input);
          while (!WHOLE_TOKEN_ONLY.contains(name) && m.find()) {
            // every match, as replaceAll would
          }
          m.reset();
          m.matches();
          m.reset();
          m.lookingAt();
        } catch (StackOverflowError e) {
          throw new AssertionError(name + " overflows the stack on repeated " + show(shape), e);
        } catch (IllegalStateException e) {
          throw new AssertionError(name + " is not linear on repeated " + show(shape), e);
        }
        assertThat(input.reads)
            .as("%s reads %s times %,d characters of %s", name, "many", text.length(), show(shape))
            .isLessThanOrEqualTo((long) READS_PER_CHARACTER * text.length());
      }
    }
  }

  /** What a pattern may open with: a run of {@code shape} after it must not be read again. */
  static final List<String> OPENERS = List.of(":", "<", "<@U1|", "\"", "{", "v", "class: nkp-");

  /** {@code shape} repeated, alone, between other shapes, and after each opener. */
  static List<String> texts(String shape) {
    List<String> out = new ArrayList<>(List.of(fill(shape), mixed(shape)));
    OPENERS.forEach(o -> out.add(o + fill(shape).substring(o.length())));
    return out;
  }

  /** {@code shape} repeated up to Slack's length. */
  static String fill(String shape) {
    return shape.repeat(LENGTH / shape.length());
  }

  /** {@code shape} between the shapes around it: a prefix, a long run of it, a tail. */
  static String mixed(String shape) {
    String run = shape.repeat((LENGTH / 2) / shape.length());
    String text = "serverVersion:\n" + run + "\n  gitVersion: x" + run;
    return text.substring(0, Math.min(text.length(), LENGTH - 1));
  }

  private static String show(String shape) {
    return "\"" + shape.replace("\n", "\\n") + "\"";
  }

  /** Text that counts how often it is read, and stops the reader past the budget. */
  static final class Counted implements CharSequence {
    private final String text;
    long reads;

    Counted(String text) {
      this.text = text;
    }

    @Override
    public char charAt(int index) {
      if (++reads > (long) READS_PER_CHARACTER * text.length()) {
        throw new IllegalStateException("read more than the budget: not linear");
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return text.subSequence(start, end);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
