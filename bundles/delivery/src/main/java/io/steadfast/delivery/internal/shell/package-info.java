/** The {@code steadfast:*} admin shell commands of deliveries. */
@org.osgi.annotation.bundle.Header(name = "Karaf-Commands", value = "io.steadfast.delivery.internal.shell")
package io.steadfast.delivery.internal.shell;
