package io.kommander.supportbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.util.SlackRequestParser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * {@link SlashCommandForm} against Bolt's own parser, which it stands in for: on any form an HTTP
 * client can encode, it reads a slash command exactly when Bolt does, into an equal payload.
 */
class SlashCommandFormProperties {
  private static final SlackRequestParser bolt =
      new SlackRequestParser(
          AppConfig.builder().singleTeamBotToken("xoxb-test").signingSecret("unused").build());

  private static final List<String> KEYS =
      List.of(
          "token",
          "team_id",
          "team_domain",
          "enterprise_id",
          "enterprise_name",
          "api_app_id",
          "channel_id",
          "channel_name",
          "user_id",
          "user_name",
          "command",
          "text",
          "response_url",
          "trigger_id",
          "is_enterprise_install",
          "payload",
          "ssl_check",
          "unknown_field");

  @Property(tries = 2000)
  void readsACommandExactlyWhenBoltDoesAndAsBoltDoes(@ForAll("forms") String body) {
    Request<?> expected;
    try {
      expected = boltsReading(body);
    } catch (RuntimeException e) {
      expected = null; // e.g. a payload that is not JSON: refused on Bolt's path, as before
    }
    Optional<SlashCommandPayload> read = SlashCommandForm.parse(body);
    if (expected instanceof SlashCommandRequest command) {
      assertThat(read).as(body).contains(command.getPayload());
    } else {
      assertThat(read).as(body).isEmpty();
    }
  }

  @Example
  void readsWhatSlackSends() {
    SlashCommandPayload command =
        SlashCommandForm.parse(
                SlackRequests.slashCommand(
                    "can I run 1.2 on konvoy 1.7?", "https://hooks.slack.com/x?a=b&c"))
            .orElseThrow();
    assertThat(command.getCommand()).isEqualTo("/kommander-support");
    assertThat(command.getText()).isEqualTo("can I run 1.2 on konvoy 1.7?");
    assertThat(command.getResponseUrl()).isEqualTo("https://hooks.slack.com/x?a=b&c");
    assertThat(command.getChannelId()).isEqualTo("C0001");
    assertThat(command.getUserId()).isEqualTo("U0001");
    assertThat(command.getTriggerId()).isEqualTo("123.456.abc");
  }

  @Example
  void anEmptyTextLeavesTheTextUnsetAsBoltDoes() {
    assertThat(SlashCommandForm.parse("command=%2Fkommander-support&text=&user_id=U1"))
        .hasValueSatisfying(c -> assertThat(c.getText()).isNull());
  }

  @Example
  void whatIsNotACommandIsLeftToBolt() {
    assertThat(SlashCommandForm.parse("")).isEmpty();
    assertThat(SlashCommandForm.parse("  {\"command\":\"/kommander-support\"}")).isEmpty();
    assertThat(SlashCommandForm.parse("payload=%7B%7D&command=%2Fk")).isEmpty();
    assertThat(SlashCommandForm.parse("ssl_check=1&token=t")).isEmpty();
    assertThat(SlashCommandForm.parse("command=&text=1.4")).isEmpty();
    assertThat(SlashCommandForm.parse("text=1.4")).isEmpty();
  }

  @Example
  void malformedPercentEncodingIsRefusedAsBoltRefusesIt() {
    assertThatThrownBy(() -> SlashCommandForm.parse("command=%2Fk&text=%zz"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> boltsReading("command=%2Fk&text=%zz"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Provide
  Arbitrary<String> forms() {
    Arbitrary<String> value =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(24),
            Arbitraries.of("", "/kommander-support", "true", " TRUE ", "{}", "1", "1.4 & 2.1 = ?"));
    Arbitrary<String> field =
        Combinators.combine(Arbitraries.of(KEYS), value).as((k, v) -> enc(k) + "=" + enc(v));
    // Now and then an empty field ("&&", or a leading or trailing "&"), which Bolt skips.
    Arbitrary<String> fieldOrGap =
        Arbitraries.frequencyOf(Tuple.of(9, field), Tuple.of(1, Arbitraries.just("")));
    return fieldOrGap
        .list()
        .ofMaxSize(10)
        .map(fields -> fields.stream().collect(Collectors.joining("&")));
  }

  private static Request<?> boltsReading(String body) {
    return bolt.parse(
        SlackRequestParser.HttpRequest.builder()
            .requestUri("/slack/events")
            .queryString(Map.of())
            .headers(new RequestHeaders(Map.of()))
            .requestBody(body)
            .remoteAddress("127.0.0.1")
            .build());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
