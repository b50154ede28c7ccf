package io.steadfast.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * One layer of the image: a gzip-compressed tar of entries with the owner, mode and time chosen here (never the
 * build machine's), sorted by path, so that the same inputs give the same layer. Parent directories are added.
 */
public final class LayerBuilder {

    /** One entry of the layer. */
    sealed interface Entry permits Dir, File, Link {
        String path();
    }

    record Dir(String path, int uid, int gid, int mode) implements Entry {}

    record File(String path, Path source, byte[] content, int uid, int gid, int mode) implements Entry {}

    record Link(String path, String target) implements Entry {}

    /** What a written layer is: the digests of the compressed blob and of the tar (its diff id), and sizes. */
    public record Written(String name, Path blob, String digest, long size, String diffId) {}

    private final String name;
    private final TreeMap<String, Entry> entries = new TreeMap<>();

    public LayerBuilder(String name) {
        this.name = name;
    }

    /** A directory (and its parents, owned by root, 0755). */
    public LayerBuilder dir(String path, int uid, int gid, int mode) {
        String p = normalize(path);
        parents(p);
        entries.put(p, new Dir(p, uid, gid, mode));
        return this;
    }

    /** A file with the given content. */
    public LayerBuilder file(String path, byte[] content, int mode) {
        String p = normalize(path);
        parents(p);
        entries.put(p, new File(p, null, content, 0, 0, mode));
        return this;
    }

    /** A file copied from the build machine (its content; the links followed). */
    public LayerBuilder copy(String path, Path source, int mode) {
        String p = normalize(path);
        parents(p);
        entries.put(p, new File(p, source, null, 0, 0, mode));
        return this;
    }

    /** A symbolic link. */
    public LayerBuilder link(String path, String target) {
        String p = normalize(path);
        parents(p);
        entries.put(p, new Link(p, target));
        return this;
    }

    /**
     * A directory tree of the build machine under {@code path}: files keep whether they are executable (0755 or
     * 0644; whatever is in a {@code bin/} is), directories are 0755, links stay links; everything owned by root. {@code skip} leaves out a relative
     * path (and what is under it).
     */
    public LayerBuilder tree(String path, Path source, Predicate<String> skip) throws IOException {
        String root = normalize(path);
        dir(root, 0, 0, 0755);
        List<Path> all;
        try (Stream<Path> s = Files.walk(source)) {
            all = s.sorted(Comparator.naturalOrder()).toList();
        }
        List<String> skipped = new ArrayList<>();
        for (Path f : all) {
            if (f.equals(source)) {
                continue;
            }
            String rel = source.relativize(f).toString().replace('\\', '/');
            if (skipped.stream().anyMatch(s -> rel.startsWith(s + "/")) || skip.test(rel)) {
                skipped.add(rel);
                continue;
            }
            String target = root + "/" + rel;
            if (Files.isSymbolicLink(f)) {
                link(target, Files.readSymbolicLink(f).toString());
            } else if (Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)) {
                dir(target, 0, 0, 0755);
            } else {
                copy(target, f, executable(f) || rel.matches("(.*/)?bin/[^/]+") ? 0755 : 0644);
            }
        }
        return this;
    }

    /** The entries' paths, sorted. */
    public Set<String> paths() {
        return entries.keySet();
    }

    /** Writes the layer into {@code blobs} (a file named by its digest) and says what it is. */
    public Written write(Path blobs, Instant mtime) throws IOException {
        Files.createDirectories(blobs);
        Path tmp = Files.createTempFile(blobs, "layer-", ".tmp");
        MessageDigest tarDigest = sha256();
        MessageDigest blobDigest = sha256();
        try (OutputStream file = Files.newOutputStream(tmp);
                DigestOutputStream compressed = new DigestOutputStream(file, blobDigest);
                GZIPOutputStream gzip = new GZIPOutputStream(compressed, 1 << 16);
                DigestOutputStream plain = new DigestOutputStream(gzip, tarDigest);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(plain, "UTF-8")) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Entry e : entries.values()) {
                writeEntry(tar, e, mtime);
            }
            tar.finish();
        }
        String digest = "sha256:" + HexFormat.of().formatHex(blobDigest.digest());
        String diffId = "sha256:" + HexFormat.of().formatHex(tarDigest.digest());
        Path blob = blobs.resolve(digest.substring("sha256:".length()));
        Files.move(tmp, blob, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return new Written(name, blob, digest, Files.size(blob), diffId);
    }

    private static void writeEntry(TarArchiveOutputStream tar, Entry e, Instant mtime) throws IOException {
        // paths in a layer are relative to its root: "opt/java/bin/java"
        String name = e.path().substring(1);
        if (e instanceof Dir d) {
            TarArchiveEntry t = new TarArchiveEntry(name + "/", TarConstants.LF_DIR);
            owner(t, d.uid(), d.gid(), mtime);
            t.setMode(TarArchiveEntry.DEFAULT_DIR_MODE & ~07777 | d.mode());
            tar.putArchiveEntry(t);
            tar.closeArchiveEntry();
        } else if (e instanceof Link l) {
            TarArchiveEntry t = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
            owner(t, 0, 0, mtime);
            t.setLinkName(l.target());
            t.setMode(0120777);
            tar.putArchiveEntry(t);
            tar.closeArchiveEntry();
        } else if (e instanceof File f) {
            TarArchiveEntry t = new TarArchiveEntry(name, TarConstants.LF_NORMAL);
            owner(t, f.uid(), f.gid(), mtime);
            t.setMode(0100000 | f.mode());
            if (f.content() != null) {
                t.setSize(f.content().length);
                tar.putArchiveEntry(t);
                tar.write(f.content());
            } else {
                t.setSize(Files.size(f.source()));
                tar.putArchiveEntry(t);
                try (InputStream in = Files.newInputStream(f.source())) {
                    in.transferTo(tar);
                }
            }
            tar.closeArchiveEntry();
        }
    }

    private static void owner(TarArchiveEntry t, int uid, int gid, Instant mtime) {
        t.setUserId(uid);
        t.setGroupId(gid);
        t.setUserName(uid == 0 ? "root" : "");
        t.setGroupName(gid == 0 ? "root" : "");
        t.setModTime(mtime.toEpochMilli());
    }

    private void parents(String p) {
        int i = p.lastIndexOf('/');
        while (i > 0) {
            String parent = p.substring(0, i);
            entries.putIfAbsent(parent, new Dir(parent, 0, 0, 0755));
            i = parent.lastIndexOf('/');
        }
    }

    static String normalize(String path) {
        String p = path.startsWith("/") ? path : "/" + path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.contains("/../") || p.endsWith("/..") || p.contains("//")) {
            throw new IllegalArgumentException("Not a clean absolute path: " + path);
        }
        return p;
    }

    private static boolean executable(Path f) throws IOException {
        try {
            return Files.getPosixFilePermissions(f).contains(PosixFilePermission.OWNER_EXECUTE);
        } catch (UnsupportedOperationException e) {
            return Files.isExecutable(f);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
