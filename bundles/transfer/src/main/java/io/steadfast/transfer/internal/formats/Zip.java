package io.steadfast.transfer.internal.formats;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import io.steadfast.transfer.internal.archive.ImportLimits;
import io.steadfast.transfer.internal.archive.ImportRefused;

/**
 * An uploaded zip, read defensively. Its entries are known by name only: a name is a key to look an entry up, never
 * a path on this machine, and a name that would be an unsafe path elsewhere ({@code ../x}, {@code /etc/x},
 * {@code C:\x}, a backslash, a control character) is left out as if it were not there. More than
 * {@link ImportLimits#maxEntries()} entries refuse the file before any is read. Every byte unpacked, over all the
 * entries read, is counted as it is read (the sizes the zip declares are not trusted) and reading stops at
 * {@link ImportLimits#maxUnpacked()}: a zip bomb ends as a {@link ImportRefused#tooLarge}.
 */
final class Zip implements Closeable {

    /** The first bytes of a zip: a local file header, or the end record of an empty zip. */
    static final byte[] MAGIC = {'P', 'K', 3, 4};

    static final byte[] EMPTY_MAGIC = {'P', 'K', 5, 6};

    private final ZipFile file;
    private final Map<String, ZipEntry> entries;
    private final int ignored;
    private final long maxUnpacked;
    private long budget;

    private Zip(ZipFile file, Map<String, ZipEntry> entries, int ignored, long maxUnpacked) {
        this.file = file;
        this.entries = entries;
        this.ignored = ignored;
        this.maxUnpacked = maxUnpacked;
        this.budget = maxUnpacked;
    }

    /**
     * Opens a zip and reads its central directory.
     *
     * @throws ImportRefused more entries than the limit (413), or not a readable zip (422)
     * @throws IOException   the file could not be read from disk
     */
    static Zip open(Path path, ImportLimits limits) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile());
        } catch (ZipException e) {
            throw ImportRefused.unreadable("The zip file is damaged or incomplete and cannot be read.");
        }
        try {
            if (zip.size() > limits.maxEntries()) {
                throw ImportRefused.tooLarge(
                        "The zip file holds more than " + limits.maxEntries() + " files, more than can be imported.");
            }
            Map<String, ZipEntry> byName = new LinkedHashMap<>();
            int ignored = 0;
            try {
                var all = zip.entries();
                while (all.hasMoreElements()) {
                    ZipEntry e = all.nextElement();
                    if (e.isDirectory()) {
                        continue;
                    }
                    if (!safe(e.getName())) {
                        ignored++;
                    } else {
                        byName.putIfAbsent(e.getName(), e);
                    }
                }
            } catch (IllegalArgumentException e) { // a name that is not valid in the zip's encoding
                throw ImportRefused.unreadable("The zip file is damaged: the names of its files cannot be read.");
            }
            return new Zip(zip, Collections.unmodifiableMap(byName), ignored, limits.maxUnpacked());
        } catch (RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    /**
     * The names in a zip's central directory, for {@link io.steadfast.transfer.internal.archive.FileSniff}: all of
     * them, in the zip's order, safe or not (a reader looks names up; it never uses one as a path).
     */
    static List<String> names(Path path, ImportLimits limits) throws IOException {
        try (ZipFile zip = new ZipFile(path.toFile())) {
            if (zip.size() > limits.maxEntries()) {
                throw ImportRefused.tooLarge(
                        "The zip file holds more than " + limits.maxEntries() + " files, more than can be imported.");
            }
            List<String> names = new ArrayList<>(zip.size());
            var all = zip.entries();
            while (all.hasMoreElements()) {
                names.add(all.nextElement().getName());
            }
            return names;
        } catch (ZipException | IllegalArgumentException e) {
            throw ImportRefused.unreadable("The zip file is damaged or incomplete and cannot be read.");
        }
    }

    /**
     * Whether an entry name may be looked up: relative, forward slashes only, no {@code .} or {@code ..} segment, no
     * control character, no drive letter.
     */
    static boolean safe(String name) {
        if (name == null
                || name.isEmpty()
                || name.startsWith("/")
                || name.indexOf('\\') >= 0
                || name.indexOf(':') >= 0) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                return false;
            }
        }
        for (String segment : name.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                return false;
            }
        }
        return true;
    }

    /** The names of the safe files of the zip, in its order. */
    List<String> names() {
        return List.copyOf(entries.keySet());
    }

    boolean has(String name) {
        return entries.containsKey(name);
    }

    /** How many entries were left out for their names. */
    int ignored() {
        return ignored;
    }

    /**
     * The unpacked bytes of an entry, counted against the zip's budget as they are read; a damaged entry is a 422
     * when it is read.
     *
     * @throws ImportRefused no such entry (422)
     */
    InputStream open(String name) throws IOException {
        ZipEntry e = entries.get(name);
        if (e == null) {
            throw ImportRefused.unreadable("The zip file has no file '" + name + "'.");
        }
        InputStream in;
        try {
            in = file.getInputStream(e);
        } catch (ZipException ex) {
            throw ImportRefused.unreadable("The zip file is damaged: '" + name + "' cannot be unpacked.");
        }
        return new Counted(in, name);
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

    private final class Counted extends FilterInputStream {

        private final String name;

        Counted(InputStream in, String name) {
            super(in);
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = super.read(b, off, (int) Math.min(len, Math.max(1, Math.min(budget + 1, Integer.MAX_VALUE))));
            } catch (IOException e) { // ZipException, EOFException: the entry's data is damaged or cut off
                throw ImportRefused.unreadable("The zip file is damaged: '" + name + "' cannot be unpacked.");
            }
            if (n > 0) {
                budget -= n;
                if (budget < 0) {
                    throw ImportRefused.tooLarge("The zip file unpacks to more than " + Formats.megabytes(maxUnpacked)
                            + ", more than can be imported.");
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buffer = new byte[8192];
            long done = 0;
            while (done < n) {
                int r = read(buffer, 0, (int) Math.min(buffer.length, n - done));
                if (r < 0) {
                    break;
                }
                done += r;
            }
            return done;
        }
    }
}
