package io.steadfast.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.steadfast.testsupport.S3Server;
import io.steadfast.testsupport.TestPostgres;
import io.steadfast.testsupport.TestRedis;

/**
 * Every test of {@link AttachmentsIT}, on a node whose media store is S3-compatible object storage (s3proxy, started
 * here) instead of the file system: the same rules, the files in the bucket, and gone from it with their check-in.
 * The node has a database of its own, so that it alone delivers its habit changes (the media consumer that deletes
 * a cleared day's photos runs where the change is claimed).
 */
class AttachmentsS3IT extends AttachmentsIT {

    static S3Server s3;
    static Process karaf;
    static TestRedis.Private redis;

    @BeforeAll
    static void onS3() throws IOException {
        s3 = S3Server.start();
        Path home = Cluster.copy("attachments-s3");
        // the suite's limits (registrations from 127.0.0.1 are many, and counted in the shared Redis)
        Cluster.writeConfig(home);
        int port = Distribution.freePort();
        dbUrl = TestPostgres.freshSchemaUrl();
        // a Redis of its own: its many registrations count against no other test's node
        redis = TestRedis.startPrivate();
        karaf = Cluster.start(home, port, dbUrl, redis.url(), s3.nodeEnv("attachments/"));
        Http node = new Http(port);
        Cluster.awaitHealthy(node, home);
        a = node;
    }

    @AfterAll
    static void stopS3() {
        if (karaf != null) {
            Cluster.stopAll(List.of(karaf));
        }
        if (s3 != null) {
            s3.stop();
        }
        if (redis != null) {
            redis.stop();
        }
    }

    @Test
    void thePhotosAreInTheBucketAndLeaveItWithTheirCheckin() {
        IdentityApiIT.Account ann = Accounts.register(a, "media-s3-" + UUID.randomUUID() + "@example.org");
        LocalDate t = ServerTime.today(a);
        HttpResponse<String> h = a.as(
                ann.token(),
                "POST",
                "/api/v1/habits",
                "{\"name\":\"Run\",\"type\":\"boolean\",\"schedule\":{\"kind\":\"daily\"},\"startDate\":\""
                        + t.minusDays(3) + "\"}");
        assertThat(h.statusCode()).as(h.body()).isEqualTo(201);
        String habit = Http.json(h).get("id").toString();
        assertThat(a.as(ann.token(), "PUT", "/api/v1/habits/" + habit + "/checkins/" + t.minusDays(1), "{}")
                        .statusCode())
                .isEqualTo(200);
        String id = uploadJpeg(a, ann.token(), habit, t.minusDays(1));
        String prefix = "attachments/u/" + ann.userId() + "/";
        assertThat(s3.keys()).filteredOn(k -> k.startsWith(prefix)).anySatisfy(k -> assertThat(k)
                .contains(id));

        HttpResponse<byte[]> file = send(
                a,
                null,
                "GET",
                path(Http.json(text(
                                send(a, ann.token(), "GET", attachments(habit, t.minusDays(1)) + "/" + id, null, null)))
                        .get("url")),
                null,
                null);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).contains("image/jpeg");

        assertThat(a.as(ann.token(), "DELETE", "/api/v1/habits/" + habit + "/checkins/" + t.minusDays(1), null)
                        .statusCode())
                .isEqualTo(204);
        // the media consumer of the habit outbox removes the files after the commit
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (s3.keys().stream().anyMatch(k -> k.startsWith(prefix)) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertThat(s3.keys()).noneMatch(k -> k.startsWith(prefix));

        // a deleted account takes every file of its own: photos of other days and the avatar
        assertThat(a.as(ann.token(), "PUT", "/api/v1/habits/" + habit + "/checkins/" + t.minusDays(2), "{}")
                        .statusCode())
                .isEqualTo(200);
        uploadJpeg(a, ann.token(), habit, t.minusDays(2));
        assertThat(send(a, ann.token(), "PUT", "/api/v1/me/avatar", encode("png", 300, 300), "image/png")
                        .statusCode())
                .isEqualTo(200);
        String userPrefix = "attachments/u/" + ann.userId() + "/";
        assertThat(s3.keys()).filteredOn(k -> k.startsWith(userPrefix)).hasSizeGreaterThanOrEqualTo(3);
        assertThat(a.as(ann.token(), "DELETE", "/api/v1/me", "{\"password\":\"" + IdentityApiIT.PASSWORD + "\"}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(s3.keys())
                .as("nothing of the account is left in the bucket")
                .noneMatch(k -> k.startsWith(userPrefix));
    }
}
