package io.steadfast.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.steadfast.testsupport.S3Server;
import io.steadfast.testsupport.TestPostgres;
import io.steadfast.testsupport.TestRedis;

/**
 * Media on S3, in the distribution as an operator runs it: {@code bin/karaf server} with the
 * {@code STEADFAST_MEDIA_S3_*} variables and the AWS credentials in its environment, against s3proxy on loopback. The
 * S3 store (with the AWS SDK embedded in its bundle) is the media store in use (ranking 100 over the file system
 * store), {@code /health} reports its bucket, {@code steadfast:doctor} writes, reads back and deletes a probe object
 * through it, and health follows the storage going down and coming back.
 */
class MediaS3IT {

    private Process karaf;
    private S3Server s3;

    @AfterEach
    void stop() {
        Cluster.stopAll(java.util.Collections.singletonList(karaf));
        if (s3 != null) {
            s3.stop();
        }
    }

    @Test
    void theS3StoreServesFromTheEnvironmentAndHealthFollowsTheStorage() throws Exception {
        s3 = S3Server.start();
        Path home = Cluster.copy("media-s3");
        // the suite's limits (registrations from 127.0.0.1 are many, and counted in the shared Redis)
        Cluster.writeConfig(home);
        int port = Distribution.freePort();
        int ssh = Distribution.freePort();
        String password = enableConsole(home, ssh);
        Map<String, String> env = new HashMap<>(s3.nodeEnv("steadfast/"));
        karaf = Cluster.start(home, port, TestPostgres.freshSchemaUrl(), TestRedis.url(), env);
        Http node = new Http(port);
        Cluster.awaitHealthy(node, home);
        String admin = Accounts.register(node, "media-s3-admin-" + System.nanoTime() + "@example.org")
                .token();

        String where = "s3://" + s3.bucket() + "/steadfast/ at " + s3.endpoint();
        HttpResponse<String> health = node.awaitAs(
                admin, "/health", r -> r.body().contains("\"media\":{\"status\":\"healthy\""), Duration.ofSeconds(30));
        Map<?, ?> media = (Map<?, ?>) ((Map<?, ?>) Http.json(health).get("services")).get("media");
        assertThat(media)
                .as(health.body() + "; see " + home.resolve("data/log/karaf.log"))
                .isNotNull();
        assertThat(media.get("status")).as(health.body()).isEqualTo("healthy");
        assertThat(media.get("message").toString()).contains(where).contains("answered in");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);

        String services = client(home, ssh, password, "service:list io.steadfast.api.media.MediaStore");
        String s3Store = java.util.Arrays.stream(services.split("\\[io\\.steadfast\\.api\\.media\\.MediaStore\\]"))
                .filter(block -> block.contains("steadfast.media.store = s3"))
                .findFirst()
                .orElse(services);
        assertThat(s3Store)
                .as("the S3 store is registered with the ranking that makes it the one in use, and the media bundle "
                        + "uses it")
                .contains("steadfast.media.store = s3")
                .contains("service.ranking = 100")
                .contains("Steadfast Media on S3")
                .contains("Used by")
                .contains("Steadfast Media (");

        String doctor = client(home, ssh, password, "steadfast:doctor");
        System.out.println(doctor);
        String line = doctor.lines()
                .filter(l -> l.matches("\\[[A-Za-z]+\\]\\s+media\\s.*"))
                .findFirst()
                .orElse(doctor);
        assertThat(line)
                .as("the doctor's round trip through the embedded SDK")
                .contains("[ok]")
                .contains(where)
                .contains("wrote, read back and deleted a probe object")
                .containsIgnoringCase("environment");
        assertThat(doctor).doesNotContain(s3.secretKey());
        assertThat(s3.keys()).as("the probe object is gone").noneMatch(k -> k.contains("steadfast-doctor"));

        s3.stop();
        HttpResponse<String> down = node.awaitAs(
                admin,
                "/health",
                r -> r.body().contains("\"media\":{\"status\":\"unhealthy\""),
                Duration.ofSeconds(30));
        assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
        assertThat(down.body()).contains("unreachable");
        assertThat(node.get("/health/ready").statusCode())
                .as("a node without its storage still serves")
                .isEqualTo(200);
        String sick = client(home, ssh, password, "steadfast:doctor");
        assertThat(sick).contains("[PROBLEM]").contains("media").contains("unreachable");

        s3.restart();
        HttpResponse<String> up = node.awaitAs(
                admin, "/health", r -> r.body().contains("\"media\":{\"status\":\"healthy\""), Duration.ofSeconds(30));
        assertThat(up.body()).contains(where);
        assertThat(client(home, ssh, password, "steadfast:doctor")).contains("probe object");

        List<String> log = Files.readAllLines(home.resolve("data/log/karaf.log"));
        assertThat(log).anyMatch(l -> l.contains("Media: " + where));
        assertThat(log).noneMatch(l -> l.contains(s3.secretKey()));
    }

    /** The documented way into the admin shell (docs/operations.md): a user with a password, and ssh booted. */
    private static String enableConsole(Path home, int ssh) throws Exception {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
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
        return password;
    }

    /** Runs a command in the node's admin shell with {@code bin/client}, as an operator on the machine does. */
    private static String client(Path home, int port, String password, String command) throws Exception {
        return AdminShell.run(home, port, password, command);
    }
}
