package io.steadfast.platform.internal.limit;

import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.steadfast.api.auth.AuthenticatedUser;
import io.steadfast.api.auth.ClientAddresses;
import io.steadfast.api.cache.TokenBuckets;
import io.steadfast.api.cache.TokenBuckets.Take;
import io.steadfast.platform.internal.rest.PlatformConfig;
import io.steadfast.platform.internal.rest.Problems;
import io.steadfast.platform.rest.RestApi;

/**
 * The general rate limit of the API, charged by the authentication filter once it knows the caller: every request of a signed-in user takes a token from
 * the user's bucket, every other request from its client address's (behind a trusted proxy, the address it names).
 * The buckets are in Redis when it is configured, so the limit holds across nodes. Every answer says where the
 * caller stands in {@code RateLimit-*} headers; past the limit the answer is 429 problem+json with {@code
 * Retry-After}. Specific limits (failed logins, registrations, resets) stay on top of this one.
 */
@Component(
        service = {RateLimitFilter.class, ContainerResponseFilter.class},
        configurationPid = PlatformConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@JaxrsExtension
@JaxrsName("steadfast.ratelimit")
@JaxrsApplicationSelect(RestApi.APP_SELECT)
public class RateLimitFilter implements ContainerResponseFilter {

    /** The environment variable that overrides the per-user limit ({@code burst/perSecond}). */
    public static final String ENV_PER_USER = "STEADFAST_RATE_LIMIT_PER_USER";

    /** The environment variable that overrides the per-address limit ({@code burst/perSecond}). */
    public static final String ENV_PER_ADDRESS = "STEADFAST_RATE_LIMIT_PER_ADDRESS";

    private static final Logger LOG = LoggerFactory.getLogger(RateLimitFilter.class);
    private static final String APPLIED = RateLimitFilter.class.getName() + ".applied";
    private static final RatePolicy DEFAULT_USER = new RatePolicy(300, 20);
    private static final RatePolicy DEFAULT_ADDRESS = new RatePolicy(120, 4);

    private record Applied(RatePolicy policy, Take take) {}

    // steadfast_requests_throttled_total{policy} (docs/operations.md, Metrics): 429s of this limit, by bucket
    private static final Counter THROTTLED_USER = Metrics.counter("steadfast.requests.throttled", "policy", "user");
    private static final Counter THROTTLED_ADDRESS =
            Metrics.counter("steadfast.requests.throttled", "policy", "address");

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile TokenBuckets buckets;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ClientAddresses addresses;

    private volatile RatePolicy perUser = DEFAULT_USER;
    private volatile RatePolicy perAddress = DEFAULT_ADDRESS;

    @Activate
    public RateLimitFilter(PlatformConfig config) {
        modified(config);
    }

    @Modified
    void modified(PlatformConfig c) {
        perUser = policy(System.getenv(ENV_PER_USER), ENV_PER_USER, c.rateLimit_perUser(), DEFAULT_USER);
        perAddress = policy(System.getenv(ENV_PER_ADDRESS), ENV_PER_ADDRESS, c.rateLimit_perAddress(), DEFAULT_ADDRESS);
        LOG.info("Rate limit: {} per user, {} per client address (burst/per second)", perUser, perAddress);
    }

    /** The environment's value, else the configuration's, else the default; a bad value is named and skipped. */
    static RatePolicy policy(String env, String envName, String configured, RatePolicy fallback) {
        for (String[] candidate :
                new String[][] {{env, envName}, {configured, "rateLimit in etc/io.steadfast.platform.cfg"}}) {
            if (candidate[0] != null && !candidate[0].isBlank()) {
                try {
                    return RatePolicy.parse(candidate[0]);
                } catch (IllegalArgumentException e) {
                    LOG.error("The rate limit {} is not used: {}", candidate[1], e.getMessage());
                }
            }
        }
        return fallback;
    }

    /**
     * Takes a token for the request: from the user's bucket when {@code user} is given, else from the client
     * address's. When {@code mayRefuse} (the request would go on) and the bucket is empty, answers 429 instead.
     */
    public void charge(
            ContainerRequestContext request,
            HttpServletRequest servletRequest,
            AuthenticatedUser user,
            boolean mayRefuse) {
        TokenBuckets b = buckets;
        if (b == null) {
            return;
        }
        RatePolicy policy;
        String key;
        if (user != null) {
            policy = perUser;
            key = "api:user:" + user.userId();
        } else {
            policy = perAddress;
            key = "api:addr:" + clientAddress(servletRequest);
        }
        Take t = b.take(key, policy.burst(), policy.perSecond());
        request.setProperty(APPLIED, new Applied(policy, t));
        if (!t.allowed() && mayRefuse) {
            (user != null ? THROTTLED_USER : THROTTLED_ADDRESS).increment();
            Map<String, String> headers = policy.headers(t);
            request.abortWith(Problems.response(
                    servletRequest,
                    429,
                    "too-many-requests",
                    "Too Many Requests",
                    "Too many requests: at most " + policy.burst() + " at once and " + policy
                            + " a second afterwards; try again in " + headers.get("Retry-After") + " s",
                    null,
                    headers));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(APPLIED) instanceof Applied a) {
            a.policy().headers(a.take()).forEach((k, v) -> response.getHeaders().putSingle(k, v));
        }
    }

    private String clientAddress(HttpServletRequest r) {
        String peer = r == null ? "unknown" : r.getRemoteAddr();
        ClientAddresses a = addresses;
        return a == null || r == null ? peer : a.of(peer, r.getHeader("X-Forwarded-For"));
    }
}
