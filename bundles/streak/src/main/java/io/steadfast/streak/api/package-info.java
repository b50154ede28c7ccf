/** The contracts of the streak bundle for other bundles: the achievement event ({@link io.steadfast.streak.api.AchievementEvents}). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.steadfast.streak.api;
