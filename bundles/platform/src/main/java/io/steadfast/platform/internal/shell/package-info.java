/** The {@code steadfast:*} admin shell commands of the platform. */
@org.osgi.annotation.bundle.Header(name = "Karaf-Commands", value = "io.steadfast.platform.internal.shell")
package io.steadfast.platform.internal.shell;
