package io.steadfast.redis.internal;

import java.net.URI;
import java.net.URISyntaxException;

/** Resolves the Redis URL from configuration and the environment ({@code STEADFAST_REDIS_URL} wins). */
public record RedisSettings(URI uri, String keyPrefix, int timeoutMillis, int maxConnections) {

    public static final String ENV_URL = "STEADFAST_REDIS_URL";

    /** The settings, or {@code null} when Redis is not configured. */
    public static RedisSettings resolve(
            String configuredUrl, String envUrl, String keyPrefix, int timeoutMillis, int maxConnections) {
        String url = envUrl != null && !envUrl.isBlank()
                ? envUrl.trim()
                : configuredUrl != null && !configuredUrl.isBlank() ? configuredUrl.trim() : null;
        if (url == null) {
            return null;
        }
        if (!url.contains("://")) {
            url = "redis://" + url;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Malformed Redis URL: " + redact(url));
        }
        if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme())) {
            throw new IllegalArgumentException("Redis URL must start with redis:// or rediss://: " + redact(url));
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("Redis URL has no host: " + redact(url));
        }
        return new RedisSettings(
                uri, keyPrefix == null ? "" : keyPrefix, Math.max(50, timeoutMillis), Math.max(1, maxConnections));
    }

    public String host() {
        return uri.getHost();
    }

    public int port() {
        return uri.getPort() < 0 ? 6379 : uri.getPort();
    }

    public boolean tls() {
        return "rediss".equals(uri.getScheme());
    }

    /** The database index from the path, 0 by default. */
    public int database() {
        String p = uri.getPath();
        if (p == null || p.length() <= 1) {
            return 0;
        }
        try {
            return Integer.parseInt(p.substring(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Redis database must be a number: " + p.substring(1));
        }
    }

    public String user() {
        String info = uri.getUserInfo();
        if (info == null || !info.contains(":")) {
            return null;
        }
        String u = info.substring(0, info.indexOf(':'));
        return u.isEmpty() ? null : u;
    }

    public String password() {
        String info = uri.getUserInfo();
        if (info == null) {
            return null;
        }
        int i = info.indexOf(':');
        return i < 0 ? info : info.substring(i + 1);
    }

    /** Host and port, never the password. */
    public String describe() {
        return uri.getScheme() + "://" + host() + ":" + port() + "/" + database();
    }

    static String redact(String url) {
        return url.replaceAll("//[^@/]*@", "//***@");
    }
}
