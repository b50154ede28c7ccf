/**
 * The media bundle's API for other bundles (the import and export bundle): a user's check-in photos listed and read
 * ({@link io.steadfast.media.api.AttachmentExport}) and stored again from an archive
 * ({@link io.steadfast.media.api.AttachmentImport}). Domain terms only: no JSON, HTTP or persistence type.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.steadfast.media.api;
