package io.steadfast.media.internal.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.account.UserDataContributor;
import io.steadfast.media.internal.domain.MediaKeys;
import io.steadfast.media.internal.store.AttachmentStore;
import io.steadfast.media.internal.store.AvatarStore;

/**
 * The {@code attachments} section of a user's export (what there is; the files themselves go into the archive of
 * the export bundle through {@code AttachmentExport}), and an account's files deleted with it (its rows go by
 * cascade).
 */
@Component(service = UserDataContributor.class)
public class MediaDataContributor implements UserDataContributor {

    private final AttachmentStore attachments;
    private final AvatarStore avatars;
    private final MediaFiles files;

    @Activate
    public MediaDataContributor(
            @Reference AttachmentStore attachments, @Reference AvatarStore avatars, @Reference MediaFiles files) {
        this.attachments = attachments;
        this.avatars = avatars;
        this.files = files;
    }

    @Override
    public String section() {
        return "attachments";
    }

    @Override
    public Object export(UUID userId) {
        List<Map<String, Object>> list = attachments.ofUser(userId).stream()
                .map(a -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", a.id());
                    m.put("habitId", a.habitId());
                    m.put("date", a.date());
                    m.put("contentType", a.contentType());
                    m.put("size", a.size());
                    m.put("width", a.width());
                    m.put("height", a.height());
                    m.put("fileName", a.fileName());
                    m.put("createdAt", a.createdAt());
                    return m;
                })
                .toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("photos", list);
        out.put(
                "avatar",
                avatars.find(userId)
                        .map(a -> Map.of("contentType", a.contentType(), "size", a.size(), "createdAt", a.createdAt()))
                        .orElse(null));
        return out;
    }

    @Override
    public void deleteAll(UUID userId) {
        files.deletePrefix(MediaKeys.user(userId));
    }
}
