package io.kommander.supportbot.slack;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Set;
import javax.net.ssl.SSLException;

/**
 * Slack's {@code auth.test} for the bot token, and what its outcome means: Slack answered (the
 * token is good), Slack refused the token (retrying cannot help), or Slack could not be reached
 * (DNS, egress, an outage: worth retrying). Reasons are short words, never an exception's text.
 */
public final class SlackAuth {
  /** What one call found. */
  public sealed interface Result permits Answered, Refused, Unreachable {}

  /** The token is good: who the bot is. */
  public record Answered(String userId, String teamId) implements Result {}

  /** Slack answered and refused the token ({@code invalid_auth}, {@code token_revoked}…). */
  public record Refused(String error) implements Result {}

  /** Slack did not answer, or answered that it is in trouble. */
  public record Unreachable(String reason) implements Result {}

  /** {@code ok: false} errors that say Slack is in trouble, not that the token is bad. */
  static final Set<String> SLACK_TROUBLE =
      Set.of(
          "ratelimited", "fatal_error", "internal_error", "service_unavailable", "request_timeout");

  private SlackAuth() {}

  /**
   * @param apiUrl the Web API base ({@code SLACK_API_URL})
   */
  public static Result check(String apiUrl, String token) {
    try {
      AuthTestResponse r = SlackClients.forApi(apiUrl).methods(token).authTest(req -> req);
      if (r.isOk()) {
        return new Answered(r.getUserId(), r.getTeamId());
      }
      String error = r.getError() == null ? "no error given" : r.getError();
      return SLACK_TROUBLE.contains(error)
          ? new Unreachable("Slack answered " + error)
          : new Refused(error);
    } catch (SlackApiException e) {
      return new Unreachable("HTTP " + e.getResponse().code());
    } catch (IOException e) {
      return new Unreachable(describe(e));
    } catch (RuntimeException e) {
      return new Unreachable("an answer that is not Slack's");
    }
  }

  /** A network failure in a few words: which kind, not the message (which may name internals). */
  static String describe(IOException e) {
    if (e instanceof UnknownHostException) {
      return "its name does not resolve";
    } else if (e instanceof ConnectException) {
      return "connection refused";
    } else if (e instanceof InterruptedIOException) {
      return "timed out";
    } else if (e instanceof SSLException) {
      return "TLS failed";
    }
    return "the connection failed";
  }
}
