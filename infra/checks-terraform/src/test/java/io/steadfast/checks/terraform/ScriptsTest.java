package io.steadfast.checks.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * The pipeline's scripts, run for real against a small HTTP server on 127.0.0.1 (the health check and the
 * notification), and their refusals of wrong arguments (the scripts that need AWS stop before reaching it).
 */
class ScriptsTest {

    private static final Path ROOT = Terraform.load().repository();
    private static final Path SCRIPTS = ROOT.resolve("infra/scripts");

    private HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();

    record Result(int exit, String out, String err) {}

    /** Answers the n-th request (from 1) with the status the function gives. */
    private String serve(IntUnaryOperator status) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                bodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            int code = status.applyAsInt(requests.incrementAndGet());
            byte[] body = ("{\"status\":" + (code == 200 ? "\"healthy\"" : "\"unhealthy\"") + "}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(code, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static Result run(Map<String, String> env, String script, String... args)
            throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of("bash", SCRIPTS.resolve(script).toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile());
        pb.environment().remove("SLACK_WEBHOOK_URL");
        pb.environment().putAll(env);
        Path out = Files.createTempFile("script", ".out");
        Path err = Files.createTempFile("script", ".err");
        try {
            Process p =
                    pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(script + " finished").isTrue();
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void theHealthCheckWaitsThroughStartingAndSucceedsAtTheFirst200() throws Exception {
        String base = serve(n -> n <= 2 ? 503 : 200);
        Result r = run(Map.of(), "check-health.sh", base + "/health/ready", "5", "0");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(requests.get()).isEqualTo(3);
        assertThat(r.out())
                .contains("answered 503")
                .contains("200 after 3 attempt(s)")
                .contains("healthy");
    }

    @Test
    void theHealthCheckFailsWhenTheNodeNeverBecomesReady() throws Exception {
        String base = serve(n -> 503);
        Result r = run(Map.of(), "check-health.sh", base + "/health/ready", "3", "0");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(requests.get()).isEqualTo(3);
        assertThat(r.err()).contains("never answered 200").contains("503");
    }

    @Test
    void theHealthCheckRetriesARefusedConnection() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Result r = run(Map.of(), "check-health.sh", "http://127.0.0.1:" + port + "/health/ready", "2", "0");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("attempt 1 of 2 answered 000").contains("attempt 2 of 2");
    }

    @Test
    void theNotificationPostsToTheWebhookAndNeverFailsTheRun() throws Exception {
        String base = serve(n -> n == 1 ? 200 : 500);
        Result ok = run(Map.of("SLACK_WEBHOOK_URL", base + "/hook"), "notify.sh", "failure", "abc123: staging failure");
        assertThat(ok.exit()).isZero();
        assertThat(bodies).hasSize(1);
        assertThat(bodies.get(0)).isEqualTo("{\"text\":\":x: Steadfast delivery failure: abc123: staging failure\"}");
        // the webhook refuses (and curl retries): reported, not fatal
        Result refused = run(Map.of("SLACK_WEBHOOK_URL", base + "/hook"), "notify.sh", "success", "all green");
        assertThat(refused.exit()).isZero();
        assertThat(refused.err()).contains("did not take the message");
        // no webhook: printed only
        Result none = run(Map.of(), "notify.sh", "success", "all green");
        assertThat(none.exit()).isZero();
        assertThat(none.out()).contains(":white_check_mark: Steadfast delivery success: all green");
    }

    @Test
    void everyScriptRefusesMissingArguments() throws Exception {
        for (String script : List.of(
                "check-health.sh",
                "push-image.sh",
                "promote-image.sh",
                "publish-web.sh",
                "terraform-deploy.sh",
                "notify.sh")) {
            Result r = run(Map.of(), script);
            assertThat(r.exit()).as(script).isEqualTo(2);
            assertThat(r.err()).as(script).contains("usage:");
        }
        assertThat(run(Map.of(), "terraform-deploy.sh", "qa", "abc").exit()).isEqualTo(2);
        assertThat(run(Map.of(), "check-health.sh", "http://127.0.0.1:1/", "zero")
                        .exit())
                .isEqualTo(2);
    }

    @Test
    void theScriptsThatNeedAwsStopBeforeItWhenTheirInputIsMissing() throws Exception {
        Result push = run(Map.of(), "push-image.sh", "no/such/image.tar", "1.dkr.ecr.us-east-1.amazonaws.com/x", "t");
        assertThat(push.exit()).isEqualTo(1);
        assertThat(push.err()).contains("no image archive at no/such/image.tar");
        Result web = run(Map.of(), "publish-web.sh", "no/such/dist", "bucket", "E123");
        assertThat(web.exit()).isEqualTo(1);
        assertThat(web.err()).contains("no no/such/dist/index.html");
        Result deploy = run(
                Map.of("TF_STATE_BUCKET", "", "TF_LOCK_TABLE", "", "AWS_REGION", ""),
                "terraform-deploy.sh",
                "staging",
                "t");
        assertThat(deploy.exit()).isNotZero();
        assertThat(deploy.err()).contains("set TF_STATE_BUCKET");
    }

    @Test
    void theScriptsPassShellcheckWhereItIsInstalled() throws Exception {
        assumeTrue(onPath("shellcheck"), "shellcheck is not installed (apt-get install shellcheck)");
        List<String> command = new ArrayList<>(List.of("shellcheck"));
        try (Stream<Path> scripts = Files.list(SCRIPTS)) {
            scripts.filter(p -> p.toString().endsWith(".sh"))
                    .map(Path::toString)
                    .sorted()
                    .forEach(command::add);
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }
}
