/** The links the server makes: its public base URL ({@link io.steadfast.api.link.PublicUrl}). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.steadfast.api.link;
