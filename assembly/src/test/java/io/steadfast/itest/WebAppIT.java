package io.steadfast.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The web app end to end, in a real headless Chromium (Debian's {@code /usr/bin/chromium}, driven by playwright-core
 * from {@code web/e2e/first-flow.mjs}) against a node of the PostgreSQL + Redis cluster: sign up, create a habit (and
 * one with the keyboard alone), check it in, reload, the cookie session (httpOnly, no token in the page) and the CSRF
 * refusal, sign out — at desktop width (light) and phone width (dark), with axe-core on every screen (no serious or
 * critical violation). The screenshots go to {@code docs/screenshots/}. Never skipped:
 * {@code .ci/run} installs Chromium.
 */
class WebAppIT {

    @Test
    void signUpCreateCheckInReloadInARealBrowser() throws Exception {
        Http http = Cluster.get().node(0);
        Path repo = Path.of(System.getProperty("steadfast.assembly"))
                .getParent()
                .getParent()
                .getParent();
        Path web = repo.resolve("web");
        assertThat(web.resolve("node_modules/playwright-core"))
                .as("web/ built (npm ci)")
                .isDirectory();
        Path log = Path.of("target", "web-e2e.log").toAbsolutePath();
        Process p = new ProcessBuilder(
                        "node",
                        "e2e/first-flow.mjs",
                        "http://127.0.0.1:" + http.port(),
                        repo.resolve("docs/screenshots").toString())
                .directory(web.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean ended = p.waitFor(180, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(ended).as("the browser run ended in time:\n" + out).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("ok");
    }
}
