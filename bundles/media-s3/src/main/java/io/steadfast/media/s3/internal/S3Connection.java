package io.steadfast.media.s3.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.LegacyMd5Plugin;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * One S3 client for one configuration, built so that it works inside OSGi and depends on nothing but the settings:
 * <ul>
 *   <li>the JDK's HTTP client ({@code url-connection-client}) given explicitly, so the SDK never looks for an HTTP
 *       implementation with a ServiceLoader;
 *   <li>this bundle's class loader as the thread's context class loader while the client is built and while it
 *       works (the SDK looks up interceptors and services through it; Karaf's threads carry another loader or none);
 *   <li>no AWS profile files: {@code ~/.aws/config} of whoever runs the node changes nothing;
 *   <li>credentials from the environment ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, optionally
 *       {@code AWS_SESSION_TOKEN}), then the ECS/EKS task role, then the EC2 instance role — never from a file;
 *   <li>for an S3-compatible endpoint: path-style requests, checksums only where S3 requires them, and the
 *       Content-MD5 header on DeleteObjects (what services that predate S3's CRC32 checksums require).
 * </ul>
 */
final class S3Connection implements AutoCloseable {

    private final S3Settings settings;
    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final S3Client s3;
    private final Supplier<String> source;

    private S3Connection(
            S3Settings settings,
            SdkHttpClient http,
            AwsCredentialsProvider credentials,
            S3Client s3,
            Supplier<String> source) {
        this.settings = settings;
        this.http = http;
        this.credentials = credentials;
        this.s3 = s3;
        this.source = source;
    }

    /** A client with the credentials of the environment or the machine's role. */
    static S3Connection open(S3Settings settings) {
        AtomicReference<String> answered = new AtomicReference<>("nowhere yet");
        return open(settings, defaultCredentials(answered), answered::get);
    }

    /** A client with the given credentials (tests: the made-up keys of a local server). */
    static S3Connection open(S3Settings settings, AwsCredentialsProvider credentials) {
        return open(settings, credentials, () -> "the credentials given");
    }

    private static S3Connection open(S3Settings settings, AwsCredentialsProvider credentials, Supplier<String> source) {
        return withBundleLoader(() -> {
            SdkHttpClient http = UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofMillis(settings.connectTimeoutMillis()))
                    .socketTimeout(Duration.ofMillis(settings.socketTimeoutMillis()))
                    .build();
            S3ClientBuilder b = S3Client.builder()
                    .httpClient(http)
                    .region(Region.of(settings.region()))
                    .credentialsProvider(credentials)
                    .overrideConfiguration(
                            o -> o.defaultProfileFile(ProfileFile.aggregator().build())
                                    .defaultProfileName("default")
                                    .retryStrategy(RetryMode.STANDARD));
            if (settings.compatible()) {
                b.endpointOverride(settings.endpoint())
                        .forcePathStyle(true)
                        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                        .addPlugin(LegacyMd5Plugin.create());
            }
            return new S3Connection(settings, http, credentials, b.build(), source);
        });
    }

    /**
     * Environment, then the task role (ECS, EKS Pod Identity), then the instance role (EC2); {@code answered} is set
     * to the words for the one that answered last (the SDK names it only with a one-letter code).
     */
    static AwsCredentialsProvider defaultCredentials(AtomicReference<String> answered) {
        return AwsCredentialsProviderChain.builder()
                .credentialsProviders(
                        named(
                                "the environment (AWS_ACCESS_KEY_ID)",
                                EnvironmentVariableCredentialsProvider.create(),
                                answered),
                        named(
                                "the task role (ECS, EKS Pod Identity)",
                                ContainerCredentialsProvider.builder().build(),
                                answered),
                        named(
                                "the EC2 instance role",
                                InstanceProfileCredentialsProvider.builder().build(),
                                answered))
                .reuseLastProviderEnabled(true)
                .build();
    }

    private static AwsCredentialsProvider named(
            String words, AwsCredentialsProvider provider, AtomicReference<String> answered) {
        return new Named(words, provider, answered);
    }

    /** A provider that says when it answered; closing it closes the provider (its refresh threads, if any). */
    private record Named(String words, AwsCredentialsProvider provider, AtomicReference<String> answered)
            implements AwsCredentialsProvider, SdkAutoCloseable {

        @Override
        public AwsCredentials resolveCredentials() {
            AwsCredentials c = provider.resolveCredentials();
            answered.set(words);
            return c;
        }

        @Override
        public void close() {
            if (provider instanceof SdkAutoCloseable c) {
                c.close();
            }
        }

        @Override
        public String toString() {
            return provider.toString();
        }
    }

    /** Where the credentials last came from, in words. */
    String credentialSource() {
        return source.get();
    }

    S3Client s3() {
        return s3;
    }

    S3Settings settings() {
        return settings;
    }

    AwsCredentialsProvider credentials() {
        return credentials;
    }

    /** Runs {@code work} with this bundle's class loader as the context class loader (the SDK's lookups need it). */
    static <T> T withBundleLoader(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(S3Connection.class.getClassLoader());
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void close() {
        withBundleLoader(() -> {
            s3.close();
            http.close();
            if (credentials instanceof SdkAutoCloseable c) {
                c.close();
            }
            return null;
        });
    }
}
