package io.kommander.supportbot.policy;

import java.util.List;

/** Several clusters in the order to upgrade them: expired first, then in doubt, then by end. */
public record UpgradeOrderAnswer(List<Answer.LineAnswer> order) implements Answer {
  public UpgradeOrderAnswer {
    order = List.copyOf(order);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.upgradeOrder(this);
  }
}
