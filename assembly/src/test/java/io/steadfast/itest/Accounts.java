package io.steadfast.itest;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

/** Creating accounts in tests. */
final class Accounts {

    private static IdentityApiIT.Account admin;

    private Accounts() {}

    static IdentityApiIT.Account register(Http node, String email) {
        HttpResponse<String> r = node.send(
                "POST",
                "/api/v1/auth/register",
                "{\"email\":\"" + email
                        + "\",\"password\":\"" + IdentityApiIT.PASSWORD + "\",\"displayName\":\"Test\",\"timezone\":\""
                        + ServerTime.zone() + "\"}");
        if (r.statusCode() != 201) {
            throw new AssertionError("register " + email + ": " + r.statusCode() + " " + r.body());
        }
        Map<String, Object> body = Http.json(r);
        return new IdentityApiIT.Account(
                email,
                body.get("token").toString(),
                ((Map<?, ?>) body.get("user")).get("id").toString());
    }

    static String login(Http node, String email, String password) {
        HttpResponse<String> r = node.send(
                "POST", "/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        if (r.statusCode() != 200) {
            throw new AssertionError("login " + email + ": " + r.statusCode() + " " + r.body());
        }
        return Http.json(r).get("token").toString();
    }

    /** The first account of the cluster, which is its admin. */
    static synchronized IdentityApiIT.Account adminOf(Http node) {
        if (admin == null) {
            admin = register(node, "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
        }
        return admin;
    }
}
