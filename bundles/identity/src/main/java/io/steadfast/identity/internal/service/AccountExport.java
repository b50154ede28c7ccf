package io.steadfast.identity.internal.service;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.steadfast.api.account.UserDataContributor;
import io.steadfast.identity.internal.Tokens;
import io.steadfast.identity.internal.domain.ExportDocument;
import io.steadfast.identity.internal.domain.TokenInfo;
import io.steadfast.identity.internal.store.TokenStore;
import io.steadfast.identity.internal.store.UserRow;
import io.steadfast.identity.internal.store.UserStore;

/**
 * Everything an account owns, as one document: its profile, its access tokens (never their secrets) and a section
 * from every bundle that stores data about users ({@link UserDataContributor}).
 */
@Component(service = AccountExport.class)
public class AccountExport {

    private final UserStore users;
    private final TokenStore tokens;
    private final Clock clock;
    private final List<UserDataContributor> contributors = new CopyOnWriteArrayList<>();

    @Activate
    public AccountExport(@Reference UserStore users, @Reference TokenStore tokens, @Reference Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addContributor(UserDataContributor c) {
        contributors.add(c);
    }

    void removeContributor(UserDataContributor c) {
        contributors.remove(c);
    }

    public ExportDocument export(UUID userId) {
        UserRow u = IdentityRows.existing(users, userId);
        Instant exportedAt = clock.instant();
        List<TokenInfo> pats = tokens.listActive(u.id(), Tokens.PAT).stream()
                .map(IdentityRows::token)
                .toList();
        Map<String, Object> sections = new LinkedHashMap<>();
        for (UserDataContributor c : contributors) {
            sections.put(c.section(), c.export(u.id()));
        }
        return new ExportDocument(exportedAt, IdentityRows.account(u), pats, sections);
    }
}
