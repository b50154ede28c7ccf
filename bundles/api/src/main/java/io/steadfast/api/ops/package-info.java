/**
 * What the operator's shell asks every bundle, without the platform knowing the bundles: small whiteboard services
 * that the platform's {@code steadfast:counts} and {@code steadfast:doctor} and the identity bundle's
 * {@code steadfast:user} collect.
 * <ul>
 * <li>{@link io.steadfast.api.ops.Counter}: one number about the server ({@code users}, {@code habits},
 * {@code check-ins today}, {@code active sessions}), for {@code steadfast:counts}.</li>
 * <li>{@link io.steadfast.api.ops.Check}: one check of a part the server depends on (the database and its
 * migrations, Redis, the clock, SMTP, disk space), for {@code steadfast:doctor}: what it found, in words, and what
 * to do about it. When two services check the same {@link io.steadfast.api.ops.Check#name()}, the one with the
 * higher service ranking answers (the Redis check replaces the in-process cache's "not configured").</li>
 * <li>{@link io.steadfast.api.ops.AccountFacts}: what a bundle knows about one account (its habits, its last
 * check-in), for {@code steadfast:user}.</li>
 * </ul>
 * Each is registered as an OSGi service by the bundle that owns the data; each answers within a few seconds and
 * never throws (a failure is an answer: a {@link io.steadfast.api.ops.Check.Verdict#PROBLEM}, or a fact that says
 * it could not be read). Nothing here is for requests of users: the answers name accounts and infrastructure.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.steadfast.api.ops;
