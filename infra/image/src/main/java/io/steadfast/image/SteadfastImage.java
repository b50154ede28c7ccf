package io.steadfast.image;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the Steadfast image is — its layout, user, environment, entrypoint and health check — in one place. The
 * repository's {@code Dockerfile} builds the same image with Docker; the image test compares the two.
 */
public final class SteadfastImage {

    public static final String REPOSITORY = "steadfast";
    public static final int UID = 10001;
    public static final String HOME = "/opt/steadfast";
    public static final String JAVA_HOME = "/opt/java";
    public static final String DATA = "/data";

    /**
     * The mount point of a media volume that several nodes share (STEADFAST_MEDIA_DIR): owned by the node's user, so
     * that a fresh named volume there is the node's to write.
     */
    public static final String MEDIA = "/media";

    public static final int PORT = 8181;
    public static final String ENTRYPOINT = HOME + "/bin/container";

    /** The runtime's modules: Java SE, and what Karaf, Jetty, EclipseLink and the drivers use beyond it. */
    public static final List<String> MODULES = List.of(
            "java.se",
            "jdk.charsets",
            "jdk.crypto.cryptoki",
            "jdk.crypto.ec",
            "jdk.httpserver",
            "jdk.jfr",
            "jdk.localedata",
            "jdk.management",
            "jdk.management.agent",
            "jdk.naming.dns",
            "jdk.naming.rmi",
            "jdk.net",
            "jdk.security.auth",
            "jdk.security.jgss",
            "jdk.unsupported",
            "jdk.xml.dom",
            "jdk.zipfs");

    /**
     * The health check: Docker runs it in the container; 200 from /health/ready. Without wget's {@code -T} (Debian
     * 12's static busybox 1.35 crashes with it); Docker's {@code --timeout} bounds it.
     */
    public static final String HEALTHCHECK =
            "wget -q -O /dev/null http://127.0.0.1:${STEADFAST_HTTP_PORT:-" + PORT + "}/health/ready || exit 1";

    private SteadfastImage() {}

    /** The environment the image sets (everything else comes from the container's environment). */
    public static List<String> env() {
        return List.of(
                "PATH=" + JAVA_HOME + "/bin:/bin",
                "JAVA_HOME=" + JAVA_HOME,
                "LANG=C.UTF-8",
                "KARAF_DATA=" + DATA,
                "STEADFAST_SHUTDOWN_DRAIN_SECONDS=5");
    }

    public static ImageArchive.Settings settings(String version) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("org.opencontainers.image.title", "Steadfast");
        labels.put("org.opencontainers.image.description", "Self-hosted habit tracker that holds people accountable");
        labels.put("org.opencontainers.image.version", version);
        labels.put("org.opencontainers.image.licenses", "Apache-2.0");
        return new ImageArchive.Settings(
                UID + ":" + UID,
                env(),
                List.of(ENTRYPOINT),
                null,
                HOME,
                List.of(PORT + "/tcp"),
                List.of(DATA),
                labels,
                "SIGTERM",
                new ImageArchive.Healthcheck(
                        List.of("CMD-SHELL", HEALTHCHECK),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(120),
                        3));
    }

    static String passwd() {
        return "root:x:0:0:root:/root:/bin/false\nsteadfast:x:" + UID + ":" + UID + ":Steadfast:" + DATA
                + ":/bin/false\n";
    }

    static String group() {
        return "root:x:0:\nsteadfast:x:" + UID + ":\n";
    }
}
