/**
 * The identity services: {@link io.steadfast.identity.internal.service.Accounts} (registration, profile, password,
 * deletion, administration), {@link io.steadfast.identity.internal.service.Sessions} (login with throttling,
 * logout), {@link io.steadfast.identity.internal.service.AccessTokens} (personal access tokens),
 * {@link io.steadfast.identity.internal.service.TokenAuthenticator} (the {@code Authenticator} service),
 * {@link io.steadfast.identity.internal.service.AccountDirectory} (the {@code UserDirectory} service) and
 * {@link io.steadfast.identity.internal.service.AccountExport}. They take and return the records of
 * {@code io.steadfast.identity.internal.domain} and throw domain exceptions; the stored rows never leave them.
 * Not exported.
 */
package io.steadfast.identity.internal.service;
