/** The {@code steadfast:*} admin shell commands of statistics. */
@org.osgi.annotation.bundle.Header(name = "Karaf-Commands", value = "io.steadfast.streak.internal.shell")
package io.steadfast.streak.internal.shell;
