package io.kommander.supportbot;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Settings from the environment; every variable is documented in {@code .env.example}. */
public record Config(Path catalogFile) {

  public static Config fromEnv(Map<String, String> env) {
    return new Config(Path.of(value(env, "CATALOG_FILE").orElse("config/releases.yaml")));
  }

  static Optional<String> value(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }
}
