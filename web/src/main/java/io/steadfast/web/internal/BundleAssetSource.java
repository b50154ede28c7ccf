package io.steadfast.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.Bundle;

/**
 * The files under {@code /web} in a bundle, read with {@link Bundle#getEntry} (the bundle's own content, never the
 * class path: no other bundle's {@code web/} folder can answer).
 */
final class BundleAssetSource implements AssetSource {

    static final String ROOT = "web";

    private final Map<String, URL> entries = new HashMap<>();

    BundleAssetSource(Bundle bundle) {
        Enumeration<URL> found = bundle.findEntries(ROOT, "*", true);
        while (found != null && found.hasMoreElements()) {
            URL url = found.nextElement();
            String path = url.getPath();
            if (path.endsWith("/")) {
                continue; // a folder
            }
            // /web/assets/x.js -> /assets/x.js
            int start = path.indexOf("/" + ROOT + "/");
            if (start >= 0) {
                entries.put(path.substring(start + ROOT.length() + 1), url);
            }
        }
    }

    @Override
    public Set<String> paths() {
        return entries.keySet();
    }

    @Override
    public InputStream open(String path) throws IOException {
        URL url = entries.get(path);
        if (url == null) {
            throw new IOException("no file " + path + " in the bundle's /" + ROOT);
        }
        return url.openStream();
    }
}
