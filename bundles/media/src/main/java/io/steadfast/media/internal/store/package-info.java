/**
 * Attachments, avatars, who sees a habit's photos and the signing secret: this bundle's persistence. Its
 * entities, repositories and migrations ({@code db/media/}) never leave the bundle; the files themselves are in
 * the {@code MediaStore}.
 */
@org.osgi.annotation.bundle.Header(name = "Meta-Persistence", value = "META-INF/persistence.xml")
@org.osgi.annotation.bundle.Header(name = io.steadfast.storage.Schemas.HEADER, value = "media; requires=\"identity\"")
package io.steadfast.media.internal.store;
