package io.kommander.supportbot.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.kommander.supportbot.TestCatalogs;
import io.kommander.supportbot.query.QueryParser;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PolicyServiceTest {
  private final PolicyService service =
      new PolicyService(
          TestCatalogs.april(), Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));
  private final QueryParser parser = new QueryParser();

  @Test
  void answersAsOfTodayUnlessADayIsNamed() {
    Reply today = service.answer(parser.parse("1.3"));
    assertThat(today.asOf()).isEqualTo(LocalDate.of(2026, 11, 25));
    assertThat(today.asOfGiven()).isFalse();
    Reply then = service.answer(parser.parse("was 1.3 supported on 2021-06-01?"));
    assertThat(then.asOf()).isEqualTo(LocalDate.of(2021, 6, 1));
    assertThat(then.asOfGiven()).isTrue();
    assertThat(((Answer.LineAnswer) then.answers().get(0)).support())
        .isInstanceOf(Support.Supported.class);
  }

  @Test
  void daysBeforeTheCatalogsHistoryAreRefusedWithTheFirstDay() {
    Reply r = service.answer(parser.parse("1.3 on 2020-01-01"));
    assertThat(r.answers()).containsExactly(new Answer.HelpAnswer());
    assertThat(r.notes()).singleElement().asString().contains("starts on 2021-02-10");
  }

  @Test
  void anEmptyQueryGetsHelp() {
    assertThat(service.answer(parser.parse("")).answers()).containsExactly(new Answer.HelpAnswer());
  }

  @Test
  void topicsAreAnsweredFromTheCatalog() {
    Reply r = service.answer(parser.parse("experimental secondary matrix"));
    assertThat(r.answers()).hasSize(3);
    assertThat(r.answers().get(0))
        .isEqualTo(new Answer.ExperimentalAnswer(service.catalog().experimental()));
    assertThat(r.answers().get(1))
        .isEqualTo(new Answer.SecondaryAnswer(service.catalog().secondary()));
    assertThat(r.answers().get(2)).isInstanceOf(Answer.MatrixAnswer.class);
  }
}
