package io.steadfast.itest;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The logs of the nodes an integration run starts, kept after their homes are deleted: a node's {@code data/log}
 * (karaf.log, security.log, access.log) and its {@code console.log} go to {@code target/node-logs/<home's name>/}
 * when its home is removed — test cluster copies ({@code target/cluster-*}) by the next cluster of the run, Pax Exam
 * homes ({@code target/exam/*}) when the test JVM exits. {@code LogSecretsIT} reads them all at the end of the run;
 * the build empties {@code target/node-logs} before the run (assembly/pom.xml).
 */
final class NodeLogs {

    private NodeLogs() {}

    /** Where the logs are kept. */
    static Path dir() {
        return Path.of("target", "node-logs").toAbsolutePath();
    }

    /** Pax Exam's unpack directory ({@link Distribution}). */
    static Path examDir() {
        return Path.of("target", "exam").toAbsolutePath();
    }

    /** Moves a stopped node's logs out of its home (into {@link #dir()}{@code /name}), if it has any. */
    static void keep(Path home, String name) {
        try {
            Path log = home.resolve("data/log");
            Path console = home.resolve("console.log");
            if (!Files.isDirectory(log) && !Files.isRegularFile(console)) {
                return;
            }
            Path dest = dir().resolve(name);
            for (int i = 2; Files.exists(dest); i++) {
                dest = dir().resolve(name + "-" + i);
            }
            Files.createDirectories(dest);
            if (Files.isDirectory(log)) {
                try (Stream<Path> files = Files.list(log)) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        Files.move(f, dest.resolve(f.getFileName()));
                    }
                }
            }
            if (Files.isRegularFile(console)) {
                Files.move(console, dest.resolve("console.log"));
            }
        } catch (IOException e) {
            System.err.println("[node-logs] could not keep the logs of " + home + ": " + e);
        }
    }

    /** Whether a Karaf runs in this home now (it holds the home's {@code lock} file). */
    static boolean running(Path home) {
        Path lock = home.resolve("lock");
        if (!Files.isRegularFile(lock)) {
            return false;
        }
        try (RandomAccessFile file = new RandomAccessFile(lock.toFile(), "rw");
                FileChannel channel = file.getChannel()) {
            FileLock held = channel.tryLock();
            if (held == null) {
                return true;
            }
            held.release();
            return false;
        } catch (OverlappingFileLockException | IOException e) {
            return true;
        }
    }

    /**
     * Keeps the logs of every Pax Exam home whose Karaf has stopped and deletes the home (Pax Exam would have deleted
     * it, logs and all; {@link Distribution} asks it to keep them).
     */
    static synchronized void keepExamHomes() {
        Path exam = examDir();
        if (!Files.isDirectory(exam)) {
            return;
        }
        List<Path> runs = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(exam)) {
            dirs.filter(Files::isDirectory).forEach(runs::add);
        } catch (IOException e) {
            return;
        }
        for (Path run : runs) {
            List<Path> homes = homesIn(run);
            if (homes.stream().anyMatch(NodeLogs::running)) {
                continue;
            }
            for (Path home : homes) {
                keep(home, "exam-" + run.getFileName());
            }
            deleteTree(run);
        }
    }

    /** The Karaf homes in a Pax Exam run directory (the home is the run directory or one level below). */
    private static List<Path> homesIn(Path run) {
        try (Stream<Path> found =
                Files.find(run, 2, (p, a) -> a.isDirectory() && Files.isDirectory(p.resolve("etc")))) {
            return found.toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }
}
