package io.steadfast.transfer.internal.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.account.UserDataExporter;
import io.steadfast.habit.api.HabitQuery;

/** {@code GET /api/v1/me/export?format=csv}: the zip of {@link CsvLayout}, written by {@link CsvExport}. */
@Component(service = UserDataExporter.class)
public class CsvExporter implements UserDataExporter {

    private final HabitSource habits;
    private final Clock clock;

    @Activate
    public CsvExporter(@Reference HabitQuery habits, @Reference Clock clock) {
        this.habits = HabitSource.of(habits);
        this.clock = clock;
    }

    @Override
    public String format() {
        return "csv";
    }

    @Override
    public String mediaType() {
        return "application/zip";
    }

    @Override
    public String fileExtension() {
        return "zip";
    }

    private volatile io.steadfast.media.api.AttachmentExport attachments;

    @org.osgi.service.component.annotations.Reference(
            cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
    void setAttachments(io.steadfast.media.api.AttachmentExport a) {
        this.attachments = a;
    }

    void unsetAttachments(io.steadfast.media.api.AttachmentExport a) {
        if (this.attachments == a) {
            this.attachments = null;
        }
    }

    @Override
    public void write(UUID userId, OutputStream out) throws IOException {
        io.steadfast.media.api.AttachmentExport a = attachments;
        CsvExport.write(habits, userId, clock.instant(), out, a == null ? null : photos(a));
    }

    /** The media bundle's photos, as the export reads them. */
    static CsvExport.Photos photos(io.steadfast.media.api.AttachmentExport a) {
        return new CsvExport.Photos() {
            @Override
            public java.util.List<Photo> list(UUID userId) {
                return a.attachments(userId).stream()
                        .map(f -> new Photo(f.id(), f.habitId(), f.date(), f.contentType(), f.fileName()))
                        .toList();
            }

            @Override
            public java.util.Optional<java.io.InputStream> open(UUID userId, UUID photoId) throws IOException {
                return a.open(userId, photoId);
            }
        };
    }
}
