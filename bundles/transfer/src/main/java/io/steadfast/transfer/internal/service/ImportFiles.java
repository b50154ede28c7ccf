package io.steadfast.transfer.internal.service;

import java.util.UUID;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.steadfast.api.media.MediaStore;

/**
 * Where uploaded import files wait for their import: the media store with the highest ranking (the file system
 * under {@code data/}, or S3 when configured, so that any node can resume an import).
 */
@Component(service = ImportFiles.class)
public class ImportFiles {

    private volatile MediaStore store;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setStore(MediaStore s) {
        this.store = s;
    }

    void unsetStore(MediaStore s) {
        if (this.store == s) {
            this.store = null;
        }
    }

    public MediaStore store() {
        MediaStore s = store;
        if (s == null) {
            throw new IllegalStateException("no media store is running");
        }
        return s;
    }

    /** The key of an import's file: under the user's prefix, so that deleting the account deletes it. */
    static String key(UUID userId, UUID importId) {
        return "u/" + userId + "/imports/" + importId;
    }
}
