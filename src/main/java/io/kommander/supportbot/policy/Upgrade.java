package io.kommander.supportbot.policy;

import java.util.Optional;

/**
 * What to upgrade to.
 *
 * @param linePatch the latest known patch of the line asked about
 * @param patchCheck how the asked patch compares with it
 * @param newestLine the newest shipped line, when it is not the line asked about
 * @param newestPatches that line's latest patches out on the day asked about
 * @param nextHop the line to upgrade to next on the way to the newest, one minor at a time
 * @param hopsToNewest how many hops the path to the newest line has (0 when none is known)
 * @param firstHop the first hop of that path (an adoption from Konvoy 1.x is not an upgrade)
 */
public record Upgrade(
    Optional<Patch> linePatch,
    PatchCheck patchCheck,
    Optional<ReleaseLine> newestLine,
    LatestPatches newestPatches,
    Optional<ReleaseLine> nextHop,
    int hopsToNewest,
    Optional<UpgradeHop> firstHop) {}
