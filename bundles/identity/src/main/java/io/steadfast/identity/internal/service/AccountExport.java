package io.steadfast.identity.internal.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.steadfast.api.account.UserDataContributor;
import io.steadfast.api.account.UserDataExporter;
import io.steadfast.api.error.ValidationException;
import io.steadfast.identity.internal.Tokens;
import io.steadfast.identity.internal.domain.ExportDocument;
import io.steadfast.identity.internal.domain.TokenInfo;
import io.steadfast.identity.internal.store.TokenStore;
import io.steadfast.identity.internal.store.UserRow;
import io.steadfast.identity.internal.store.UserStore;

/**
 * Everything an account owns, as one document: its profile, its access tokens (never their secrets) and a section
 * from every bundle that stores data about users ({@link UserDataContributor}); or in another form
 * ({@link UserDataExporter}: the CSV zip, the iCalendar of done days) by a bundle that writes it. The JSON document
 * is streamed by the web layer: {@link #head} first (the account must exist before a byte is sent), then every
 * {@link #sections() section} in turn.
 */
@Component(service = AccountExport.class)
public class AccountExport {

    private final UserStore users;
    private final TokenStore tokens;
    private final Clock clock;
    private final List<UserDataContributor> contributors = new CopyOnWriteArrayList<>();
    private final List<UserDataExporter> exporters = new CopyOnWriteArrayList<>();

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

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addExporter(UserDataExporter e) {
        exporters.add(e);
    }

    void removeExporter(UserDataExporter e) {
        exporters.remove(e);
    }

    /** The whole document in memory (small accounts, tests): {@link #head} with every section's value. */
    public ExportDocument export(UUID userId) {
        ExportDocument head = head(userId);
        Map<String, Object> sections = new LinkedHashMap<>();
        for (UserDataContributor c : sections()) {
            sections.put(c.section(), c.export(userId));
        }
        return new ExportDocument(head.exportedAt(), head.profile(), head.accessTokens(), sections);
    }

    /**
     * The document's account part, without sections: the time (the one clock), the profile and the access tokens.
     *
     * @throws io.steadfast.api.error.NotAuthenticatedException when the account was deleted meanwhile
     */
    public ExportDocument head(UUID userId) {
        UserRow u = IdentityRows.existing(users, userId);
        Instant exportedAt = clock.instant();
        List<TokenInfo> pats = tokens.listActive(u.id(), Tokens.PAT).stream()
                .map(IdentityRows::token)
                .toList();
        return new ExportDocument(exportedAt, IdentityRows.account(u), pats, Map.of());
    }

    /** The bundles' sections, in the order the bundles were found; each writes itself. */
    public List<UserDataContributor> sections() {
        return List.copyOf(contributors);
    }

    /**
     * The exporter of {@code format} (trimmed, any case), or empty for the JSON document ({@code json}, or no
     * format).
     *
     * @throws ValidationException naming {@code format} and the formats this server offers, for any other
     */
    public Optional<UserDataExporter> exporter(String format) {
        String f = format == null ? "" : format.trim().toLowerCase(Locale.ROOT);
        if (f.isEmpty() || f.equals(UserDataExporter.JSON)) {
            return Optional.empty();
        }
        for (UserDataExporter e : exporters) {
            if (e.format().equals(f)) {
                return Optional.of(e);
            }
        }
        throw new ValidationException("format", "must be one of " + String.join(", ", formats()));
    }

    /** The formats offered: {@code json}, then the exporters' in alphabetical order. */
    public List<String> formats() {
        List<String> out = new ArrayList<>();
        out.add(UserDataExporter.JSON);
        exporters.stream().map(UserDataExporter::format).sorted().distinct().forEach(out::add);
        return out;
    }
}
