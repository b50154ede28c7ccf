package io.steadfast.identity.internal.ops;

import java.time.Clock;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.ops.Counter;
import io.steadfast.identity.internal.Tokens;
import io.steadfast.identity.internal.store.TokenStore;

/** {@code active sessions}: the sign-ins that work now (not revoked, not expired), access tokens aside. */
@Component(service = Counter.class)
public class SessionCount implements Counter {

    private final TokenStore tokens;
    private final Clock clock;

    @Activate
    public SessionCount(@Reference TokenStore tokens, @Reference Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "active sessions";
    }

    @Override
    public String description() {
        return "sign-ins not ended nor expired (personal access tokens not counted)";
    }

    @Override
    public long count() {
        return tokens.countUsable(List.of(Tokens.SESSION, Tokens.PASSWORD_CHANGE), clock.instant());
    }
}
