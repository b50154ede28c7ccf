/**
 * What the habit bundle tells the operator: {@link io.steadfast.api.ops.Counter}s for {@code steadfast:counts} and
 * {@link io.steadfast.api.ops.AccountFacts} for {@code steadfast:user}.
 */
package io.steadfast.habit.internal.ops;
