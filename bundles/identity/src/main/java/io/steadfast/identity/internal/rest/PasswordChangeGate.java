package io.steadfast.identity.internal.rest;

import java.lang.reflect.Method;
import java.util.Optional;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import io.steadfast.api.auth.AuthenticatedUser;
import io.steadfast.api.auth.Authenticator;
import io.steadfast.api.error.ForbiddenException;
import io.steadfast.identity.internal.Tokens;
import io.steadfast.platform.rest.Public;
import io.steadfast.platform.rest.RestApi;

/**
 * The session a temporary password opens may only change the password and log out: every other resource method of
 * every bundle answers it 403 saying so. Only a bearer with that session's prefix ({@code sft_}) costs a look-up
 * (the cached one of the {@link Authenticator}), so the check does not depend on running before or after the
 * platform's authentication filter.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsName("steadfast.identity.passwordChangeGate")
@JaxrsApplicationSelect(RestApi.APP_SELECT)
public class PasswordChangeGate implements ContainerRequestFilter {

    static final String CHANGE_FIRST = "change your password first: POST /api/v1/me/password";

    private final Authenticator authenticator;

    @Context
    ResourceInfo resourceInfo;

    @Activate
    public PasswordChangeGate(@Reference Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return;
        }
        String token = header.substring(7).trim();
        if (!Tokens.isPasswordChangeSession(token) || allowed()) {
            return;
        }
        Optional<AuthenticatedUser> user = authenticator.authenticate(token);
        if (user.isPresent() && Tokens.PASSWORD_CHANGE.equals(user.get().tokenKind())) {
            throw new ForbiddenException(CHANGE_FIRST);
        }
    }

    private boolean allowed() {
        Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
        Class<?> type = resourceInfo == null ? null : resourceInfo.getResourceClass();
        if (method == null || type == null) {
            return false;
        }
        return method.isAnnotationPresent(AllowedBeforePasswordChange.class)
                || method.isAnnotationPresent(Public.class)
                || type.isAnnotationPresent(Public.class);
    }
}
