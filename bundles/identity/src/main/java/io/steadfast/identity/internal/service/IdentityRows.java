package io.steadfast.identity.internal.service;

import java.util.List;
import java.util.UUID;

import io.steadfast.api.error.NotAuthenticatedException;
import io.steadfast.identity.internal.domain.Account;
import io.steadfast.identity.internal.domain.TokenInfo;
import io.steadfast.identity.internal.store.TokenRow;
import io.steadfast.identity.internal.store.UserRow;
import io.steadfast.identity.internal.store.UserStore;

/** The stored rows as the domain sees them, and the look-up of the caller's account that most operations start with. */
final class IdentityRows {

    private IdentityRows() {}

    static Account account(UserRow u) {
        return new Account(
                u.id(),
                u.email(),
                u.displayName(),
                u.timezone(),
                u.weekStart(),
                u.dayStartsAt(),
                u.role(),
                u.createdAt(),
                u.alerts(),
                u.disabledAt());
    }

    static TokenInfo token(TokenRow t) {
        return new TokenInfo(t.id(), t.name(), List.copyOf(t.scopes()), t.createdAt(), t.lastUsedAt(), t.expiresAt());
    }

    /** The caller's account; 401 when it was deleted while the caller's token was still cached. */
    static UserRow existing(UserStore users, UUID id) {
        return users.find(id).orElseThrow(() -> new NotAuthenticatedException("The account no longer exists"));
    }
}
