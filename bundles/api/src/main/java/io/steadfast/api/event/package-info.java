/**
 * Live events for a user's open event streams ({@code GET /api/v1/events}, Server-Sent Events), for what is worth
 * seeing as it happens but not worth storing: an import's progress. Provided by the accountability bundle, which
 * owns the streams.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.steadfast.api.event;
