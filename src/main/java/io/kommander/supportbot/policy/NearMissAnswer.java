package io.kommander.supportbot.policy;

/**
 * A version that does not exist under the name asked, one typo away from one that does: "NKP 2.1.7"
 * is NKP 2.17.1's digits with a dot out of place.
 */
public record NearMissAnswer(Product product, Version asked, Version meant, Answer.LineAnswer line)
    implements Answer {
  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.nearMiss(this);
  }
}
