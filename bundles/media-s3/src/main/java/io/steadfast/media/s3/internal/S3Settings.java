package io.steadfast.media.s3.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * The S3 settings in use, checked: the bucket, the endpoint of an S3-compatible service ({@code null} for AWS S3;
 * then path-style requests), the region, the key prefix (empty, or ending with {@code /}) and the HTTP timeouts.
 *
 * @param endpoint {@code null} for AWS S3
 */
public record S3Settings(
        String bucket, URI endpoint, String region, String prefix, int connectTimeoutMillis, int socketTimeoutMillis) {

    public static final String DEFAULT_REGION = "us-east-1";

    public static final String ENV_BUCKET = "STEADFAST_MEDIA_S3_BUCKET";
    public static final String ENV_ENDPOINT = "STEADFAST_MEDIA_S3_ENDPOINT";
    public static final String ENV_REGION = "STEADFAST_MEDIA_S3_REGION";
    public static final String ENV_PREFIX = "STEADFAST_MEDIA_S3_PREFIX";

    /** S3's rule for bucket names (3 to 63 lower-case letters, digits, dots and hyphens), which MinIO and R2 share. */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    private static final Pattern REGION = Pattern.compile("[a-z0-9-]{1,40}");

    static final int MAX_PREFIX = 100;

    public S3Settings {
        if (prefix == null) {
            prefix = "";
        }
    }

    /** The settings, or {@code null} when no bucket is configured; an unusable value is an exception naming it. */
    public static S3Settings resolve(S3Config c) {
        return resolve(
                c.bucket(), c.endpoint(), c.region(), c.prefix(), c.connectTimeoutMillis(), c.socketTimeoutMillis());
    }

    static S3Settings resolve(
            String bucket, String endpoint, String region, String prefix, int connectMillis, int socketMillis) {
        String b = trim(bucket);
        if (b.isEmpty()) {
            return null;
        }
        if (!BUCKET.matcher(b).matches() || b.contains("..")) {
            throw new IllegalArgumentException("the bucket name '" + printable(b) + "' is not a valid S3 bucket name "
                    + "(3 to 63 lower-case letters, digits, dots and hyphens) (" + ENV_BUCKET + ")");
        }
        String r = trim(region).isEmpty() ? DEFAULT_REGION : trim(region);
        if (!REGION.matcher(r).matches()) {
            throw new IllegalArgumentException(
                    "the region '" + printable(r) + "' is not a region name such as eu-west-1 (" + ENV_REGION + ")");
        }
        return new S3Settings(
                b,
                endpoint(trim(endpoint)),
                r,
                prefix(trim(prefix)),
                Math.max(100, connectMillis),
                Math.max(1000, socketMillis));
    }

    /** Whether requests go to an S3-compatible service (path-style) rather than AWS S3. */
    public boolean compatible() {
        return endpoint != null;
    }

    /** Where objects go, for logs and health: bucket, prefix and endpoint or region; never a credential. */
    public String describe() {
        return "s3://" + bucket + "/" + prefix + (endpoint == null ? " (AWS " + region + ")" : " at " + endpoint);
    }

    private static URI endpoint(String value) {
        if (value.isEmpty()) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the endpoint is not a URL (" + ENV_ENDPOINT + ")");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException(
                    "the endpoint must start with https:// (or http://), e.g. https://minio.example.org:9000 ("
                            + ENV_ENDPOINT + ")");
        }
        if (uri.getRawUserInfo() != null) {
            // credentials come from the environment, never from a URL that ends up in logs and health
            throw new IllegalArgumentException("the endpoint must not hold a user or password; set "
                    + "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY instead (" + ENV_ENDPOINT + ")");
        }
        if (uri.getHost() == null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null
                || (uri.getRawPath() != null
                        && !uri.getRawPath().isEmpty()
                        && !uri.getRawPath().equals("/"))) {
            throw new IllegalArgumentException("the endpoint must be a scheme, a host and a port only, e.g. "
                    + "https://minio.example.org:9000 (" + ENV_ENDPOINT + ")");
        }
        return URI.create(uri.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + uri.getRawAuthority());
    }

    private static String prefix(String value) {
        String p = value;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (p.isEmpty()) {
            return "";
        }
        if (!p.endsWith("/")) {
            p = p + "/";
        }
        if (p.length() > MAX_PREFIX || !S3Keys.wellFormed(p.substring(0, p.length() - 1))) {
            throw new IllegalArgumentException("the key prefix '" + printable(p) + "' may hold only letters, digits "
                    + "and / _ . - (at most " + MAX_PREFIX + ", no empty, . or .. part) (" + ENV_PREFIX + ")");
        }
        return p;
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }

    /** A value for a message: cut, and without control characters. */
    static String printable(String s) {
        String cut = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
