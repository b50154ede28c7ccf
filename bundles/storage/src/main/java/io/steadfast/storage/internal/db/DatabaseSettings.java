package io.steadfast.storage.internal.db;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the database is: resolved from configuration ({@code etc/io.steadfast.storage.cfg}) overridden by the
 * environment ({@code STEADFAST_DB_URL}, {@code STEADFAST_DB_USER}, {@code STEADFAST_DB_PASSWORD}), with an
 * embedded H2 file database under Karaf's {@code data/} folder as the default.
 */
public record DatabaseSettings(Kind kind, String url, String user, String password) {

    public static final String ENV_URL = "STEADFAST_DB_URL";
    public static final String ENV_USER = "STEADFAST_DB_USER";
    public static final String ENV_PASSWORD = "STEADFAST_DB_PASSWORD";

    /** The data source name other components select, as {@code osgi.jndi.service.name}. */
    public static final String DATA_SOURCE_NAME = "steadfast";

    /** The databases Steadfast runs on. */
    public enum Kind {
        H2("h2"),
        POSTGRESQL("postgresql");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * Resolves the settings.
     *
     * @param url       configured URL, may be blank
     * @param user      configured user, may be blank
     * @param password  configured password, may be blank
     * @param env       the process environment
     * @param karafData Karaf's data folder, for the default H2 file
     * @throws IllegalArgumentException when the URL names a database Steadfast does not support
     */
    public static DatabaseSettings resolve(
            String url, String user, String password, Map<String, String> env, String karafData) {
        String u = firstNonBlank(env.get(ENV_URL), url);
        String usr = firstNonBlank(env.get(ENV_USER), user);
        String pwd = firstNonBlank(env.get(ENV_PASSWORD), password);
        if (u == null) {
            String dataDir = karafData == null || karafData.isBlank() ? "data" : karafData;
            u = "jdbc:h2:file:" + Path.of(dataDir, "steadfast", "steadfast").toAbsolutePath()
                    + ";MODE=LEGACY;DB_CLOSE_ON_EXIT=FALSE";
            if (usr == null) {
                usr = "steadfast";
            }
        }
        if (u.startsWith("postgres://") || u.startsWith("postgresql://")) {
            return fromPostgresUri(u, usr, pwd);
        }
        if (u.startsWith("jdbc:postgresql:")) {
            return new DatabaseSettings(Kind.POSTGRESQL, u, usr, pwd);
        }
        if (u.startsWith("jdbc:h2:")) {
            return new DatabaseSettings(Kind.H2, u, usr == null ? "" : usr, pwd);
        }
        throw new IllegalArgumentException(
                "Unsupported database URL (use jdbc:h2:..., jdbc:postgresql:... or " + "postgres://...): " + redact(u));
    }

    private static DatabaseSettings fromPostgresUri(String uri, String user, String password) {
        try {
            URI parsed = new URI(uri);
            String usr = user;
            String pwd = password;
            if (parsed.getRawUserInfo() != null) {
                String[] parts = parsed.getRawUserInfo().split(":", 2);
                if (usr == null) {
                    usr = decode(parts[0]);
                }
                if (pwd == null && parts.length > 1) {
                    pwd = decode(parts[1]);
                }
            }
            String host = parsed.getHost() == null ? "localhost" : parsed.getHost();
            int port = parsed.getPort() < 0 ? 5432 : parsed.getPort();
            String db = parsed.getPath() == null || parsed.getPath().length() <= 1
                    ? "postgres"
                    : parsed.getPath().substring(1);
            String query = parsed.getRawQuery() == null ? "" : "?" + parsed.getRawQuery();
            return new DatabaseSettings(
                    Kind.POSTGRESQL, "jdbc:postgresql://" + host + ":" + port + "/" + db + query, usr, pwd);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Malformed database URL: " + redact(uri), e);
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** The properties of the pax-jdbc-config factory configuration {@code org.ops4j.datasource}. */
    public Map<String, Object> dataSourceProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("dataSourceName", DATA_SOURCE_NAME);
        p.put("osgi.jndi.service.name", DATA_SOURCE_NAME);
        if (kind == Kind.H2) {
            p.put("osgi.jdbc.driver.class", "org.h2.Driver");
        } else {
            p.put("osgi.jdbc.driver.name", "PostgreSQL JDBC Driver");
        }
        p.put("url", url);
        if (user != null) {
            p.put("user", user);
        }
        if (password != null) {
            p.put("password", password);
        }
        p.put("pool", "transx");
        p.put("xa", "true");
        p.put("pool.maxPoolSize", "16");
        p.put("pool.minIdle", "1");
        // a request waits at most this long for a connection: while the database is out of reach it answers 503
        // after 3 s instead of hanging for pax-transx's default 30 s (and a node under more load than its pool
        // sheds it the same way)
        p.put("pool.connectionTimeout", "3000");
        p.put("steadfast.kind", kind.label());
        return p;
    }

    /** A description safe for logs and the health document: no password. */
    public String describe() {
        return kind.label() + " " + redact(url);
    }

    static String redact(String url) {
        if (url == null) {
            return null;
        }
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^:/@]+):[^@/]*@", "//$1:***@");
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a.trim();
        }
        if (b != null && !b.isBlank()) {
            return b.trim();
        }
        return null;
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + describe() + ", user=" + user + "]";
    }
}
