/**
 * Accounts and tokens as the identity services speak of them: an {@link io.steadfast.identity.internal.domain.Account},
 * the {@link io.steadfast.identity.internal.domain.Session} a login opens, personal access tokens
 * ({@link io.steadfast.identity.internal.domain.TokenInfo}, {@link io.steadfast.identity.internal.domain.IssuedToken}),
 * what a user asks for ({@link io.steadfast.identity.internal.domain.Registration},
 * {@link io.steadfast.identity.internal.domain.ProfileChange} with its
 * {@link io.steadfast.identity.internal.domain.AlertsChange}) and the
 * {@link io.steadfast.identity.internal.domain.ExportDocument}. Plain records: no OSGi, no persistence, no HTTP.
 * Not exported.
 */
package io.steadfast.identity.internal.domain;
