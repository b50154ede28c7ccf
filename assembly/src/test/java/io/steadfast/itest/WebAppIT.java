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
        browse("first-flow.mjs", Cluster.get().node(0));
    }

    /**
     * Two people in two browsers on two nodes: a partnership through an invite code, a shared habit the partner sees
     * (a private one never), a cheer the owner's bell shows live; check-ins made offline sent once back online; every
     * other screen (habit detail, calendar, people, feed, achievements, settings) looked at by axe-core and saved.
     */
    @Test
    void partnersCheerLiveAndOfflineCheckInsInARealBrowser() throws Exception {
        browse("together.mjs", Cluster.get().node(0), Cluster.get().node(1));
    }

    private static void browse(String script, Http... nodes) throws Exception {
        Http http = nodes[0];
        Path repo = Path.of(System.getProperty("steadfast.assembly"))
                .getParent()
                .getParent()
                .getParent();
        Path web = repo.resolve("web");
        assertThat(web.resolve("node_modules/playwright-core"))
                .as("web/ built (npm ci)")
                .isDirectory();
        Path log =
                Path.of("target", "web-e2e-" + script.replace(".mjs", ".log")).toAbsolutePath();
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                "node",
                "e2e/" + script,
                "http://127.0.0.1:" + http.port(),
                repo.resolve("docs/screenshots").toString()));
        for (int i = 1; i < nodes.length; i++) {
            command.add("http://127.0.0.1:" + nodes[i].port());
        }
        Process p = new ProcessBuilder(command)
                .directory(web.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean ended = p.waitFor(300, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(ended).as("the browser run ended in time:\n" + out).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("ok");
    }
}
