package io.steadfast.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The admin shell of a test's node, reached as an operator on the same machine reaches it: with bin/client. */
final class AdminShell {

    private AdminShell() {}

    /**
     * Runs {@code command} with {@code bin/client} of the distribution at {@code home} against its SSH console on
     * 127.0.0.1:{@code port} as the operator {@code ops} (3 attempts, 2 s apart); what it printed, standard error
     * included.
     */
    static String run(Path home, int port, String password, String command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(
                        home.resolve("bin/client").toString(),
                        "-h",
                        "127.0.0.1",
                        "-a",
                        Integer.toString(port),
                        "-u",
                        "ops",
                        "-p",
                        password,
                        "-r",
                        "3",
                        "-d",
                        "2",
                        command)
                .redirectErrorStream(true)
                .directory(home.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("bin/client %s", command).isTrue();
        return out;
    }
}
