/**
 * What other bundles ask the accountability bundle: the one rule of who sees a habit besides its owner
 * ({@link io.steadfast.accountability.api.HabitAudience}), so that whatever a bundle shows of a shared habit (the
 * media bundle: its photos) follows the same rule as the partners' views and the feed.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.steadfast.accountability.api;
