package io.steadfast.checks.manifests;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs the command line tools the checks use (docker-compose, kubectl, haproxy), each bounded in time. */
final class Commands {

    record Result(int exitCode, String stdout, String stderr) {}

    private Commands() {}

    /** The executable on the PATH, if there is one. */
    static Optional<Path> find(String name) {
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Runs the command in the directory with only the given environment (plus PATH, HOME and LANG), so that
     * nothing of the build's environment changes what the tool sees.
     */
    static Result run(Path dir, Map<String, String> env, List<String> command)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> e = pb.environment();
        Map<String, String> keep = Map.of(
                "PATH", System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"),
                "HOME", System.getProperty("java.io.tmpdir"),
                "LANG", "C.UTF-8");
        e.clear();
        e.putAll(keep);
        e.putAll(env);
        Path out = Files.createTempFile("checks-out", ".txt");
        Path err = Files.createTempFile("checks-err", ".txt");
        try {
            pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out after 120 s: " + String.join(" ", command));
            }
            return new Result(
                    p.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
