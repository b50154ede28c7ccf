package io.steadfast.platform.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.steadfast.api.auth.Secrets;

/**
 * The browser's session: the web app signs in with {@value #MODE_HEADER}{@code : cookie} and gets its session token
 * as an httpOnly cookie ({@value #SESSION}, {@code SameSite=Lax}, {@code Secure} behind https) that scripts cannot
 * read, instead of in the answer's body; a second cookie ({@value #CSRF}, readable) holds a random CSRF token that
 * every cookie-authenticated write must send back in the {@value #CSRF_HEADER} header (double submit: a page on
 * another site can make the browser send the cookies, never read them). Bearer tokens in {@code Authorization} work
 * as before and need no CSRF header.
 */
public final class SessionCookies {

    /** The httpOnly cookie with the session token. */
    public static final String SESSION = "sf_session";

    /** The readable cookie with the CSRF token. */
    public static final String CSRF = "sf_csrf";

    /** The header that must repeat the {@link #CSRF} cookie on a cookie-authenticated write. */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    /** The request header with which a browser asks for a cookie session at sign-in. */
    public static final String MODE_HEADER = "X-Steadfast-Session";

    /** The authentication scheme of a request authenticated by the session cookie. */
    public static final String SCHEME = "Cookie";

    private SessionCookies() {}

    /** Whether a sign-in asks for a cookie session ({@code X-Steadfast-Session: cookie}). */
    public static boolean wanted(String modeHeader) {
        return modeHeader != null && modeHeader.trim().equalsIgnoreCase("cookie");
    }

    /** The {@code Set-Cookie} values of a new session that lasts until {@code expiresAt}. */
    public static List<String> issue(String token, Instant expiresAt, Instant now, boolean secure) {
        long maxAge = Math.max(0, Duration.between(now, expiresAt).toSeconds());
        String csrf = Secrets.newSecret("sfx_");
        return List.of(cookie(SESSION, token, maxAge, true, secure), cookie(CSRF, csrf, maxAge, false, secure));
    }

    /** The {@code Set-Cookie} values that remove both cookies (signing out). */
    public static List<String> clear(boolean secure) {
        return List.of(cookie(SESSION, "", 0, true, secure), cookie(CSRF, "", 0, false, secure));
    }

    private static String cookie(String name, String value, long maxAge, boolean httpOnly, boolean secure) {
        return name + "=" + value + "; Path=/; Max-Age=" + maxAge + "; SameSite=Lax" + (httpOnly ? "; HttpOnly" : "")
                + (secure ? "; Secure" : "");
    }
}
