/** What the identity bundle tells the operator's {@code steadfast:counts} ({@link io.steadfast.api.ops.Counter}s). */
package io.steadfast.identity.internal.ops;
