package io.kommander.supportbot.policy;

import java.util.Optional;

/**
 * What to upgrade to.
 *
 * @param linePatch the latest known patch of the line asked about
 * @param patchCheck how the asked patch compares with it
 * @param newestLine the newest shipped line, when it is not the line asked about
 * @param newestPatches that line's latest patches out on the day asked about (either may be null)
 */
public record Upgrade(
    Optional<Patch> linePatch,
    PatchCheck patchCheck,
    Optional<ReleaseLine> newestLine,
    LatestPatches newestPatches) {}
