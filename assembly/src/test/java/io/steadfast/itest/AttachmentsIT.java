package io.steadfast.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.steadfast.testsupport.TestPostgres;

/**
 * Photos on check-ins through a real node on PostgreSQL: a JPEG with GPS EXIF comes back through its signed URL
 * without it, with a thumbnail; the limits (5 a day, 10 MB) and the type (told from the bytes) hold; a partner sees
 * the photos only once the owner shares them, the referee always, a stranger never; an altered or expired URL is a
 * 404; a deleted photo, check-in or habit takes its files. The files of the file system store are each node's own
 * (a cluster shares a directory or uses S3), so the uploads and reads go to one node. Dates come from the server's
 * clock.
 */
class AttachmentsIT {

    static final String SECRET = "GPS-52.5200N-13.4050E-SECRET";

    static Http a;
    static Cluster cluster;
    /** The database of the node {@link #a} (the cluster's; AttachmentsS3IT's node has its own). */
    static String dbUrl;

    static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        cluster = Cluster.get();
        a = cluster.node(0);
        dbUrl = cluster.dbUrl();
    }

    private static IdentityApiIT.Account register(String who) {
        return Accounts.register(a, "media-" + who + "-" + UUID.randomUUID() + "@example.org");
    }

    private static String habit(IdentityApiIT.Account owner, String name, String extra) {
        LocalDate t = ServerTime.today(a);
        HttpResponse<String> r = a.as(
                owner.token(),
                "POST",
                "/api/v1/habits",
                "{\"name\":\"" + name + "\",\"type\":\"boolean\",\"schedule\":{\"kind\":\"daily\"},\"startDate\":\""
                        + t.minusDays(10) + "\"" + extra + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Http.json(r).get("id").toString();
    }

    private static void checkin(IdentityApiIT.Account owner, String habitId, LocalDate day) {
        HttpResponse<String> r = a.as(owner.token(), "PUT", "/api/v1/habits/" + habitId + "/checkins/" + day, "{}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private static void partners(IdentityApiIT.Account owner, IdentityApiIT.Account other) {
        String code = Http.json(a.as(owner.token(), "POST", "/api/v1/partners/invite-codes", null))
                .get("code")
                .toString();
        HttpResponse<String> r = a.as(other.token(), "POST", "/api/v1/partners/invite-codes/" + code + "/accept", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    static String attachments(String habitId, LocalDate day) {
        return "/api/v1/habits/" + habitId + "/checkins/" + day + "/attachments";
    }

    // ---- requests with byte bodies -------------------------------------------------------------------------------

    static HttpResponse<byte[]> send(Http node, String token, String method, String path, byte[] body, String type) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + path))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (type != null) {
            b.header("Content-Type", type);
        }
        b.method(
                method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    /** A multipart/form-data upload of one file in the field {@code file}. */
    static HttpResponse<byte[]> upload(
            Http node, String token, String path, byte[] file, String fileName, String partType) {
        return upload(node, token, "POST", path, file, fileName, partType);
    }

    static HttpResponse<byte[]> upload(
            Http node, String token, String method, String path, byte[] file, String fileName, String partType) {
        String boundary = "----steadfast" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: " + partType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        body.write(head, 0, head.length);
        body.write(file, 0, file.length);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        body.write(tail, 0, tail.length);
        return send(node, token, method, path, body.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }

    /** Uploads a small JPEG to a day (which must have a check-in); answers the attachment's id. */
    static String uploadJpeg(Http node, String token, String habitId, LocalDate day) {
        HttpResponse<byte[]> r = send(node, token, "POST", attachments(habitId, day), jpeg(40, 30), "image/jpeg");
        assertThat(r.statusCode()).as(text(r)).isEqualTo(201);
        return Http.json(text(r)).get("id").toString();
    }

    /** The path of an absolute URL of the server (the public URL's host may not be this node's address). */
    static String path(Object url) {
        URI u = URI.create(url.toString());
        return u.getRawPath();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(r.body(), List.class);
        } catch (IOException e) {
            throw new AssertionError(r.body(), e);
        }
    }

    // ---- images ---------------------------------------------------------------------------------------------------

    static byte[] encode(String format, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, format, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    static byte[] jpeg(int w, int h) {
        return encode("jpeg", w, h);
    }

    /** A JPEG with an APP1 EXIF block right after SOI: IFD0 with an ImageDescription and a GPS IFD (latitude). */
    static byte[] jpegWithGps(int w, int h) {
        byte[] plain = jpeg(w, h);
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        byte[] desc = (SECRET + "\0").getBytes(StandardCharsets.ISO_8859_1);
        int descAt = 8 + 2 + 2 * 12 + 4;
        int gpsAt = descAt + desc.length + (desc.length & 1);
        int ratAt = gpsAt + 2 + 2 * 12 + 4;
        bytes(t, 'M', 'M', 0, 42, 0, 0, 0, 8, 0, 2);
        entry(t, 0x010E, 2, desc.length, descAt);
        entry(t, 0x8825, 4, 1, gpsAt);
        bytes(t, 0, 0, 0, 0);
        t.write(desc, 0, desc.length);
        if ((desc.length & 1) == 1) {
            t.write(0);
        }
        bytes(t, 0, 2);
        bytes(t, 0, 1, 0, 2, 0, 0, 0, 2, 'N', 0, 0, 0);
        entry(t, 0x0002, 5, 3, ratAt);
        bytes(t, 0, 0, 0, 0);
        for (int v : new int[] {52, 31, 12}) {
            bytes(t, 0, 0, 0, v, 0, 0, 0, 1);
        }
        byte[] exif = t.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        int length = 2 + 6 + exif.length;
        bytes(out, 0xFF, 0xE1, length >> 8, length & 0xFF, 'E', 'x', 'i', 'f', 0, 0);
        out.write(exif, 0, exif.length);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    private static void entry(ByteArrayOutputStream t, int tag, int type, int count, int value) {
        bytes(t, tag >> 8, tag & 0xFF, type >> 8, type & 0xFF);
        bytes(t, count >> 24, count >> 16, count >> 8, count);
        bytes(t, value >> 24, value >> 16, value >> 8, value);
    }

    private static void bytes(ByteArrayOutputStream out, int... b) {
        for (int x : b) {
            out.write(x & 0xFF);
        }
    }

    static boolean contains(byte[] hay, String needle) {
        return new String(hay, StandardCharsets.ISO_8859_1).contains(needle);
    }

    // ---- signed URLs made with the cluster's own secret, to reach past their expiry without waiting --------------

    static String token(String key, long expiresEpochSecond) {
        try (Connection c = TestPostgres.connect(dbUrl);
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT secret FROM media_secret WHERE name = 'url-signing'")) {
            assertThat(rs.next()).as("the cluster's signing secret").isTrue();
            byte[] secret = Base64.getDecoder().decode(rs.getString(1));
            String payload = key + "\n" + expiresEpochSecond;
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            return b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                    + b64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (SQLException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String keyOf(String mediaPath) {
        String token = mediaPath.substring(mediaPath.lastIndexOf('/') + 1);
        String payload = new String(
                Base64.getUrlDecoder().decode(token.substring(0, token.lastIndexOf('.'))), StandardCharsets.UTF_8);
        return payload.substring(0, payload.lastIndexOf('\n'));
    }

    // ---- the tests ------------------------------------------------------------------------------------------------

    @Test
    void aPhotoLosesItsGpsIsLimitedAndIsSeenOnlyByThoseAllowed() throws IOException {
        LocalDate t = ServerTime.today(a);
        IdentityApiIT.Account ann = register("ann");
        IdentityApiIT.Account bob = register("bob");
        IdentityApiIT.Account rita = register("rita");
        IdentityApiIT.Account eve = register("eve");
        partners(ann, bob);
        partners(ann, rita);
        String run = habit(ann, "Run", ",\"visibility\":\"partners\"");
        HttpResponse<String> referee =
                a.as(ann.token(), "PATCH", "/api/v1/habits/" + run, "{\"refereeUserId\":\"" + rita.userId() + "\"}");
        assertThat(referee.statusCode()).as(referee.body()).isEqualTo(200);
        byte[] photo = jpegWithGps(800, 600);
        assertThat(contains(photo, SECRET)).isTrue();

        // proof belongs to a check-in: none yet
        HttpResponse<byte[]> early = upload(a, ann.token(), attachments(run, t), photo, "IMG_0001.jpg", "image/jpeg");
        assertThat(early.statusCode()).as(text(early)).isEqualTo(409);
        assertThat(text(early)).contains("check in");
        checkin(ann, run, t);

        HttpResponse<byte[]> created = upload(a, ann.token(), attachments(run, t), photo, "IMG_0001.jpg", "image/jpeg");
        assertThat(created.statusCode()).as(text(created)).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).isPresent();
        Map<String, Object> att = Http.json(text(created));
        assertThat(att)
                .containsEntry("contentType", "image/jpeg")
                .containsEntry("width", 800)
                .containsEntry("height", 600)
                .containsEntry("fileName", "IMG_0001.jpg")
                .containsEntry("date", t.toString())
                .containsKeys("id", "size", "url", "thumbnailUrl", "createdAt");
        String url = path(att.get("url"));
        String thumb = path(att.get("thumbnailUrl"));
        assertThat(url).startsWith("/api/v1/media/");

        // the file through its signed URL, with no bearer token: the same picture, without the GPS EXIF
        HttpResponse<byte[]> file = send(a, null, "GET", url, null, null);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(file.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(file.headers().firstValue("Content-Disposition")).contains("inline");
        assertThat(file.headers().firstValue("Cache-Control").orElse("")).matches("private, max-age=\\d+");
        long maxAge = Long.parseLong(
                file.headers().firstValue("Cache-Control").orElseThrow().replaceAll("\\D", ""));
        assertThat(maxAge).isBetween(60L, 660L);
        assertThat(file.body()[0] & 0xFF).isEqualTo(0xFF);
        assertThat(file.body()[1] & 0xFF).isEqualTo(0xD8);
        assertThat(contains(file.body(), SECRET)).as("no GPS, no description").isFalse();
        assertThat(contains(file.body(), "Exif")).as("no EXIF block").isFalse();
        assertThat(((Number) att.get("size")).longValue()).isEqualTo(file.body().length);
        assertThat(ImageIO.read(new ByteArrayInputStream(file.body())).getWidth())
                .isEqualTo(800);
        HttpResponse<byte[]> thumbnail = send(a, null, "GET", thumb, null, null);
        assertThat(thumbnail.statusCode()).isEqualTo(200);
        assertThat(thumbnail.headers().firstValue("Content-Type")).contains("image/jpeg");
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumbnail.body()));
        assertThat(small.getWidth()).isEqualTo(320);
        assertThat(small.getHeight()).isEqualTo(240);

        List<Map<String, Object>> listed = list(a.as(ann.token(), "GET", attachments(run, t), null));
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0)).containsEntry("id", att.get("id"));

        // the type is told from the bytes: a PDF named .jpg and sent as image/jpeg is refused
        byte[] pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<byte[]> notAnImage = upload(a, ann.token(), attachments(run, t), pdf, "holiday.jpg", "image/jpeg");
        assertThat(notAnImage.statusCode()).as(text(notAnImage)).isEqualTo(415);
        assertThat(notAnImage.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(text(notAnImage)).contains("image/jpeg, image/png, image/webp, image/heic");
        HttpResponse<byte[]> raw = send(a, ann.token(), "POST", attachments(run, t), pdf, "image/jpeg");
        assertThat(raw.statusCode()).as(text(raw)).isEqualTo(415);

        // a raw body works as well as a form; five a day
        HttpResponse<byte[]> png =
                send(a, ann.token(), "POST", attachments(run, t), encode("png", 300, 200), "image/png");
        assertThat(png.statusCode()).as(text(png)).isEqualTo(201);
        assertThat(Http.json(text(png)))
                .containsEntry("contentType", "image/png")
                .containsEntry("fileName", null);
        for (int i = 0; i < 3; i++) {
            uploadJpeg(a, ann.token(), run, t);
        }
        HttpResponse<byte[]> sixth = send(a, ann.token(), "POST", attachments(run, t), jpeg(20, 20), "image/jpeg");
        assertThat(sixth.statusCode()).as(text(sixth)).isEqualTo(422);
        assertThat(text(sixth)).contains("limit-reached");
        assertThat(list(a.as(ann.token(), "GET", attachments(run, t), null))).hasSize(5);

        // more than 10 MB: 413, and nothing kept
        LocalDate yesterday = t.minusDays(1);
        checkin(ann, run, yesterday);
        byte[] huge = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(photo, 0, huge, 0, photo.length);
        HttpResponse<byte[]> tooLarge = send(a, ann.token(), "POST", attachments(run, yesterday), huge, "image/jpeg");
        assertThat(tooLarge.statusCode()).as(text(tooLarge)).isEqualTo(413);
        assertThat(text(tooLarge)).contains("10 MB");
        HttpResponse<byte[]> tooLargeForm =
                upload(a, ann.token(), attachments(run, yesterday), huge, "big.jpg", "image/jpeg");
        assertThat(tooLargeForm.statusCode()).as(text(tooLargeForm)).isEqualTo(413);
        assertThat(list(a.as(ann.token(), "GET", attachments(run, yesterday), null)))
                .isEmpty();

        // who sees them: the referee always; a partner only once shared; a stranger never
        String shared = "/api/v1/partners/" + ann.userId() + "/habits/" + run + "/checkins/" + t + "/attachments";
        assertThat(list(a.as(rita.token(), "GET", shared, null))).hasSize(5);
        assertThat(a.as(bob.token(), "GET", shared, null).statusCode()).isEqualTo(404);
        assertThat(a.as(eve.token(), "GET", shared, null).statusCode()).isEqualTo(404);
        assertThat(a.as(eve.token(), "GET", attachments(run, t), null).statusCode())
                .isEqualTo(404);
        assertThat(send(a, eve.token(), "POST", attachments(run, t), jpeg(20, 20), "image/jpeg")
                        .statusCode())
                .isEqualTo(404);
        assertThat(a.as(eve.token(), "DELETE", attachments(run, t) + "/" + att.get("id"), null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(Http.json(a.as(ann.token(), "GET", "/api/v1/habits/" + run + "/attachment-sharing", null)))
                .containsEntry("shareAttachments", false);
        IdentityApiIT.assertField(
                a.as(
                        ann.token(),
                        "PUT",
                        "/api/v1/habits/" + run + "/attachment-sharing",
                        "{\"shareAttachments\":\"yes\"}"),
                "shareAttachments");
        assertThat(a.as(
                                eve.token(),
                                "PUT",
                                "/api/v1/habits/" + run + "/attachment-sharing",
                                "{\"shareAttachments\":true}")
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<String> share = a.as(
                ann.token(), "PUT", "/api/v1/habits/" + run + "/attachment-sharing", "{\"shareAttachments\":true}");
        assertThat(share.statusCode()).as(share.body()).isEqualTo(200);
        List<Map<String, Object>> bobSees = list(a.as(bob.token(), "GET", shared, null));
        assertThat(bobSees).hasSize(5);
        assertThat(send(a, null, "GET", path(bobSees.get(0).get("url")), null, null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(a.as(eve.token(), "GET", shared, null).statusCode())
                .as("still not a stranger")
                .isEqualTo(404);
        // a private habit shows nothing to partners, whatever its photo setting; its referee still sees them
        a.as(ann.token(), "PATCH", "/api/v1/habits/" + run, "{\"visibility\":\"private\"}");
        assertThat(a.as(bob.token(), "GET", shared, null).statusCode()).isEqualTo(404);
        assertThat(list(a.as(rita.token(), "GET", shared, null))).hasSize(5);

        // signed URLs: altered, expired, made up — 404 problems, never 500
        char last = url.charAt(url.length() - 1);
        String altered = url.substring(0, url.length() - 1) + (last == 'A' ? 'B' : 'A');
        HttpResponse<byte[]> bad = send(a, null, "GET", altered, null, null);
        assertThat(bad.statusCode()).isEqualTo(404);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        String key = keyOf(url);
        Instant now = ServerTime.now(a);
        assertThat(send(a, null, "GET", "/api/v1/media/" + token(key, now.getEpochSecond() + 300), null, null)
                        .statusCode())
                .as("a token signed with the cluster's secret works")
                .isEqualTo(200);
        assertThat(send(a, null, "GET", "/api/v1/media/" + token(key, now.getEpochSecond() - 1), null, null)
                        .statusCode())
                .as("expired")
                .isEqualTo(404);
        assertThat(send(
                                a,
                                null,
                                "GET",
                                "/api/v1/media/" + token("../../etc/passwd", now.getEpochSecond() + 300),
                                null,
                                null)
                        .statusCode())
                .isEqualTo(404);
        for (String junk : new String[] {"x", "a.b", "....", "eA.eA", "x".repeat(700)}) {
            assertThat(send(a, null, "GET", "/api/v1/media/" + junk, null, null).statusCode())
                    .as(junk)
                    .isEqualTo(404);
        }

        // a deleted photo stops answering at once
        String firstId = att.get("id").toString();
        assertThat(a.as(ann.token(), "DELETE", attachments(run, t) + "/" + firstId, null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(send(a, null, "GET", url, null, null).statusCode()).isEqualTo(404);
        assertThat(send(a, null, "GET", thumb, null, null).statusCode()).isEqualTo(404);
        assertThat(a.as(ann.token(), "DELETE", attachments(run, t) + "/" + firstId, null)
                        .statusCode())
                .isEqualTo(404);
        List<Map<String, Object>> four = list(a.as(ann.token(), "GET", attachments(run, t), null));
        assertThat(four).hasSize(4);

        // a cleared check-in takes its day's photos (after the commit, through the outbox)
        String another = path(four.get(0).get("url"));
        assertThat(a.as(ann.token(), "DELETE", "/api/v1/habits/" + run + "/checkins/" + t, null)
                        .statusCode())
                .isEqualTo(204);
        HttpResponse<String> cleared = a.awaitAs(
                ann.token(),
                attachments(run, t),
                r -> r.statusCode() == 200 && r.body().equals("[]"),
                Duration.ofSeconds(20));
        assertThat(cleared.body()).isEqualTo("[]");
        assertThat(send(a, null, "GET", another, null, null).statusCode()).isEqualTo(404);

        // a deleted habit takes the rest
        String kept = uploadJpeg(a, ann.token(), run, yesterday);
        String keptUrl = path(Http.json(a.as(ann.token(), "GET", attachments(run, yesterday) + "/" + kept, null))
                .get("url"));
        assertThat(send(a, null, "GET", keptUrl, null, null).statusCode()).isEqualTo(200);
        assertThat(a.as(ann.token(), "DELETE", "/api/v1/habits/" + run, null).statusCode())
                .isEqualTo(204);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int status = 200;
        while (System.nanoTime() < deadline
                && (status = send(a, null, "GET", keptUrl, null, null).statusCode()) == 200) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        assertThat(status).isEqualTo(404);
        try (Connection c = TestPostgres.connect(dbUrl);
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT COUNT(*) FROM attachment WHERE habit_id = '" + run + "'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the habit's rows are gone").isZero();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anAvatarIsASquareThumbnailAndGoesWhenRemoved() throws IOException {
        IdentityApiIT.Account cat = register("cat");
        assertThat(a.as(cat.token(), "GET", "/api/v1/me/avatar", null).statusCode())
                .isEqualTo(404);
        HttpResponse<byte[]> put =
                send(a, cat.token(), "PUT", "/api/v1/me/avatar", encode("png", 600, 400), "image/png");
        assertThat(put.statusCode()).as(text(put)).isEqualTo(200);
        Map<String, Object> avatar = Http.json(text(put));
        assertThat(avatar).containsEntry("contentType", "image/png").containsEntry("width", 600);
        HttpResponse<byte[]> thumb = send(a, null, "GET", path(avatar.get("thumbnailUrl")), null, null);
        assertThat(thumb.statusCode()).isEqualTo(200);
        BufferedImage square = ImageIO.read(new ByteArrayInputStream(thumb.body()));
        assertThat(square.getWidth()).isEqualTo(square.getHeight()).isEqualTo(320);

        HttpResponse<byte[]> replaced =
                upload(a, cat.token(), "PUT", "/api/v1/me/avatar", jpegWithGps(200, 200), "me.jpg", "image/jpeg");
        assertThat(replaced.statusCode()).as(text(replaced)).isEqualTo(200);
        assertThat(send(a, null, "GET", path(avatar.get("url")), null, null).statusCode())
                .as("the old one is gone")
                .isEqualTo(404);
        String now = path(Http.json(text(replaced)).get("url"));
        HttpResponse<byte[]> file = send(a, null, "GET", now, null, null);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(contains(file.body(), SECRET)).isFalse();
        assertThat(Http.json(a.as(cat.token(), "GET", "/api/v1/me/avatar", null)))
                .containsEntry("contentType", "image/jpeg");
        HttpResponse<byte[]> pdf = send(a, cat.token(), "PUT", "/api/v1/me/avatar", "%PDF-1.4".getBytes(), "image/png");
        assertThat(pdf.statusCode()).isEqualTo(415);

        assertThat(a.as(cat.token(), "DELETE", "/api/v1/me/avatar", null).statusCode())
                .isEqualTo(204);
        assertThat(a.as(cat.token(), "GET", "/api/v1/me/avatar", null).statusCode())
                .isEqualTo(404);
        assertThat(send(a, null, "GET", now, null, null).statusCode()).isEqualTo(404);
    }
}
