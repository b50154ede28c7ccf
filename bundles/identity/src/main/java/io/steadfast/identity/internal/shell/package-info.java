/** The {@code steadfast:*} admin shell commands of accounts. */
@org.osgi.annotation.bundle.Header(name = "Karaf-Commands", value = "io.steadfast.identity.internal.shell")
package io.steadfast.identity.internal.shell;
