package io.steadfast.media.internal.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.steadfast.api.media.MediaStore;

/**
 * The media store in use: the one with the highest ranking (greedy: an S3 store that appears replaces the file
 * system one at once, without restarting anything). Its I/O failures become {@link StoreUnavailableException}
 * (503, nothing changed).
 */
@Component(service = MediaFiles.class)
public class MediaFiles {

    private static final Logger LOG = LoggerFactory.getLogger(MediaFiles.class);

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile MediaStore store;

    public MediaFiles() {}

    /** A holder of one store (tests). */
    public MediaFiles(MediaStore store) {
        this.store = store;
    }

    public String kind() {
        return store.kind();
    }

    public void put(String key, byte[] bytes, String contentType) {
        try {
            store.put(key, new ByteArrayInputStream(bytes), bytes.length, contentType);
        } catch (IOException e) {
            throw new StoreUnavailableException(e);
        }
    }

    public Optional<MediaStore.Blob> get(String key) {
        try {
            return store.get(key);
        } catch (IOException e) {
            throw new StoreUnavailableException(e);
        }
    }

    public void delete(String key) {
        try {
            store.delete(key);
        } catch (IOException e) {
            throw new StoreUnavailableException(e);
        }
    }

    public void deletePrefix(String prefix) {
        try {
            store.deletePrefix(prefix);
        } catch (IOException e) {
            throw new StoreUnavailableException(e);
        }
    }

    /** Deletes what it can and logs the rest (files left for the next clean-up, not the caller's failure). */
    public void deleteQuietly(String prefix) {
        try {
            store.deletePrefix(prefix);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not delete the media files under {}: {}", prefix, e.toString());
        }
    }
}
