package io.steadfast.media.s3.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import javax.net.ssl.SSLException;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;

/**
 * What went wrong talking to the storage, in words for an operator and never with a secret (no credential, no
 * signature, no request body): the HTTP status and S3 error code, or the kind of network failure. Callers get an
 * {@link IOException} (the media bundle answers 503), never the SDK's runtime exceptions.
 */
final class S3Failures {

    private S3Failures() {}

    /** {@code failure} of {@code what} (e.g. "put u/…/original") as an IOException naming the reason. */
    static IOException io(String what, RuntimeException failure) {
        return new IOException("S3 " + what + " failed: " + reason(failure), failure);
    }

    /** The reason in a few words. */
    static String reason(Throwable failure) {
        if (failure instanceof AwsServiceException e) {
            int status = e.statusCode();
            String code =
                    e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            return "HTTP " + status + (code == null || code.isBlank() ? "" : " " + S3Settings.printable(code))
                    + hint(status, code);
        }
        if (failure instanceof ApiCallTimeoutException || failure instanceof ApiCallAttemptTimeoutException) {
            return "timed out";
        }
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        if (message.startsWith("Unable to load credentials")) {
            return "no credentials (set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or give the machine a role)";
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "unreachable (connection refused)";
            }
            if (t instanceof UnknownHostException) {
                return "unreachable (unknown host)";
            }
            if (t instanceof SocketTimeoutException || t instanceof InterruptedIOException) {
                return "timed out";
            }
            if (t instanceof SSLException) {
                return "TLS failed (" + S3Settings.printable(String.valueOf(t.getMessage())) + ")";
            }
            if (t.getCause() == null && t != failure && t instanceof IOException) {
                return S3Settings.printable(t.getClass().getSimpleName() + ": " + t.getMessage());
            }
        }
        return S3Settings.printable(failure.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message));
    }

    private static String hint(int status, String code) {
        if ("NoSuchBucket".equals(code)) {
            return " (the bucket does not exist)";
        }
        if (status == 403) {
            return " (access denied: check the credentials, and that the role or key may use this bucket and prefix)";
        }
        if (status == 301 || "PermanentRedirect".equals(code) || "AuthorizationHeaderMalformed".equals(code)) {
            return " (the bucket is in another region: set STEADFAST_MEDIA_S3_REGION)";
        }
        if (status >= 500) {
            return " (the storage service failed; the SDK tried three times)";
        }
        return "";
    }
}
