/** The {@code steadfast:*} admin shell commands of storage: the online backup of the embedded H2 database. */
@org.osgi.annotation.bundle.Header(name = "Karaf-Commands", value = "io.steadfast.storage.internal.shell")
package io.steadfast.storage.internal.shell;
