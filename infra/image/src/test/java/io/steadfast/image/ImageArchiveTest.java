package io.steadfast.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

class ImageArchiveTest {

    private static final Instant CREATED = Instant.parse("2026-12-02T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aLayerHoldsItsEntriesWithTheChosenOwnersModesAndTimeAndItsParents() throws Exception {
        Path source = Files.writeString(dir.resolve("hello.sh"), "#!/bin/sh\necho hi\n");
        LayerBuilder.Written w = new LayerBuilder("test")
                .copy("/opt/app/bin/hello", source, 0755)
                .file("/etc/passwd", "root:x:0:0::/:/bin/false\n".getBytes(), 0644)
                .link("/bin/sh", "busybox")
                .dir("/data", 10001, 10001, 0750)
                .write(dir.resolve("blobs"), CREATED);

        Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
        MessageDigest plain = MessageDigest.getInstance("SHA-256");
        byte[] blob = Files.readAllBytes(w.blob());
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new java.security.DigestInputStream(
                new GZIPInputStream(new java.io.ByteArrayInputStream(blob)), plain))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                entries.put(e.getName(), e);
            }
            tar.transferTo(java.io.OutputStream.nullOutputStream());
        }
        assertThat(entries.keySet())
                .containsExactly(
                        "bin/",
                        "bin/sh",
                        "data/",
                        "etc/",
                        "etc/passwd",
                        "opt/",
                        "opt/app/",
                        "opt/app/bin/",
                        "opt/app/bin/hello");
        assertThat(entries.get("data/").getLongUserId()).isEqualTo(10001);
        assertThat(entries.get("data/").getMode() & 07777).isEqualTo(0750);
        assertThat(entries.get("opt/app/bin/hello").getMode() & 07777).isEqualTo(0755);
        assertThat(entries.get("opt/app/bin/hello").getLongUserId()).isZero();
        assertThat(entries.get("bin/sh").getLinkName()).isEqualTo("busybox");
        assertThat(entries.get("etc/passwd").getModTime().toInstant()).isEqualTo(CREATED);
        assertThat(w.digest())
                .isEqualTo("sha256:" + hex(MessageDigest.getInstance("SHA-256").digest(blob)));
        assertThat(w.diffId()).isEqualTo("sha256:" + hex(plain.digest()));
        assertThat(w.blob().getFileName().toString()).isEqualTo(w.digest().substring(7));
    }

    @Test
    void theSameInputsGiveTheSameLayer() throws Exception {
        LayerBuilder.Written a =
                new LayerBuilder("a").file("/x", new byte[] {1, 2}, 0644).write(dir.resolve("a"), CREATED);
        LayerBuilder.Written b =
                new LayerBuilder("b").file("/x", new byte[] {1, 2}, 0644).write(dir.resolve("b"), CREATED);
        assertThat(a.digest()).isEqualTo(b.digest());
    }

    @Test
    void pathsMustBeClean() {
        assertThatThrownBy(() -> new LayerBuilder("x").file("/opt/../etc/shadow", new byte[0], 0600))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theArchiveIsWhatDockerLoadAndOciToolsRead() throws Exception {
        LayerBuilder.Written layer =
                new LayerBuilder("one").file("/hello", "hi".getBytes(), 0644).write(dir.resolve("blobs"), CREATED);
        Path archive = dir.resolve("image.tar");
        ImageArchive.write(archive, "steadfast", "1.0", SteadfastImage.settings("1.0"), List.of(layer), CREATED);

        Map<String, byte[]> files = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(archive);
                TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                if (!e.isDirectory()) {
                    files.put(e.getName(), tar.readAllBytes());
                }
            }
        }
        ObjectMapper json = new ObjectMapper();
        List<Map<String, Object>> manifest = json.readValue(files.get("manifest.json"), List.class);
        assertThat(manifest.get(0).get("RepoTags")).isEqualTo(List.of("steadfast:1.0"));
        String configPath = (String) manifest.get(0).get("Config");
        byte[] config = files.get(configPath);
        assertThat(ImageArchive.digest(config)).isEqualTo("sha256:" + configPath.substring("blobs/sha256/".length()));
        Map<String, Object> c = json.readValue(config, Map.class);
        assertThat(((Map<String, Object>) c.get("rootfs")).get("diff_ids")).isEqualTo(List.of(layer.diffId()));
        Map<String, Object> cc = (Map<String, Object>) c.get("config");
        assertThat(cc.get("User")).isEqualTo("10001:10001");
        assertThat(((Map<String, Object>) cc.get("Healthcheck")).get("Test"))
                .isEqualTo(List.of("CMD-SHELL", SteadfastImage.HEALTHCHECK));

        Map<String, Object> index = json.readValue(files.get("index.json"), Map.class);
        Map<String, Object> ref = ((List<Map<String, Object>>) index.get("manifests")).get(0);
        byte[] ociManifest = files.get(ImageArchive.blobPath((String) ref.get("digest")));
        assertThat(ImageArchive.digest(ociManifest)).isEqualTo(ref.get("digest"));
        assertThat(((Number) ref.get("size")).intValue()).isEqualTo(ociManifest.length);
        Map<String, Object> m = json.readValue(ociManifest, Map.class);
        Map<String, Object> l = ((List<Map<String, Object>>) m.get("layers")).get(0);
        assertThat(l.get("digest")).isEqualTo(layer.digest());
        assertThat(files.get(ImageArchive.blobPath(layer.digest()))).hasSize((int) layer.size());
        assertThat(json.readValue(files.get("oci-layout"), Map.class)).containsEntry("imageLayoutVersion", "1.0.0");
    }

    @Test
    void theDistributionsRunStateStaysOut() {
        assertThat(ImageBuilder.notInImage("data/cache/x")).isTrue();
        assertThat(ImageBuilder.notInImage("instances")).isTrue();
        assertThat(ImageBuilder.notInImage("system/org/x.jar")).isTrue();
        assertThat(ImageBuilder.notInImage("etc/config.properties")).isFalse();
        assertThat(ImageBuilder.notInImage("bin/karaf")).isFalse();
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
