package io.kommander.supportbot.catalog;

import io.kommander.supportbot.policy.Era;
import io.kommander.supportbot.policy.ExperimentalTerms;
import io.kommander.supportbot.policy.PolicySettings;
import io.kommander.supportbot.policy.ReleaseLine;
import io.kommander.supportbot.policy.Review;
import io.kommander.supportbot.policy.SecondarySupport;
import io.kommander.supportbot.policy.SkippedVersions;
import io.kommander.supportbot.policy.UpgradeHop;
import java.util.List;

/** The YAML file's top level, as written; the loader turns it into a {@code Catalog}. */
record CatalogDocument(
    PolicySettings policy,
    Review review,
    List<Era> eras,
    List<SkippedVersions> neverReleased,
    List<ReleaseLine> lines,
    List<UpgradeHop> upgrades,
    ExperimentalTerms experimental,
    SecondarySupport secondary) {}
