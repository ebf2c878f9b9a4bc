package io.kommander.supportbot.policy;

/** Whether a line had shipped on a day, as far as the evidence goes. */
public enum Shipping {
  /** It had shipped: the policy counts it. */
  SHIPPED,
  /** It may have: inside its GA window, or reported and not confirmed. */
  MAYBE,
  /** It had not, or is only planned. */
  NOT
}
