package io.steadfast.streak.internal.store;

import java.util.List;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/** Achievements: each is awarded once per user and scope, even under concurrent awards. */
@ProviderType
public interface AchievementStore {

    /** Stores the achievement; false when the user already has it (nothing is written). */
    boolean award(AchievementRow row);

    List<AchievementRow> list(UUID userId);
}
