package io.steadfast.platform.internal.rest;

import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Map;
import java.util.Optional;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import io.steadfast.api.auth.AuthenticatedUser;
import io.steadfast.api.auth.Authenticator;
import io.steadfast.platform.internal.limit.RateLimitFilter;
import io.steadfast.platform.rest.AnyScope;
import io.steadfast.platform.rest.Public;
import io.steadfast.platform.rest.RequiresRole;
import io.steadfast.platform.rest.RestApi;
import io.steadfast.platform.rest.SessionCookies;

/**
 * Authentication for every resource of every bundle, including bundles installed later: a resource is protected
 * unless its method or class is {@link Public}. A {@code Bearer} token is checked with the {@link Authenticator}
 * service; reads ({@code GET}, {@code HEAD}, {@code OPTIONS}) need the {@code read} scope, everything else
 * {@code write}; {@link RequiresRole} restricts to a role (admins pass every role check).
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsName("steadfast.auth")
@JaxrsApplicationSelect(RestApi.APP_SELECT)
public class AuthenticationFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resourceInfo;

    @Context
    HttpServletRequest servletRequest;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Authenticator authenticator;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile RateLimitFilter rateLimit;

    /** A request property: set when this filter answered the request itself (401, 403). */
    private static final String ABORTED = AuthenticationFilter.class.getName() + ".aborted";

    /**
     * Authenticates, then — when the request goes on — charges the general rate limit: the user's bucket, or the
     * client address's for a request without a valid token (a refused token counts against its address too).
     */
    @Override
    public void filter(ContainerRequestContext request) {
        authenticate(request);
        RateLimitFilter limit = rateLimit;
        if (limit == null) {
            return;
        }
        boolean aborted = request.getProperty(ABORTED) != null;
        java.security.Principal p = request.getSecurityContext() == null
                ? null
                : request.getSecurityContext().getUserPrincipal();
        limit.charge(request, servletRequest, !aborted && p instanceof AuthenticatedUser u ? u : null, !aborted);
    }

    private void authenticate(ContainerRequestContext request) {
        Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
        Class<?> type = resourceInfo == null ? null : resourceInfo.getResourceClass();
        if (method == null || type == null) {
            return;
        }
        boolean isPublic = method.isAnnotationPresent(Public.class) || type.isAnnotationPresent(Public.class);
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String token = bearer(header);
        boolean byCookie = false;
        if (token == null && header == null) {
            token = cookie(request, SessionCookies.SESSION);
            byCookie = token != null;
        }
        if (token == null) {
            if (!isPublic) {
                abort(
                        request,
                        401,
                        "unauthorized",
                        "Unauthorized",
                        "Send Authorization: Bearer <token> (a session token or a personal access token), or sign "
                                + "in from the web app");
            }
            return;
        }
        Authenticator a = authenticator;
        if (a == null) {
            if (!isPublic) {
                abort(request, 503, "unavailable", "Service Unavailable", "Authentication is not available yet");
            }
            return;
        }
        Optional<AuthenticatedUser> user = a.authenticate(token);
        if (user.isEmpty()) {
            if (!isPublic) {
                abort(request, 401, "unauthorized", "Unauthorized", "The token is invalid, expired or revoked");
            }
            return;
        }
        AuthenticatedUser u = user.get();
        if (byCookie && !isPublic && !isRead(request.getMethod()) && !csrfMatches(request)) {
            // a write by a browser's session cookie must prove it comes from the app's own page
            abort(
                    request,
                    403,
                    "csrf",
                    "Forbidden",
                    "A write with the session cookie needs the " + SessionCookies.CSRF_HEADER
                            + " header with the value of the " + SessionCookies.CSRF + " cookie");
            return;
        }
        String needed = isRead(request.getMethod()) ? AuthenticatedUser.SCOPE_READ : AuthenticatedUser.SCOPE_WRITE;
        if (!isPublic && !method.isAnnotationPresent(AnyScope.class) && !u.hasScope(needed)) {
            abort(request, 403, "forbidden", "Forbidden", "This token lacks the '" + needed + "' scope");
            return;
        }
        RequiresRole role = method.getAnnotation(RequiresRole.class);
        if (role == null) {
            role = type.getAnnotation(RequiresRole.class);
        }
        if (role != null && !u.isAdmin() && !role.value().equals(u.role())) {
            abort(request, 403, "forbidden", "Forbidden", "This needs the '" + role.value() + "' role");
            return;
        }
        boolean secure = request.getSecurityContext() != null
                && request.getSecurityContext().isSecure();
        request.setSecurityContext(new BearerSecurityContext(u, secure, byCookie));
    }

    private static String cookie(ContainerRequestContext request, String name) {
        javax.ws.rs.core.Cookie c = request.getCookies().get(name);
        return c == null || c.getValue() == null || c.getValue().isBlank() ? null : c.getValue();
    }

    /** The double submit: the header repeats the CSRF cookie (compared in constant time). */
    static boolean csrfMatches(ContainerRequestContext request) {
        String cookie = cookie(request, SessionCookies.CSRF);
        String header = request.getHeaderString(SessionCookies.CSRF_HEADER);
        return cookie != null
                && header != null
                && java.security.MessageDigest.isEqual(
                        cookie.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        header.trim().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static String bearer(String header) {
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String t = header.substring(7).trim();
        return t.isEmpty() ? null : t;
    }

    static boolean isRead(String method) {
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method);
    }

    private void abort(ContainerRequestContext request, int status, String slug, String title, String detail) {
        request.setProperty(ABORTED, Boolean.TRUE);
        Map<String, String> headers = status == 401 ? Map.of("WWW-Authenticate", "Bearer realm=\"steadfast\"") : null;
        request.abortWith(Problems.response(servletRequest, status, slug, title, detail, null, headers));
    }

    private static final class BearerSecurityContext implements SecurityContext {
        private final AuthenticatedUser user;
        private final boolean secure;
        private final boolean cookie;

        BearerSecurityContext(AuthenticatedUser user, boolean secure, boolean cookie) {
            this.user = user;
            this.secure = secure;
            this.cookie = cookie;
        }

        @Override
        public Principal getUserPrincipal() {
            return user;
        }

        @Override
        public boolean isUserInRole(String role) {
            return user.isAdmin() || role.equals(user.role());
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return cookie ? SessionCookies.SCHEME : "Bearer";
        }
    }
}
