package io.kommander.supportbot.catalog;

import io.kommander.supportbot.policy.ExperimentalTerms;
import io.kommander.supportbot.policy.PolicySettings;
import io.kommander.supportbot.policy.ReleaseLine;
import io.kommander.supportbot.policy.SecondarySupport;
import java.util.List;

/** The YAML file's top level, as written; the loader turns it into a {@code Catalog}. */
record CatalogDocument(
    PolicySettings policy,
    List<ReleaseLine> lines,
    ExperimentalTerms experimental,
    SecondarySupport secondary) {}
