package io.steadfast.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The web app's session: signing in with {@code X-Steadfast-Session: cookie} answers the session in an httpOnly,
 * SameSite=Lax cookie (never in the body) with a readable CSRF cookie beside it; the cookie authenticates reads, and
 * writes only with the CSRF header repeating the CSRF cookie; Bearer tokens work as before; signing out ends the
 * session on the server and clears both cookies.
 */
class WebSessionIT {

    static String value(List<String> setCookies, String name) {
        return setCookies.stream()
                .filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';')))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + setCookies));
    }

    @Test
    void theCookieSessionNeedsTheCsrfHeaderOnWrites() {
        Http http = Cluster.get().node(0);
        String email = "web-" + UUID.randomUUID() + "@example.org";
        Accounts.register(http, email);
        HttpResponse<String> login = http.send(
                "POST",
                "/api/v1/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"" + IdentityApiIT.PASSWORD + "\"}",
                "X-Steadfast-Session",
                "cookie");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(Http.json(login).get("token")).as("no token for scripts").isNull();
        assertThat(Http.json(login).get("user")).isNotNull();
        List<String> set = login.headers().allValues("Set-Cookie");
        assertThat(set).anySatisfy(c -> assertThat(c)
                .startsWith("sf_session=sfs_")
                .contains("HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=")
                .doesNotContain("Secure"));
        assertThat(set).anySatisfy(c -> assertThat(c).startsWith("sf_csrf=").doesNotContain("HttpOnly"));
        String session = value(set, "sf_session");
        String csrf = value(set, "sf_csrf");
        String cookies = "sf_session=" + session + "; sf_csrf=" + csrf;

        assertThat(http.send("GET", "/api/v1/me", null, "Cookie", cookies).statusCode())
                .isEqualTo(200);
        String habit = "{\"name\":\"Cookie habit\",\"type\":\"boolean\",\"schedule\":{\"kind\":\"daily\"}}";
        HttpResponse<String> noHeader = http.send("POST", "/api/v1/habits", habit, "Cookie", cookies);
        assertThat(noHeader.statusCode()).isEqualTo(403);
        assertThat(noHeader.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Http.json(noHeader).get("detail").toString()).contains("X-CSRF-Token", "sf_csrf");
        assertThat(http.send("POST", "/api/v1/habits", habit, "Cookie", cookies, "X-CSRF-Token", "sfx_forged")
                        .statusCode())
                .isEqualTo(403);
        // a forged cookie and a matching header do not make a session
        assertThat(http.send(
                                "POST",
                                "/api/v1/habits",
                                habit,
                                "Cookie",
                                "sf_session=sfs_forged; sf_csrf=x",
                                "X-CSRF-Token",
                                "x")
                        .statusCode())
                .isEqualTo(401);
        HttpResponse<String> created =
                http.send("POST", "/api/v1/habits", habit, "Cookie", cookies, "X-CSRF-Token", csrf);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(http.send("GET", "/api/v1/habits", null, "Cookie", cookies).body())
                .contains("Cookie habit");

        // Bearer works as before, without a CSRF header
        String bearer = Accounts.login(http, email, IdentityApiIT.PASSWORD);
        assertThat(http.as(bearer, "POST", "/api/v1/habits", habit.replace("Cookie", "Bearer"))
                        .statusCode())
                .isEqualTo(201);
        // a bad Authorization header is not rescued by a cookie
        assertThat(http.send("GET", "/api/v1/me", null, "Authorization", "Bearer nope", "Cookie", cookies)
                        .statusCode())
                .isEqualTo(401);

        // signing out ends the session on the server and clears the cookies
        HttpResponse<String> out =
                http.send("POST", "/api/v1/auth/logout", null, "Cookie", cookies, "X-CSRF-Token", csrf);
        assertThat(out.statusCode()).isEqualTo(204);
        assertThat(out.headers().allValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("sf_session=;").contains("Max-Age=0"))
                .anySatisfy(c -> assertThat(c).startsWith("sf_csrf=;").contains("Max-Age=0"));
        assertThat(http.send("GET", "/api/v1/me", null, "Cookie", cookies).statusCode())
                .isEqualTo(401);
        assertThat(http.as(bearer, "GET", "/api/v1/me", null).statusCode())
                .as("other sessions stay")
                .isEqualTo(200);

        // registering from the web app signs in the same way
        HttpResponse<String> reg = http.send(
                "POST",
                "/api/v1/auth/register",
                "{\"email\":\"web2-" + UUID.randomUUID() + "@example.org\",\"password\":\"" + IdentityApiIT.PASSWORD
                        + "\"}",
                "X-Steadfast-Session",
                "cookie");
        assertThat(reg.statusCode()).isEqualTo(201);
        Map<String, Object> body = Http.json(reg);
        assertThat(body.get("token")).isNull();
        assertThat(reg.headers().allValues("Set-Cookie")).hasSize(2);
    }
}
