package io.kommander.supportbot.policy;

/** A product this bot does not cover, named once: never a status of ours for its version. */
public record NotOursAnswer(String name, boolean neighbour) implements Answer {
  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.notOurs(this);
  }
}
