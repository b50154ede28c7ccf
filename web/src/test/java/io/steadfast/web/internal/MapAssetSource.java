package io.steadfast.web.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The files of an app build, in memory. */
final class MapAssetSource implements AssetSource {

    private final Map<String, byte[]> files = new LinkedHashMap<>();

    MapAssetSource with(String path, String content) {
        files.put(path, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    @Override
    public Set<String> paths() {
        return files.keySet();
    }

    @Override
    public InputStream open(String path) throws IOException {
        byte[] content = files.get(path);
        if (content == null) {
            throw new IOException("no " + path);
        }
        return new ByteArrayInputStream(content);
    }

    /** A build like Vite's: index.html, hashed assets with their .gz and .br copies, a favicon, an image. */
    static MapAssetSource build() {
        return new MapAssetSource()
                .with("/index.html", "<!doctype html><script type=module src=/assets/index-4QlUL69f.js></script>")
                .with("/index.html.gz", "gz-index")
                .with("/index.html.br", "br-ind")
                .with("/assets/index-4QlUL69f.js", "console.log('the app, uncompressed and long');")
                .with("/assets/index-4QlUL69f.js.gz", "gz-of-the-app")
                .with("/assets/index-4QlUL69f.js.br", "br-of-app")
                .with("/assets/index-Bx1.css", "body{margin:0}")
                .with("/assets/index-Bx1.css.gz", "gz-css")
                .with("/assets/logo-Zz9.png", "PNG")
                .with("/favicon.svg", "<svg/>")
                .with("/favicon.svg.gz", "gz-svg");
    }
}
