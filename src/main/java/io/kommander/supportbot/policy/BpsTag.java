package io.kommander.supportbot.policy;

/**
 * A Base Platform Services tag, {@code <release_channel>-<kubernetes_version>-<bps_version>}, such
 * as {@code stable-1.19-3.2.0}: that set of platform services deploys on any cluster of that
 * Kubernetes minor, and its support follows that Kubernetes version's.
 */
public record BpsTag(String channel, Minor kubernetes, Version bps) {
  @Override
  public String toString() {
    return channel + "-" + kubernetes + "-" + bps;
  }
}
