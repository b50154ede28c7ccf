package io.steadfast.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds Steadfast's container image archive without a container engine:
 *
 * <ol>
 *   <li>a Java runtime made by {@code jlink} from the build's JDK (only the modules Karaf and the bundles use);
 *   <li>the C library files that runtime needs, found with {@code ldd} on the build machine (Debian's glibc);
 *   <li>busybox (Debian's {@code busybox-static}: one static binary) for the shell that runs Karaf's scripts and
 *       {@code wget} for the health check;
 *   <li>{@code /etc/passwd} with the unprivileged user {@value SteadfastImage#UID}, {@code /tmp}, and the data
 *       volume {@code /data} owned by that user;
 *   <li>the distribution at {@code /opt/steadfast}, its Maven repository ({@code system/}) a layer of its own.
 * </ol>
 *
 * Usage: {@code ImageBuilder <distribution dir> <archive> <tag> [<created ISO instant>]}. Without busybox on the
 * build machine it says so and builds nothing (the image test then fails and says why).
 */
public final class ImageBuilder {

    private final Path distribution;
    private final Path archive;
    private final String tag;
    private final Instant created;
    private final Path javaHome;
    private final Path busybox;

    ImageBuilder(Path distribution, Path archive, String tag, Instant created, Path javaHome, Path busybox) {
        this.distribution = distribution;
        this.archive = archive;
        this.tag = tag;
        this.created = created;
        this.javaHome = javaHome;
        this.busybox = busybox;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: ImageBuilder <distribution dir> <archive> <tag> [<created>]");
        }
        if (Boolean.getBoolean("steadfast.image.skip")) {
            System.out.println("[image] steadfast.image.skip is set: no image is built");
            return;
        }
        Path busybox = Path.of(System.getProperty("steadfast.image.busybox", "/bin/busybox"));
        if (!Files.isExecutable(busybox)) {
            System.out.println("[image] WARNING: no " + busybox + " on this machine, so no container image is built "
                    + "(install Debian's busybox-static: apt-get install busybox-static)");
            return;
        }
        if (dynamic(busybox)) {
            System.out.println("[image] WARNING: " + busybox + " is linked dynamically (Debian's busybox, not "
                    + "busybox-static), so no container image is built (apt-get install busybox-static)");
            return;
        }
        Instant created = args.length > 3 && !args[3].isBlank() ? Instant.parse(args[3]) : Instant.EPOCH;
        Path javaHome = Path.of(System.getProperty("steadfast.image.jdk", System.getProperty("java.home")));
        long start = System.nanoTime();
        new ImageBuilder(Path.of(args[0]), Path.of(args[1]), args[2], created, javaHome, busybox).build();
        System.out.printf(
                "[image] %s (%d MB) in %d s%n",
                args[1], Files.size(Path.of(args[1])) >> 20, (System.nanoTime() - start) / 1_000_000_000L);
    }

    /** Whether a program loads shared libraries (ldd says what; a static one it refuses). */
    static boolean dynamic(Path program) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ldd", program.toString())
                .redirectErrorStream(true)
                .start();
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        return p.waitFor() == 0;
    }

    void build() throws IOException, InterruptedException {
        if (!Files.isDirectory(distribution.resolve("system"))) {
            throw new IOException("Not a Karaf distribution (no system/): " + distribution);
        }
        Path work = archive.toAbsolutePath().getParent().resolve("image-work");
        deleteTree(work);
        Files.createDirectories(work);
        Path runtime = work.resolve("java");
        jlink(runtime);
        Path blobs = work.resolve("blobs");

        LayerBuilder base = new LayerBuilder("base: C library, busybox, users, /data");
        Set<String> missing = new TreeSet<>();
        for (Path lib : NativeLibraries.needed(runtime, missing)) {
            base.copy(lib.toString(), lib, 0755);
        }
        if (!missing.isEmpty()) {
            System.out.println("[image] WARNING: libraries not found on this machine: " + missing);
        }
        base.copy("/bin/busybox", busybox, 0755);
        for (String applet : applets()) {
            if (!applet.equals("busybox")) {
                base.link("/bin/" + applet, "busybox");
            }
        }
        base.link("/usr/bin/env", "/bin/busybox");
        base.file("/etc/passwd", SteadfastImage.passwd().getBytes(StandardCharsets.UTF_8), 0644);
        base.file("/etc/group", SteadfastImage.group().getBytes(StandardCharsets.UTF_8), 0644);
        base.file("/etc/nsswitch.conf", "passwd: files\ngroup: files\nhosts: files dns\n".getBytes(), 0644);
        base.file("/etc/hosts", "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n".getBytes(), 0644);
        for (String mountPoint : List.of("/proc", "/sys", "/dev", "/run")) {
            base.dir(mountPoint, 0, 0, 0755);
        }
        base.dir("/tmp", 0, 0, 01777);
        base.dir("/root", 0, 0, 0700);
        base.dir(SteadfastImage.DATA, SteadfastImage.UID, SteadfastImage.UID, 0750);
        base.dir(SteadfastImage.MEDIA, SteadfastImage.UID, SteadfastImage.UID, 0750);

        LayerBuilder java =
                new LayerBuilder("java: jlink'ed runtime").tree(SteadfastImage.JAVA_HOME, runtime, p -> false);
        LayerBuilder system = new LayerBuilder("steadfast: bundles (system/)")
                .tree(SteadfastImage.HOME + "/system", distribution.resolve("system"), p -> false);
        LayerBuilder app = new LayerBuilder("steadfast: scripts, configuration, boot libraries")
                .tree(SteadfastImage.HOME, distribution, ImageBuilder::notInImage);

        List<LayerBuilder.Written> layers = new ArrayList<>();
        for (LayerBuilder l : List.of(base, java, system, app)) {
            layers.add(l.write(blobs, created));
        }
        ImageArchive.write(archive, SteadfastImage.REPOSITORY, tag, SteadfastImage.settings(tag), layers, created);
        deleteTree(work);
    }

    /** What the distribution holds that the image does not: a run's state and the bundles' own layer. */
    static boolean notInImage(String relative) {
        String top = relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : relative;
        return Set.of("system", "data", "instances", "lock").contains(top) || relative.endsWith(".log");
    }

    private void jlink(Path output) throws IOException {
        ToolProvider jlink = ToolProvider.findFirst("jlink")
                .orElseThrow(() -> new IOException("jlink is not in this JDK (" + javaHome + ")"));
        Path jmods = javaHome.resolve("jmods");
        if (!Files.isDirectory(jmods)) {
            throw new IOException("No jmods in " + javaHome + " (Debian: apt-get install openjdk-17-jdk-headless)");
        }
        StringWriter out = new StringWriter();
        int rc = jlink.run(
                new PrintWriter(out),
                new PrintWriter(out),
                "--module-path",
                jmods.toString(),
                "--add-modules",
                String.join(",", SteadfastImage.MODULES),
                "--strip-debug",
                "--no-header-files",
                "--no-man-pages",
                "--compress=2",
                "--output",
                output.toString());
        if (rc != 0) {
            throw new IOException("jlink failed (" + rc + "): " + out);
        }
        // Debian's JDK links its CA certificates to /etc/ssl/certs/java/cacerts; the image has no /etc/ssl
        Path cacerts = output.resolve("lib/security/cacerts");
        Path host = javaHome.resolve("lib/security/cacerts");
        if ((!Files.isRegularFile(cacerts) || Files.isSymbolicLink(cacerts)) && Files.isReadable(host)) {
            Files.deleteIfExists(cacerts);
            Files.copy(host.toRealPath(), cacerts);
        }
    }

    private List<String> applets() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(busybox.toString(), "--list")
                .redirectErrorStream(true)
                .start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        if (p.waitFor() != 0) {
            throw new IOException(busybox + " --list failed: " + out);
        }
        List<String> names = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.matches("[a-z0-9_.\\[\\]-]+") && !line.contains("/")) {
                names.add(line.trim());
            }
        }
        return names;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Finds the shared libraries a runtime's executables and libraries load, with {@code ldd}. */
    static final class NativeLibraries {

        private static final Pattern RESOLVED = Pattern.compile("^\\s*(\\S+) => (/\\S+) \\(0x");
        private static final Pattern LOADER = Pattern.compile("^\\s*(/\\S+) \\(0x");
        private static final Pattern MISSING = Pattern.compile("^\\s*(\\S+) => not found");

        /**
         * The runtime's libraries for a screen, sound and drawing text, which a server never loads; the C libraries
         * only they need (X11, ALSA, FreeType, HarfBuzz…) stay out of the image. Image decoding (libawt,
         * libjavajpeg, liblcms, libmlib_image) stays in.
         */
        static final Set<String> DESKTOP =
                Set.of("libawt_xawt.so", "libjawt.so", "libsplashscreen.so", "libjsound.so", "libfontmanager.so");

        private NativeLibraries() {}

        static Set<Path> needed(Path runtime, Set<String> missing) throws IOException, InterruptedException {
            List<Path> elves = new ArrayList<>();
            try (Stream<Path> s = Files.walk(runtime)) {
                s.filter(Files::isRegularFile)
                        .filter(p -> !DESKTOP.contains(p.getFileName().toString()))
                        .filter(p -> p.toString().endsWith(".so")
                                || p.getParent().getFileName().toString().equals("bin")
                                || p.getFileName().toString().equals("jspawnhelper"))
                        .forEach(elves::add);
            }
            Set<Path> libs = new TreeSet<>();
            Map<String, String> missingBy = new LinkedHashMap<>();
            for (Path elf : elves) {
                Process p = new ProcessBuilder("ldd", elf.toString())
                        .redirectErrorStream(true)
                        .start();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                p.getInputStream().transferTo(out);
                p.waitFor();
                for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
                    Matcher m = RESOLVED.matcher(line);
                    Matcher l = LOADER.matcher(line);
                    Matcher x = MISSING.matcher(line);
                    if (m.find()) {
                        Path lib = Path.of(m.group(2));
                        if (!lib.normalize().startsWith(runtime.normalize())
                                && !lib.toRealPath().startsWith(runtime.toRealPath())) {
                            libs.add(lib.normalize());
                        }
                    } else if (l.find()) {
                        libs.add(Path.of(l.group(1)).normalize());
                    } else if (x.find()) {
                        missingBy.put(x.group(1), runtime.relativize(elf).toString());
                    }
                }
            }
            Set<String> own = new TreeSet<>();
            try (Stream<Path> s = Files.walk(runtime)) {
                s.forEach(p -> own.add(p.getFileName().toString()));
            }
            // the JVM's own libraries (libjvm.so) are found at run time: the JVM has loaded them already
            missingBy.forEach((lib, by) -> {
                if (!own.contains(lib)) {
                    missing.add(lib + " (" + by + ")");
                }
            });
            return libs;
        }
    }
}
