package io.steadfast.media.internal.service;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.steadfast.api.link.PublicUrl;
import io.steadfast.media.internal.domain.SignedUrls;
import io.steadfast.media.internal.store.SecretStore;

/**
 * The signed URLs of stored objects ({@code /api/v1/media/<token>}): signed with {@code STEADFAST_MEDIA_SIGNING_KEY},
 * else {@code signingKey} of {@code io.steadfast.media}, else a random secret made once and kept in the database, so
 * that every node of a cluster checks what any node signed. Never a built-in default.
 */
@Component(
        service = Signer.class,
        configurationPid = MediaConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class Signer {

    /** The environment variable that wins over the configuration. */
    public static final String ENV = "STEADFAST_MEDIA_SIGNING_KEY";

    private static final Logger LOG = LoggerFactory.getLogger(Signer.class);
    private static final String SECRET_NAME = "url-signing";

    private final SecretStore secrets;
    private final Clock clock;
    private final PublicUrl publicUrl;
    private volatile MediaConfig config;
    private volatile SignedUrls urls;

    @Activate
    public Signer(
            @Reference SecretStore secrets,
            @Reference Clock clock,
            @Reference PublicUrl publicUrl,
            MediaConfig config) {
        this.secrets = secrets;
        this.clock = clock;
        this.publicUrl = publicUrl;
        this.config = config;
    }

    @Modified
    void configure(MediaConfig config) {
        this.config = config;
        this.urls = null;
    }

    /** The absolute signed URL of a stored object. */
    public String url(String key) {
        return publicUrl.api("/v1/media/" + urls().sign(key, clock.instant())).toString();
    }

    /** The grant of a genuine, unexpired token. */
    public Optional<SignedUrls.Grant> verify(String token) {
        return urls().verify(token, clock.instant());
    }

    private SignedUrls urls() {
        SignedUrls u = urls;
        if (u == null) {
            u = new SignedUrls(secret(), Duration.ofSeconds(Math.max(30, config.urlSeconds())));
            urls = u;
        }
        return u;
    }

    private byte[] secret() {
        String env = System.getenv(ENV);
        String configured = env != null && !env.isBlank()
                ? env.trim()
                : config._signingKey().trim();
        if (!configured.isEmpty()) {
            if (configured.length() >= 16) {
                return configured.getBytes(StandardCharsets.UTF_8);
            }
            LOG.warn("The media signing key is shorter than 16 characters and is not used; using the database's");
        }
        String stored = secrets.secret(
                SECRET_NAME,
                () -> {
                    byte[] b = new byte[32];
                    new SecureRandom().nextBytes(b);
                    return Base64.getEncoder().encodeToString(b);
                },
                clock.instant());
        return Base64.getDecoder().decode(stored);
    }
}
