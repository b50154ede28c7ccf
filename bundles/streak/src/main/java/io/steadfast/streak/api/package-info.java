/** The contracts of the streak bundle for other bundles: the achievement event ({@link io.steadfast.streak.api.AchievementEvents}) and the statistics in brief ({@link io.steadfast.streak.api.HabitStatistics}). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package io.steadfast.streak.api;
