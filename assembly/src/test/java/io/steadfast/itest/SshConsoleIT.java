package io.steadfast.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.steadfast.testsupport.TestPostgres;
import io.steadfast.testsupport.TestRedis;

/**
 * The operator's way into a running server, as docs/operations.md ("The admin shell") tells it: the SSH console is
 * off until they enable it — a user with a password in {@code etc/users.properties} and {@code ssh} in the boot
 * features — and then it listens on 127.0.0.1 only, and {@code bin/client} runs {@code steadfast:} commands on the
 * live node. A wrong password gets nothing.
 */
class SshConsoleIT {

    private Process karaf;

    @AfterEach
    void stop() {
        Cluster.stopAll(java.util.Collections.singletonList(karaf));
    }

    @Test
    void enabledAsDocumentedTheConsoleListensOnLoopbackAndRunsTheCommands() throws Exception {
        Path home = Cluster.copy("ssh");
        int http = Distribution.freePort();
        int ssh = Distribution.freePort();
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);

        // the documented steps
        Files.writeString(
                home.resolve("etc/users.properties"),
                "ops = " + password + ",_g_:admingroup\n"
                        + "_g_\\:admingroup = group,admin,manager,viewer,systembus,ssh\n");
        Path shellCfg = home.resolve("etc/org.apache.karaf.shell.cfg");
        Files.writeString(shellCfg, Files.readString(shellCfg).replace("sshPort = 8101", "sshPort = " + ssh));
        Path features = home.resolve("etc/org.apache.karaf.features.cfg");
        String boot = Files.readString(features);
        assertThat(boot).contains("featuresBoot = \\\n");
        Files.writeString(features, boot.replace("featuresBoot = \\\n", "featuresBoot = \\\n    ssh, \\\n"));

        // the suite's limits (registrations from 127.0.0.1 are many, and counted in the shared Redis)
        Cluster.writeConfig(home);
        karaf = Cluster.start(home, http, TestPostgres.freshSchemaUrl(), TestRedis.url());
        Http node = new Http(http);
        Cluster.awaitHealthy(node, home);
        Accounts.register(node, "ssh-first@example.org");

        assertThat(listeningAddresses(ssh))
                .as("the SSH console listens on loopback only")
                .containsOnly("127.0.0.1");

        String health = client(home, ssh, password, "steadfast:health");
        assertThat(health).contains("ready: yes").contains("database");
        String users = client(home, ssh, password, "steadfast:users");
        assertThat(users).contains("ssh-first@example.org");
        String help = client(home, ssh, password, "steadfast:users --help");
        assertThat(help).contains("DESCRIPTION").contains("--limit");

        String refused = client(home, ssh, "not-" + password, "steadfast:users");
        assertThat(refused).doesNotContain("ssh-first@example.org");
    }

    /** Runs a command in the node's admin shell with {@code bin/client}, as an operator on the machine does. */
    private static String client(Path home, int port, String password, String command) throws Exception {
        return AdminShell.run(home, port, password, command);
    }

    /** The local addresses something listens on at this TCP port (from /proc/net/tcp and tcp6). */
    private static List<String> listeningAddresses(int port) throws Exception {
        List<String> found = new ArrayList<>();
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table))) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 3 && f[1].endsWith(":" + hexPort) && f[3].equals("0A")) {
                    found.add(address(f[1].substring(0, f[1].indexOf(':'))));
                }
            }
        }
        return found;
    }

    private static String address(String hex) {
        if (hex.length() == 8) {
            StringBuilder b = new StringBuilder();
            for (int i = 6; i >= 0; i -= 2) {
                b.append(Integer.parseInt(hex.substring(i, i + 2), 16)).append(i > 0 ? "." : "");
            }
            return b.toString();
        }
        return hex.equals("00000000000000000000000000000000")
                ? "::"
                : hex.equals("0000000000000000FFFF00000100007F") ? "127.0.0.1" : hex;
    }
}
