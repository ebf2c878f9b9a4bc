package io.kommander.supportbot.policy;

/** A pre-release build: not a release, never supported; and where its line stands. */
public record PrereleaseAnswer(String build, Answer.LineAnswer line) implements Answer {
  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.prerelease(this);
  }
}
