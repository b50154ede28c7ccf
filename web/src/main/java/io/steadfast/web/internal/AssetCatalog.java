package io.steadfast.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The files of the built app, looked up by request path: each file with its content type, entity tag and the
 * precompressed copies next to it. Made once, when the bundle starts (the bundle's content never changes while
 * it runs). A compressed copy is not a file of its own: {@code /assets/x.js.gz} is found only as a copy of
 * {@code /assets/x.js}.
 */
final class AssetCatalog {

    private final AssetSource source;
    private final Map<String, Asset> assets;

    private AssetCatalog(AssetSource source, Map<String, Asset> assets) {
        this.source = source;
        this.assets = Map.copyOf(assets);
    }

    /** Reads every file of {@code source} once, for its size and entity tag. */
    static AssetCatalog of(AssetSource source) {
        Set<String> paths = source.paths();
        Map<String, Asset> assets = new HashMap<>();
        for (String path : paths) {
            if (Encoding.ofCopy(path) != null && paths.contains(path.substring(0, path.lastIndexOf('.')))) {
                continue;
            }
            byte[] content = read(source, path);
            Map<Encoding, Long> copies = new EnumMap<>(Encoding.class);
            for (Encoding e : Encoding.values()) {
                if (paths.contains(path + e.suffix())) {
                    copies.put(e, (long) read(source, path + e.suffix()).length);
                }
            }
            assets.put(path, new Asset(path, ContentTypes.of(path), etag(content), content.length, copies));
        }
        return new AssetCatalog(source, assets);
    }

    Optional<Asset> find(String path) {
        return Optional.ofNullable(assets.get(path));
    }

    int size() {
        return assets.size();
    }

    /** The content of {@code asset} in {@code encoding} (null: as it is). */
    InputStream open(Asset asset, Encoding encoding) throws IOException {
        return source.open(asset.storedPath(encoding));
    }

    private static byte[] read(AssetSource source, String path) {
        try (InputStream in = source.open(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " of the web app", e);
        }
    }

    /** A strong entity tag from the content: the first 16 bytes of its SHA-256, in hex, quoted. */
    static String etag(byte[] content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content);
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
