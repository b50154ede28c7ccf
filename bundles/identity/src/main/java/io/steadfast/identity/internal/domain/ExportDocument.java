package io.steadfast.identity.internal.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything an account owns, for its export.
 *
 * @param accessTokens its personal access tokens that are not revoked (never their secrets)
 * @param sections     what each other bundle stores for the account, by section name, in the order the bundles
 *                     were found
 */
public record ExportDocument(
        Instant exportedAt, Account profile, List<TokenInfo> accessTokens, Map<String, Object> sections) {}
