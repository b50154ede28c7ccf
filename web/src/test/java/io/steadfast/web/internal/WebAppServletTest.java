package io.steadfast.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

class WebAppServletTest {

    /** What the servlet did to the response. */
    static final class Recorded {
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        int status = 200;
        Integer error;
    }

    private final WebAppServlet servlet = new WebAppServlet(AssetCatalog.of(MapAssetSource.build()));

    private static HttpServletRequest request(
            String method, String servletPath, String pathInfo, Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(
                WebAppServletTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class}, (p, m, args) -> {
                    switch (m.getName()) {
                        case "getMethod":
                            return method;
                        case "getServletPath":
                            return servletPath;
                        case "getPathInfo":
                            return pathInfo;
                        case "getHeader":
                            return headers.get((String) args[0]);
                        default:
                            throw new UnsupportedOperationException(m.getName());
                    }
                });
    }

    private static HttpServletResponse response(Recorded r) {
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public void write(int b) {
                r.body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {}
        };
        return (HttpServletResponse) Proxy.newProxyInstance(
                WebAppServletTest.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class}, (p, m, args) -> {
                    switch (m.getName()) {
                        case "setHeader":
                            r.headers.put((String) args[0], (String) args[1]);
                            return null;
                        case "setStatus":
                            r.status = (Integer) args[0];
                            return null;
                        case "sendError":
                            r.error = (Integer) args[0];
                            return null;
                        case "getOutputStream":
                            return out;
                        default:
                            throw new UnsupportedOperationException(m.getName());
                    }
                });
    }

    private Recorded call(String method, String servletPath, String pathInfo, Map<String, String> headers)
            throws Exception {
        Recorded r = new Recorded();
        servlet.service(request(method, servletPath, pathInfo, headers), response(r));
        return r;
    }

    @Test
    void sendsTheCompressedCopyWithItsHeaders() throws Exception {
        Recorded r = call("GET", "/assets/index-4QlUL69f.js", null, Map.of("Accept-Encoding", "gzip"));
        assertThat(r.status).isEqualTo(200);
        assertThat(r.body.toString(StandardCharsets.UTF_8)).isEqualTo("gz-of-the-app");
        assertThat(r.headers)
                .containsEntry("Content-Encoding", "gzip")
                .containsEntry("Content-Length", "13")
                .containsEntry("Cache-Control", "public, max-age=31536000, immutable");
    }

    @Test
    void aRouteOfTheAppIsIndexHtmlAndHeadSendsNoBody() throws Exception {
        Recorded page = call("GET", "/habits", null, Map.of("Accept", "text/html"));
        assertThat(page.body.toString(StandardCharsets.UTF_8)).startsWith("<!doctype html>");
        assertThat(page.headers).containsEntry("Content-Type", "text/html;charset=utf-8");

        Recorded head = call("HEAD", "/habits", null, Map.of("Accept", "text/html"));
        assertThat(head.body.size()).isZero();
        assertThat(head.headers).containsEntry("Content-Length", page.headers.get("Content-Length"));
    }

    @Test
    void errorsGoToThePlatformsErrorPage() throws Exception {
        Recorded missing = call("GET", "/nope.js", null, Map.of());
        assertThat(missing.error).isEqualTo(404);
        assertThat(missing.body.size()).isZero();

        Recorded post = call("POST", "/", null, Map.of());
        assertThat(post.error).isEqualTo(405);
        assertThat(post.headers).containsEntry("Allow", "GET, HEAD, OPTIONS");
    }

    @Test
    void readsThePathUnderEitherMapping() throws Exception {
        // "/" (the default servlet): all in the servlet path; "/*": all in the path info
        assertThat(call("GET", "", "/favicon.svg", Map.of()).headers).containsEntry("Content-Type", "image/svg+xml");
        assertThat(call("GET", "", null, Map.of()).headers).containsEntry("Content-Type", "text/html;charset=utf-8");
    }

    @Test
    void aBundleWithoutTheAppDoesNotStart() {
        AssetCatalog empty = AssetCatalog.of(new MapAssetSource().with("/favicon.svg", "<svg/>"));
        assertThatThrownBy(() -> new WebAppServlet(empty))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("web/index.html");
    }
}
