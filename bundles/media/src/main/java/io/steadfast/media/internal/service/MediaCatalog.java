package io.steadfast.media.internal.service;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.media.MediaStore;
import io.steadfast.media.internal.domain.MediaKeys;
import io.steadfast.media.internal.domain.SignedUrls;
import io.steadfast.media.internal.store.AttachmentStore;
import io.steadfast.media.internal.store.AvatarStore;

/**
 * What a signed URL serves: the object of a genuine, unexpired token whose attachment or avatar still exists. A
 * deleted photo (or a replaced avatar) stops answering at once, on every node, even while its URLs have minutes to
 * go and before its files are gone from the store.
 */
@Component(service = MediaCatalog.class)
public class MediaCatalog {

    private final Signer signer;
    private final AttachmentStore attachments;
    private final AvatarStore avatars;
    private final MediaFiles files;

    @Activate
    public MediaCatalog(
            @Reference Signer signer,
            @Reference AttachmentStore attachments,
            @Reference AvatarStore avatars,
            @Reference MediaFiles files) {
        this.signer = signer;
        this.attachments = attachments;
        this.avatars = avatars;
        this.files = files;
    }

    /** A file to serve and its grant; empty for a token that is not (or no longer) good. The caller closes it. */
    public record Served(SignedUrls.Grant grant, MediaStore.Blob blob) {}

    public Optional<Served> open(String token) {
        Optional<SignedUrls.Grant> grant = signer.verify(token);
        if (grant.isEmpty() || !current(grant.get().key())) {
            return Optional.empty();
        }
        return files.get(grant.get().key()).map(b -> new Served(grant.get(), b));
    }

    private boolean current(String key) {
        return MediaKeys.owner(key)
                .map(o -> o.avatar()
                        ? avatars.find(o.userId())
                                .filter(a -> a.id().equals(o.objectId()))
                                .isPresent()
                        : attachments.find(o.userId(), o.objectId()).isPresent())
                .orElse(false);
    }
}
