/**
 * The operator's view across bundles: the {@link io.steadfast.api.ops.Check}s and
 * {@link io.steadfast.api.ops.Counter}s every bundle registers ({@link io.steadfast.platform.internal.ops.Operations}),
 * run and summed up for {@code steadfast:doctor} and {@code steadfast:counts}; the platform's own checks (disk); the
 * plugins running now ({@code steadfast:plugins}).
 */
package io.steadfast.platform.internal.ops;
