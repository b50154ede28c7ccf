/**
 * The e-mail SPI. A bundle that registers a {@link io.steadfast.api.mail.spi.Mailer} service lets the server send
 * e-mail (password reset links), live, without a restart.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.steadfast.api.mail.spi;
