package io.steadfast.image;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes an image archive that both {@code docker load} (its {@code manifest.json}) and OCI tools ({@code
 * oci-layout}, {@code index.json}; {@code skopeo copy oci-archive:}, {@code podman load}) read: one set of blobs
 * under {@code blobs/sha256/}, as Docker 25's {@code docker save} writes it.
 */
public final class ImageArchive {

    static final String MANIFEST_TYPE = "application/vnd.oci.image.manifest.v1+json";
    static final String INDEX_TYPE = "application/vnd.oci.image.index.v1+json";
    static final String CONFIG_TYPE = "application/vnd.oci.image.config.v1+json";
    static final String LAYER_TYPE = "application/vnd.oci.image.layer.v1.tar+gzip";

    /** The container's settings: what {@code docker inspect} shows under Config. */
    public record Settings(
            String user,
            List<String> env,
            List<String> entrypoint,
            List<String> cmd,
            String workingDir,
            List<String> exposedPorts,
            List<String> volumes,
            Map<String, String> labels,
            String stopSignal,
            Healthcheck healthcheck) {}

    /** Docker's HEALTHCHECK: the test, and its timings. */
    public record Healthcheck(
            List<String> test, Duration interval, Duration timeout, Duration startPeriod, int retries) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private ImageArchive() {}

    /** The image's configuration document (the image id is its digest). */
    static byte[] config(Settings s, List<LayerBuilder.Written> layers, Instant created) throws IOException {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("User", s.user());
        Map<String, Object> ports = new LinkedHashMap<>();
        s.exposedPorts().forEach(p -> ports.put(p, Map.of()));
        config.put("ExposedPorts", ports);
        config.put("Env", s.env());
        config.put("Entrypoint", s.entrypoint());
        if (s.cmd() != null) {
            config.put("Cmd", s.cmd());
        }
        Map<String, Object> volumes = new LinkedHashMap<>();
        s.volumes().forEach(v -> volumes.put(v, Map.of()));
        config.put("Volumes", volumes);
        config.put("WorkingDir", s.workingDir());
        config.put("Labels", s.labels());
        config.put("StopSignal", s.stopSignal());
        if (s.healthcheck() != null) {
            Healthcheck h = s.healthcheck();
            Map<String, Object> hc = new LinkedHashMap<>();
            hc.put("Test", h.test());
            hc.put("Interval", h.interval().toNanos());
            hc.put("Timeout", h.timeout().toNanos());
            hc.put("StartPeriod", h.startPeriod().toNanos());
            hc.put("Retries", h.retries());
            config.put("Healthcheck", hc);
        }
        List<Object> history = new ArrayList<>();
        List<String> diffIds = new ArrayList<>();
        for (LayerBuilder.Written l : layers) {
            diffIds.add(l.diffId());
            history.add(Map.of("created", created.toString(), "created_by", "steadfast-image-builder: " + l.name()));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("created", created.toString());
        doc.put("architecture", "amd64");
        doc.put("os", "linux");
        doc.put("config", config);
        doc.put("rootfs", Map.of("type", "layers", "diff_ids", diffIds));
        doc.put("history", history);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc);
    }

    /** Writes the archive: the layers (already written as blobs), their config, manifest, index. */
    public static void write(
            Path archive,
            String repository,
            String tag,
            Settings settings,
            List<LayerBuilder.Written> layers,
            Instant created)
            throws IOException {
        byte[] config = config(settings, layers, created);
        String configDigest = digest(config);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", MANIFEST_TYPE);
        manifest.put("config", descriptor(CONFIG_TYPE, configDigest, config.length));
        List<Object> layerDescriptors = new ArrayList<>();
        for (LayerBuilder.Written l : layers) {
            layerDescriptors.add(descriptor(LAYER_TYPE, l.digest(), l.size()));
        }
        manifest.put("layers", layerDescriptors);
        manifest.put("annotations", Map.of("org.opencontainers.image.created", created.toString()));
        byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
        String manifestDigest = digest(manifestBytes);

        Map<String, Object> manifestRef = descriptor(MANIFEST_TYPE, manifestDigest, manifestBytes.length);
        manifestRef.put(
                "annotations",
                Map.of(
                        "io.containerd.image.name",
                        "docker.io/library/" + repository + ":" + tag,
                        "org.opencontainers.image.ref.name",
                        tag));
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("schemaVersion", 2);
        index.put("mediaType", INDEX_TYPE);
        index.put("manifests", List.of(manifestRef));

        Map<String, Object> docker = new LinkedHashMap<>();
        docker.put("Config", blobPath(configDigest));
        docker.put("RepoTags", List.of(repository + ":" + tag));
        docker.put("Layers", layers.stream().map(l -> blobPath(l.digest())).toList());

        Files.createDirectories(archive.toAbsolutePath().getParent());
        Instant mtime = created;
        try (OutputStream out = Files.newOutputStream(archive);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(out, "UTF-8")) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            dir(tar, "blobs/", mtime);
            dir(tar, "blobs/sha256/", mtime);
            for (LayerBuilder.Written l : layers) {
                TarArchiveEntry e = entry(blobPath(l.digest()), Files.size(l.blob()), mtime);
                tar.putArchiveEntry(e);
                Files.copy(l.blob(), tar);
                tar.closeArchiveEntry();
            }
            bytes(tar, blobPath(configDigest), config, mtime);
            bytes(tar, blobPath(manifestDigest), manifestBytes, mtime);
            bytes(tar, "oci-layout", JSON.writeValueAsBytes(Map.of("imageLayoutVersion", "1.0.0")), mtime);
            bytes(tar, "index.json", JSON.writeValueAsBytes(index), mtime);
            bytes(tar, "manifest.json", JSON.writeValueAsBytes(List.of(docker)), mtime);
            tar.finish();
        }
    }

    private static Map<String, Object> descriptor(String type, String digest, long size) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("mediaType", type);
        d.put("digest", digest);
        d.put("size", size);
        return d;
    }

    static String blobPath(String digest) {
        return "blobs/sha256/" + digest.substring("sha256:".length());
    }

    static String digest(byte[] bytes) {
        MessageDigest d = LayerBuilder.sha256();
        return "sha256:" + HexFormat.of().formatHex(d.digest(bytes));
    }

    private static void dir(TarArchiveOutputStream tar, String name, Instant mtime) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setModTime(mtime.toEpochMilli());
        e.setMode(040755);
        tar.putArchiveEntry(e);
        tar.closeArchiveEntry();
    }

    private static TarArchiveEntry entry(String name, long size, Instant mtime) {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(size);
        e.setMode(0100644);
        e.setModTime(mtime.toEpochMilli());
        return e;
    }

    private static void bytes(TarArchiveOutputStream tar, String name, byte[] content, Instant mtime)
            throws IOException {
        tar.putArchiveEntry(entry(name, content.length, mtime));
        tar.write(content);
        tar.closeArchiveEntry();
    }
}
