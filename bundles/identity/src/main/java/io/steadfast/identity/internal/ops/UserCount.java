package io.steadfast.identity.internal.ops;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.ops.Counter;
import io.steadfast.identity.internal.store.UserStore;

/** {@code users}: the accounts of the server. */
@Component(service = Counter.class)
public class UserCount implements Counter {

    private final UserStore users;

    @Activate
    public UserCount(@Reference UserStore users) {
        this.users = users;
    }

    @Override
    public String name() {
        return "users";
    }

    @Override
    public String description() {
        return "accounts, disabled ones included";
    }

    @Override
    public long count() {
        return users.count();
    }
}
