package io.steadfast.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.steadfast.web.internal.WebRules.Kind;
import io.steadfast.web.internal.WebRules.Reply;
import io.steadfast.web.internal.WebRules.Request;

class WebRulesTest {

    private static final String BROWSER_PAGE = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final String BROWSER_ENCODINGS = "gzip, deflate, br, zstd";
    private static final String APP_JS = "/assets/index-4QlUL69f.js";

    private final WebRules rules = new WebRules(AssetCatalog.of(MapAssetSource.build()));

    private Reply get(String path, String accept, String acceptEncoding) {
        return rules.decide(new Request("GET", path, accept, acceptEncoding, null));
    }

    @Test
    void theRootIsIndexHtmlRevalidatedEveryTime() {
        Reply r = get("/", BROWSER_PAGE, null);
        assertThat(r.kind()).isEqualTo(Kind.CONTENT);
        assertThat(r.asset().path()).isEqualTo("/index.html");
        assertThat(r.headers())
                .containsEntry("Content-Type", "text/html;charset=utf-8")
                .containsEntry("Cache-Control", "no-cache")
                .containsEntry("Content-Security-Policy", WebRules.CSP)
                .containsEntry("X-Content-Type-Options", "nosniff")
                .containsEntry("X-Frame-Options", "DENY")
                .containsKey("ETag");
        assertThat(get("/index.html", null, null).asset().path()).isEqualTo("/index.html");
    }

    @Test
    void hashedAssetsAreCachedForAYearAndSentInTheBestCodingTheBrowserTakes() {
        Reply r = get(APP_JS, "*/*", BROWSER_ENCODINGS);
        assertThat(r.encoding()).isEqualTo(Encoding.BROTLI);
        assertThat(r.headers())
                .containsEntry("Content-Type", "text/javascript;charset=utf-8")
                .containsEntry("Cache-Control", "public, max-age=31536000, immutable")
                .containsEntry("Content-Encoding", "br")
                .containsEntry("Vary", "Accept-Encoding")
                .containsEntry("Content-Length", String.valueOf("br-of-app".length()));

        assertThat(get(APP_JS, "*/*", "gzip, deflate").encoding()).isEqualTo(Encoding.GZIP);
        assertThat(get(APP_JS, "*/*", "br;q=0, gzip").encoding()).isEqualTo(Encoding.GZIP);
        assertThat(get(APP_JS, "*/*", "*").encoding()).isEqualTo(Encoding.BROTLI);
        assertThat(get(APP_JS, "*/*", "*;q=0.5, br;q=0").encoding()).isEqualTo(Encoding.GZIP);
        assertThat(get("/assets/index-Bx1.css", "*/*", BROWSER_ENCODINGS).encoding())
                .isEqualTo(Encoding.GZIP);
    }

    @Test
    void withoutAnAcceptableCodingTheFileGoesAsItIsButTheAnswerStillVaries() {
        for (String acceptEncoding : new String[] {null, "", "identity", "deflate", "gzip;q=0, br;q=0"}) {
            Reply r = get(APP_JS, "*/*", acceptEncoding);
            assertThat(r.encoding()).as(acceptEncoding).isNull();
            assertThat(r.headers())
                    .as(acceptEncoding)
                    .doesNotContainKey("Content-Encoding")
                    .containsEntry("Vary", "Accept-Encoding")
                    .containsEntry("Content-Length", String.valueOf(r.asset().length()));
        }
    }

    @Test
    void aFileWithoutCompressedCopiesHasNoVaryAndOtherFilesAreRevalidated() {
        Reply png = get("/assets/logo-Zz9.png", "image/*", BROWSER_ENCODINGS);
        assertThat(png.headers())
                .containsEntry("Content-Type", "image/png")
                .doesNotContainKeys("Vary", "Content-Encoding");
        Reply icon = get("/favicon.svg", "image/*", BROWSER_ENCODINGS);
        assertThat(icon.headers())
                .containsEntry("Content-Type", "image/svg+xml")
                .containsEntry("Cache-Control", "no-cache")
                .containsEntry("Content-Encoding", "gzip");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/habits", "/sign-in", "/habits/3f0c4c1e-0d7e-4f0a-9a43-6a9a9f9b0b51", "/healthz", "/x/"})
    void aPageTheBrowserOpensIsARouteOfTheApp(String path) {
        Reply r = get(path, BROWSER_PAGE, BROWSER_ENCODINGS);
        assertThat(r.kind()).isEqualTo(Kind.CONTENT);
        assertThat(r.asset().path()).isEqualTo("/index.html");
        assertThat(r.headers()).containsEntry("Cache-Control", "no-cache").containsEntry("Content-Encoding", "br");
    }

    @Test
    void whatIsNotAPageAndNotAFileIsNotFound() {
        assertThat(get("/habits", "application/json", null).status()).isEqualTo(404);
        assertThat(get("/habits", "*/*", null).status()).isEqualTo(404);
        assertThat(get("/habits", null, null).status()).isEqualTo(404);
        assertThat(get("/habits", "text/html;q=0, */*", null).status()).isEqualTo(404);
        // a hashed file of another build is gone; the app's page would be the wrong answer
        assertThat(get("/assets/index-old.js", BROWSER_PAGE, null).status()).isEqualTo(404);
        assertThat(get("/assets/", BROWSER_PAGE, null).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api", "/api/", "/api/v1/today", "/health", "/health/", "/health/live", "/health/nope"})
    void theApiAndHealthAreNeverTheApps(String path) {
        Reply r = get(path, BROWSER_PAGE, null);
        assertThat(r.kind()).isEqualTo(Kind.ERROR);
        assertThat(r.status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/../etc/passwd",
                "/assets/../index.html",
                "/assets/./index-Bx1.css",
                "//favicon.svg",
                "/a\\b",
                "/%2e%2e/x",
                "/index.html\u0000"
            })
    void oddPathsAreNotFoundNotEvenAsPages(String path) {
        assertThat(get(path, BROWSER_PAGE, BROWSER_ENCODINGS).status()).isEqualTo(404);
    }

    @Test
    void theCompressedCopiesAreNotFilesOfTheirOwn() {
        assertThat(get("/index.html.gz", "*/*", BROWSER_ENCODINGS).status()).isEqualTo(404);
        assertThat(get("/assets/index-4QlUL69f.js.br", "*/*", BROWSER_ENCODINGS).status())
                .isEqualTo(404);
    }

    @Test
    void onlyReadsAreAllowed() {
        Reply post = rules.decide(new Request("POST", "/", BROWSER_PAGE, null, null));
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.headers()).containsEntry("Allow", "GET, HEAD, OPTIONS");
        Reply options = rules.decide(new Request("OPTIONS", "/habits", null, null, null));
        assertThat(options.kind()).isEqualTo(Kind.OPTIONS);
        assertThat(options.status()).isEqualTo(204);
        assertThat(options.headers()).containsEntry("Allow", "GET, HEAD, OPTIONS");
        Reply head = rules.decide(new Request("HEAD", APP_JS, "*/*", "gzip", null));
        assertThat(head.kind()).isEqualTo(Kind.CONTENT);
        assertThat(head.headers()).containsEntry("Content-Length", String.valueOf("gz-of-the-app".length()));
    }

    @Test
    void aCurrentCopyIsNotSentAgain() {
        Reply first = get("/", BROWSER_PAGE, "gzip");
        String etag = first.headers().get("ETag");
        assertThat(etag).startsWith("\"").endsWith("-gzip\"");

        Reply again = rules.decide(new Request("GET", "/", BROWSER_PAGE, "gzip", etag));
        assertThat(again.kind()).isEqualTo(Kind.NOT_MODIFIED);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.headers())
                .containsEntry("ETag", etag)
                .containsEntry("Cache-Control", "no-cache")
                .doesNotContainKeys("Content-Length", "Content-Encoding");
        assertThat(rules.decide(new Request("GET", "/", BROWSER_PAGE, "gzip", "W/" + etag + ", \"x\""))
                        .kind())
                .isEqualTo(Kind.NOT_MODIFIED);
        // the tag of the gzip copy does not match the brotli one
        assertThat(rules.decide(new Request("GET", "/", BROWSER_PAGE, "br", etag))
                        .kind())
                .isEqualTo(Kind.CONTENT);
    }

    @Test
    void contentTypesFollowTheExtension() {
        assertThat(ContentTypes.of("/a.webmanifest")).isEqualTo("application/manifest+json");
        assertThat(ContentTypes.of("/fonts/x.WOFF2")).isEqualTo("font/woff2");
        assertThat(ContentTypes.of("/robots.txt")).isEqualTo("text/plain;charset=utf-8");
        assertThat(ContentTypes.of("/LICENSE")).isEqualTo("application/octet-stream");
        assertThat(ContentTypes.of("/.hidden")).isEqualTo("application/octet-stream");
    }
}
