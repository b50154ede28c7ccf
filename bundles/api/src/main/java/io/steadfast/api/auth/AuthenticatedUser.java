package io.steadfast.api.auth;

import java.security.Principal;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * The caller of a request, as the token says.
 *
 * @param userId    the account
 * @param email     the account's email
 * @param role      {@link #ROLE_USER} or {@link #ROLE_ADMIN}
 * @param scopes    what the token may do: {@link #SCOPE_READ}, {@link #SCOPE_WRITE}
 * @param tokenId   the token used
 * @param tokenKind {@code session} or {@code pat}
 * @param expiresAt when the token expires, {@code null} for never
 */
public record AuthenticatedUser(
        UUID userId, String email, String role, Set<String> scopes, UUID tokenId, String tokenKind, Instant expiresAt)
        implements Principal {

    public static final String ROLE_USER = "user";
    public static final String ROLE_ADMIN = "admin";
    public static final String SCOPE_READ = "read";
    public static final String SCOPE_WRITE = "write";

    @Override
    public String getName() {
        return userId.toString();
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    public boolean isAdmin() {
        return ROLE_ADMIN.equals(role);
    }
}
