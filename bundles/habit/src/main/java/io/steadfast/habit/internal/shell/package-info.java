/** The {@code steadfast:*} admin shell commands of habits. */
@org.osgi.annotation.bundle.Header(name = "Karaf-Commands", value = "io.steadfast.habit.internal.shell")
package io.steadfast.habit.internal.shell;
