package io.steadfast.media.internal.service;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.error.NotFoundException;
import io.steadfast.media.internal.domain.Avatar;
import io.steadfast.media.internal.domain.MediaKeys;
import io.steadfast.media.internal.store.AvatarStore;

/** Users' profile pictures: the same checks as a check-in photo, a square thumbnail, one per user. */
@Component(service = Avatars.class)
public class Avatars {

    private final AvatarStore store;
    private final ImageUploads images;
    private final MediaFiles files;
    private final Clock clock;

    @Activate
    public Avatars(
            @Reference AvatarStore store,
            @Reference ImageUploads images,
            @Reference MediaFiles files,
            @Reference Clock clock) {
        this.store = store;
        this.images = images;
        this.files = files;
        this.clock = clock;
    }

    public long maxFileBytes() {
        return images.maxFileBytes();
    }

    /** Sets the user's avatar (replacing the one they had, whose files go). */
    public Avatar put(UUID userId, byte[] bytes) {
        UUID id = UUID.randomUUID();
        String prefix = MediaKeys.avatar(userId, id);
        ImageUploads.Stored s = images.store(bytes, prefix, true);
        Avatar a = new Avatar(
                userId,
                id,
                s.image().format().contentType(),
                s.size(),
                s.image().shownWidth(),
                s.image().shownHeight(),
                s.originalKey(),
                s.thumbKey(),
                clock.instant());
        Optional<Avatar> old;
        try {
            old = store.put(a);
        } catch (RuntimeException e) {
            files.deleteQuietly(prefix);
            throw e;
        }
        old.ifPresent(o -> files.deleteQuietly(MediaKeys.avatar(userId, o.id())));
        return a;
    }

    public Avatar get(UUID userId) {
        return store.find(userId).orElseThrow(() -> new NotFoundException("Avatar"));
    }

    public void delete(UUID userId) {
        Avatar a = store.delete(userId).orElseThrow(() -> new NotFoundException("Avatar"));
        files.deleteQuietly(MediaKeys.avatar(userId, a.id()));
    }
}
