package io.kommander.supportbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code config/slack-app-manifest.yml} against the rules of Slack's published app-manifest schema
 * (version 1, github.com/slackapi/manifest-schema, {@code schemas/manifest.schema.1.0.0.json}) for
 * every part the bot's manifest uses: which keys each object may have, which it must, lengths,
 * patterns, enumerations and array bounds. The schema cannot be fetched here (no network beyond
 * package registries), so these rules were read from it and are stated in the checks below; a
 * manifest Slack would refuse for these reasons fails here first.
 */
class ManifestSchemaTest {
  static final Path MANIFEST = Path.of("config/slack-app-manifest.yml");
  static final Pattern HTTP_URL = Pattern.compile("^https?://.*");
  static final Pattern DOMAIN = Pattern.compile("^(?![.\\-])([-a-z0-9.])+([a-z0-9])$");

  private final List<String> problems = new ArrayList<>();

  @Test
  void theManifestKeepsToSlacksSchema() throws Exception {
    JsonNode m = new YAMLMapper().readTree(MANIFEST.toFile());
    check(m);
    assertThat(problems).isEmpty();
  }

  @Test
  void manifestsSlackWouldRefuseAreCaught() throws Exception {
    JsonNode good = new YAMLMapper().readTree(MANIFEST.toFile());
    Map<String, String> broken =
        Map.of(
            "an upper-case unfurl domain", "features.unfurl_domains: [YOUR-HOST]",
            "a shortcut name over 24 characters (the first name this bot had)",
                "features.shortcuts: [{name: Check versions in this message, type: message,"
                    + " callback_id: c, description: d}]",
            "a function without outputs",
                "functions: {f: {title: t, description: d, input_parameters: {}}}",
            "an unknown settings key", "settings: {interactivity: {is_enabled: true}, foo: 1}",
            "a slash command without a slash",
                "features.slash_commands: [{command: ks, description: d}]");
    for (var e : broken.entrySet()) {
      problems.clear();
      check(withChange(good, e.getValue()));
      assertThat(problems).as(e.getKey()).isNotEmpty();
    }
  }

  /** {@code good} with one part replaced: "a.b: yaml" sets a.b to the YAML value. */
  private static JsonNode withChange(JsonNode good, String change) throws Exception {
    JsonNode copy = good.deepCopy();
    String path = change.substring(0, change.indexOf(": "));
    JsonNode value = new YAMLMapper().readTree(change.substring(change.indexOf(": ") + 2));
    String[] keys = path.split("\\.");
    var parent = (com.fasterxml.jackson.databind.node.ObjectNode) copy;
    for (int i = 0; i < keys.length - 1; i++) {
      parent = (com.fasterxml.jackson.databind.node.ObjectNode) parent.get(keys[i]);
    }
    parent.set(keys[keys.length - 1], value);
    return copy;
  }

  private void check(JsonNode m) {
    keys(
        "manifest",
        m,
        Set.of("display_information"),
        Set.of(
            "$schema",
            "_metadata",
            "app_directory",
            "display_information",
            "features",
            "oauth_config",
            "settings",
            "functions",
            "workflows",
            "datastores",
            "outgoing_domains",
            "types",
            "external_auth_providers"));
    JsonNode info = m.path("display_information");
    keys(
        "display_information",
        info,
        Set.of("name"),
        Set.of("name", "description", "background_color", "long_description"));
    text("display_information.name", info.get("name"), 1, 35, null);
    text("display_information.description", info.get("description"), 1, 140, null);
    text(
        "display_information.background_color",
        info.get("background_color"),
        4,
        7,
        Pattern.compile("^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$"));
    features(m.path("features"));
    oauth(m.path("oauth_config"));
    settings(m.path("settings"));
    functions(m.path("functions"));
  }

  private void features(JsonNode f) {
    keys(
        "features",
        f,
        Set.of(),
        Set.of(
            "app_home",
            "bot_user",
            "functions",
            "shortcuts",
            "slash_commands",
            "workflow_steps",
            "unfurl_domains",
            "assistant_view"));
    JsonNode home = f.path("app_home");
    keys(
        "app_home",
        home,
        Set.of(),
        Set.of("home_tab_enabled", "messages_tab_enabled", "messages_tab_read_only_enabled"));
    home.forEach(v -> bool("app_home", v));
    keys(
        "bot_user",
        f.path("bot_user"),
        Set.of("display_name"),
        Set.of("display_name", "always_online"));
    text("bot_user.display_name", f.path("bot_user").get("display_name"), 1, 80, null);
    items("shortcuts", f.get("shortcuts"), 1, 10);
    for (JsonNode s : iterate(f.get("shortcuts"))) {
      Set<String> all = Set.of("name", "type", "callback_id", "description");
      keys("shortcut", s, all, all);
      text("shortcut.name", s.get("name"), 1, 24, null);
      text("shortcut.type", s.get("type"), 1, 10, Pattern.compile("^(message|global)$"));
      text("shortcut.callback_id", s.get("callback_id"), 1, 255, null);
      text("shortcut.description", s.get("description"), 1, 150, null);
    }
    items("slash_commands", f.get("slash_commands"), 1, 50);
    for (JsonNode c : iterate(f.get("slash_commands"))) {
      keys(
          "slash_command",
          c,
          Set.of("command", "description"),
          Set.of("command", "url", "description", "usage_hint", "should_escape"));
      text("slash_command.command", c.get("command"), 2, 32, Pattern.compile("^/.*"));
      text("slash_command.url", c.get("url"), 0, 3000, HTTP_URL);
      text("slash_command.description", c.get("description"), 1, 2000, null);
      text("slash_command.usage_hint", c.get("usage_hint"), 1, 1000, null);
    }
    items("unfurl_domains", f.get("unfurl_domains"), 1, 5);
    unique("unfurl_domains", f.get("unfurl_domains"));
    for (JsonNode d : iterate(f.get("unfurl_domains"))) {
      text("unfurl_domain", d, 1, 255, DOMAIN);
    }
  }

  private void oauth(JsonNode o) {
    keys(
        "oauth_config",
        o,
        Set.of(),
        Set.of("redirect_urls", "scopes", "token_management_enabled", "pkce_enabled"));
    JsonNode scopes = o.path("scopes");
    keys("scopes", scopes, Set.of(), Set.of("user", "bot", "user_optional", "bot_optional"));
    scopes.forEach(
        list -> {
          items("scopes", list, 0, 255);
          iterate(list).forEach(s -> text("scope", s, 1, 50, null));
        });
  }

  private void settings(JsonNode s) {
    keys(
        "settings",
        s,
        Set.of(),
        Set.of(
            "allowed_ip_address_ranges",
            "event_subscriptions",
            "incoming_webhooks",
            "interactivity",
            "org_deploy_enabled",
            "socket_mode_enabled",
            "is_hosted",
            "token_rotation_enabled",
            "siws_links",
            "hermes_app_type",
            "function_runtime",
            "is_mcp_enabled"));
    for (String flag :
        List.of("org_deploy_enabled", "socket_mode_enabled", "token_rotation_enabled")) {
      if (s.has(flag)) {
        bool(flag, s.get(flag));
      }
    }
    JsonNode events = s.path("event_subscriptions");
    keys(
        "event_subscriptions",
        events,
        Set.of(),
        Set.of("request_url", "user_events", "bot_events", "metadata_subscriptions"));
    text("event_subscriptions.request_url", events.get("request_url"), 0, 3500, HTTP_URL);
    items("bot_events", events.get("bot_events"), 0, 100);
    unique("bot_events", events.get("bot_events"));
    iterate(events.get("bot_events")).forEach(e -> text("bot_event", e, 1, 50, null));
    JsonNode interactivity = s.path("interactivity");
    keys(
        "interactivity",
        interactivity,
        Set.of("is_enabled"),
        Set.of("is_enabled", "request_url", "message_menu_options_url"));
    text("interactivity.request_url", interactivity.get("request_url"), 0, 3500, HTTP_URL);
  }

  private void functions(JsonNode fs) {
    fs.fields()
        .forEachRemaining(
            f -> {
              Set<String> all =
                  Set.of("title", "description", "input_parameters", "output_parameters");
              keys("function " + f.getKey(), f.getValue(), all, all);
              for (String side : List.of("input_parameters", "output_parameters")) {
                JsonNode params = f.getValue().path(side);
                if (params.size() > 50) {
                  problems.add(f.getKey() + "." + side + ": more than 50");
                }
                params
                    .fields()
                    .forEachRemaining(
                        p -> {
                          if (!p.getValue().path("type").isTextual()) {
                            problems.add(f.getKey() + "." + side + "." + p.getKey() + ": no type");
                          }
                        });
              }
            });
  }

  private void keys(String where, JsonNode node, Set<String> required, Set<String> allowed) {
    if (node.isMissingNode()) {
      return;
    }
    if (!node.isObject()) {
      problems.add(where + ": not an object");
      return;
    }
    required.stream().filter(k -> !node.has(k)).forEach(k -> problems.add(where + ": no " + k));
    node.fieldNames()
        .forEachRemaining(
            k -> {
              if (!allowed.contains(k)) {
                problems.add(where + ": " + k + " is not allowed");
              }
            });
  }

  private void text(String where, JsonNode v, int min, int max, Pattern pattern) {
    if (v == null) {
      return;
    }
    if (!v.isTextual()) {
      problems.add(where + ": not a string");
      return;
    }
    String s = v.asText();
    if (s.length() < min || s.length() > max) {
      problems.add(where + ": length " + s.length() + " outside " + min + ".." + max);
    }
    if (pattern != null && !pattern.matcher(s).matches()) {
      problems.add(where + ": \"" + s + "\" does not match " + pattern);
    }
  }

  private void bool(String where, JsonNode v) {
    if (!v.isBoolean()) {
      problems.add(where + ": not a boolean");
    }
  }

  private void items(String where, JsonNode list, int min, int max) {
    if (list == null) {
      return;
    }
    if (!list.isArray() || list.size() < min || list.size() > max) {
      problems.add(where + ": must be a list of " + min + " to " + max);
    }
  }

  private void unique(String where, JsonNode list) {
    Set<String> seen = new HashSet<>();
    iterate(list)
        .forEach(
            v -> {
              if (!seen.add(v.asText())) {
                problems.add(where + ": " + v.asText() + " twice");
              }
            });
  }

  private static List<JsonNode> iterate(JsonNode list) {
    List<JsonNode> out = new ArrayList<>();
    if (list != null) {
      for (Iterator<JsonNode> it = list.elements(); it.hasNext(); ) {
        out.add(it.next());
      }
    }
    return out;
  }
}
