package io.kommander.supportbot.policy;

/** A line losing support: {@code line} drops out of the window when {@code ending.by()} ships. */
public record SupportEnd(ReleaseLine line, Ending ending) {}
