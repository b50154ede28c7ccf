package io.steadfast.media.internal.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.steadfast.api.media.MediaStore;
import io.steadfast.media.internal.domain.MediaKeys;

/**
 * The media store of a node without object storage: files under {@code ${karaf.data}/media} (or the configured
 * directory), one file per key, its content type in a sidecar file next to it ({@code <name>#type}: {@code #} is no
 * key character, so no key can name a sidecar). A file is written under a temporary name in its directory and moved
 * into place atomically, so a reader sees the whole file or none. Keys outside {@code [A-Za-z0-9/_.-]}, with
 * {@code ..} or absolute are refused. Ranking 0: an S3 store (ranking 100) replaces it when configured. In a cluster
 * the directory must be shared by every node (or use S3): {@value #ENV} names it, before the configuration (a
 * container mounts one volume into every node there).
 */
@Component(
        service = MediaStore.class,
        configurationPid = MediaConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = {MediaStore.KIND + "=filesystem", Constants.SERVICE_RANKING + ":Integer=0"})
public class FileSystemMediaStore implements MediaStore {

    /** The environment variable of the directory; it wins over {@code filesystem.directory}. */
    public static final String ENV = "STEADFAST_MEDIA_DIR";

    private static final Logger LOG = LoggerFactory.getLogger(FileSystemMediaStore.class);
    private static final String TYPE_SUFFIX = "#type";
    private static final String TEMP_PREFIX = "#tmp-";

    private volatile Path root;

    @Activate
    public FileSystemMediaStore(MediaConfig config) {
        configure(config);
    }

    /** A store under {@code root} (tests). */
    public FileSystemMediaStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Modified
    void configure(MediaConfig config) {
        String env = System.getenv(ENV);
        String dir = env != null && !env.isBlank()
                ? env.trim()
                : config.filesystem_directory().trim();
        Path p = dir.isEmpty() ? Path.of(System.getProperty("karaf.data", "data"), "media") : Path.of(dir);
        this.root = p.toAbsolutePath().normalize();
        LOG.debug("Media files are kept in {}", root);
    }

    /** The directory the files are in. */
    public Path root() {
        return root;
    }

    @Override
    public String kind() {
        return "filesystem";
    }

    private Path file(String key) {
        MediaKeys.require(key);
        Path r = root;
        Path p = r.resolve(key).normalize();
        if (!p.startsWith(r) || p.equals(r)) {
            throw new IllegalArgumentException("not a media key");
        }
        return p;
    }

    @Override
    public void put(String key, InputStream data, long size, String contentType) throws IOException {
        Path target = file(key);
        if (key.endsWith("/")) {
            throw new IllegalArgumentException("a media key names a file, not a folder");
        }
        Files.createDirectories(target.getParent());
        Path type = target.resolveSibling(target.getFileName() + TYPE_SUFFIX);
        write(
                type,
                out -> out.write((contentType == null ? "application/octet-stream" : contentType)
                        .getBytes(StandardCharsets.UTF_8)));
        write(target, data::transferTo);
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static void write(Path target, Writer writer) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), TEMP_PREFIX, ".part");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                writer.write(out);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public Optional<Blob> get(String key) throws IOException {
        Path f = file(key);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        String type;
        try {
            type = Files.readString(f.resolveSibling(f.getFileName() + TYPE_SUFFIX), StandardCharsets.UTF_8)
                    .trim();
        } catch (NoSuchFileException e) {
            type = "application/octet-stream";
        }
        InputStream in;
        long size;
        try {
            in = Files.newInputStream(f);
            size = Files.size(f);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        String contentType = type;
        return Optional.of(new Blob() {
            @Override
            public InputStream stream() {
                return in;
            }

            @Override
            public long size() {
                return size;
            }

            @Override
            public String contentType() {
                return contentType;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        });
    }

    @Override
    public void delete(String key) throws IOException {
        Path f = file(key);
        Files.deleteIfExists(f);
        Files.deleteIfExists(f.resolveSibling(f.getFileName() + TYPE_SUFFIX));
        prune(f.getParent());
    }

    @Override
    public void deletePrefix(String prefix) throws IOException {
        if (!prefix.endsWith("/")) {
            throw new IllegalArgumentException("a prefix ends with /");
        }
        Path dir = file(prefix.substring(0, prefix.length() - 1));
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    try {
                        Files.deleteIfExists(p);
                    } catch (DirectoryNotEmptyException e) {
                        // a file written into it meanwhile: it stays
                    }
                }
            }
        }
        prune(dir.getParent());
    }

    /** Removes empty folders from {@code dir} up to (not including) the root. */
    private void prune(Path dir) {
        Path r = root;
        Path d = dir;
        while (d != null && d.startsWith(r) && !d.equals(r)) {
            try {
                Files.deleteIfExists(d);
            } catch (IOException e) {
                return; // not empty (or not ours to delete): done
            }
            d = d.getParent();
        }
    }
}
