package io.steadfast.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/** Where the app's files are: the bundle's {@code /web} folder at run time, a map in tests. */
interface AssetSource {

    /** The path of every file (not folders), from the app's root: {@code /index.html}, {@code /assets/x.js.gz}. */
    Set<String> paths();

    /** The content of one of {@link #paths()}. */
    InputStream open(String path) throws IOException;
}
