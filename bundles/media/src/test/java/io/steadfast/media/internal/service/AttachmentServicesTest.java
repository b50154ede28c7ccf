package io.steadfast.media.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.steadfast.accountability.api.HabitAudience;
import io.steadfast.api.error.ConflictException;
import io.steadfast.api.error.LimitReachedException;
import io.steadfast.api.error.NotFoundException;
import io.steadfast.api.partner.Partnerships;
import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.api.Sharing;
import io.steadfast.media.internal.domain.Attachment;
import io.steadfast.media.internal.domain.ImageRefused;
import io.steadfast.media.internal.domain.TestImages;
import io.steadfast.media.internal.store.JpaAttachmentStore;
import io.steadfast.media.internal.store.TestStores;
import io.steadfast.storage.internal.db.TestDatabase;
import io.steadfast.testsupport.TestRows;

/** The media services over the real repositories (H2), a file system store in a temporary folder and a fake habit bundle. */
class AttachmentServicesTest {

    static final LocalDate DAY = LocalDate.parse("2031-03-04");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2031-03-04T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    static MediaConfig config(int maxPerDay) {
        return new MediaConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return MediaConfig.class;
            }

            @Override
            public long maxFileBytes() {
                return 10L << 20;
            }

            @Override
            public int maxPerDay() {
                return maxPerDay;
            }

            @Override
            public long maxPixels() {
                return 50_000_000L;
            }

            @Override
            public int urlSeconds() {
                return 600;
            }

            @Override
            public String _signingKey() {
                return "";
            }

            @Override
            public String filesystem_directory() {
                return "";
            }
        };
    }

    static long files(Path root) throws Exception {
        if (!Files.exists(root)) {
            return 0;
        }
        try (var s = Files.walk(root)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !p.toString().endsWith("#type"))
                    .count();
        }
    }

    @Test
    void photosNeedACheckinStayWithinTheLimitAndGoWithTheirDayOrHabit() throws Exception {
        try (TestDatabase db = TestStores.h2()) {
            UUID ann = TestRows.user(db.dataSource(), "ann@example.org");
            Fakes fakes = new Fakes();
            HabitInfo run = fakes.habit(ann, Sharing.PRIVATE);
            JpaAttachmentStore store = new JpaAttachmentStore(db.jpa(), db.ready());
            FileSystemMediaStore fs = new FileSystemMediaStore(dir);
            MediaFiles files = new MediaFiles(fs);
            Attachments attachments =
                    new Attachments(store, fakes.query(), new ImageUploads(files, config(2)), files, CLOCK, config(2));
            byte[] photo = TestImages.jpegWithMetadata(TestImages.jpeg(64, 48), 6);

            assertThatThrownBy(() -> attachments.upload(ann, run.id(), DAY, photo, "a.jpg"))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("check in on that day first");
            assertThatThrownBy(() -> attachments.upload(UUID.randomUUID(), run.id(), DAY, photo, "a.jpg"))
                    .isInstanceOf(NotFoundException.class);
            fakes.record(run, DAY);
            fakes.record(run, DAY.minusDays(1));

            Attachment a = attachments.upload(ann, run.id(), DAY, photo, "a.jpg");
            assertThat(a.width()).as("as shown").isEqualTo(48);
            assertThat(a.height()).isEqualTo(64);
            assertThat(a.thumbKey()).isNotNull();
            try (var blob = fs.get(a.originalKey()).orElseThrow()) {
                byte[] stored = blob.stream().readAllBytes();
                assertThat(TestImages.contains(stored, TestImages.SECRET)).isFalse();
                assertThat(blob.contentType()).isEqualTo("image/jpeg");
                assertThat(a.size()).isEqualTo(stored.length);
            }
            assertThatThrownBy(() -> attachments.upload(ann, run.id(), DAY, "%PDF-1.4".getBytes(), "x.jpg"))
                    .isInstanceOfSatisfying(ImageRefused.class, e -> assertThat(e.unsupportedType())
                            .isTrue());
            attachments.upload(ann, run.id(), DAY, TestImages.png(10, 10), null);
            assertThatThrownBy(() -> attachments.upload(ann, run.id(), DAY, photo, null))
                    .isInstanceOf(LimitReachedException.class)
                    .hasMessageContaining("attachmentsPerDay");
            assertThat(files(dir)).as("two photos, two thumbnails").isEqualTo(4);
            Attachment other = attachments.upload(ann, run.id(), DAY.minusDays(1), photo, null);

            attachments.delete(ann, run.id(), DAY, a.id());
            assertThat(attachments.list(ann, run.id(), DAY)).hasSize(1);
            assertThatThrownBy(() -> attachments.delete(ann, run.id(), DAY.minusDays(1), a.id()))
                    .isInstanceOf(NotFoundException.class);
            assertThat(files(dir)).isEqualTo(4);

            // the outbox consumer: a cleared day loses its photos, a deleted habit all of them (twice is the same)
            MediaChangeConsumer consumer = new MediaChangeConsumer(fakes.query(), store, files);
            fakes.clear(run, DAY);
            consumer.daysChanged(ann, run.id(), DAY.minusDays(3));
            consumer.daysChanged(ann, run.id(), DAY.minusDays(3));
            assertThat(attachments.list(ann, run.id(), DAY)).isEmpty();
            assertThat(attachments.list(ann, run.id(), DAY.minusDays(1))).containsExactly(other);
            assertThat(files(dir)).isEqualTo(2);
            consumer.habitChanged(ann, run.id());
            assertThat(store.ofHabit(ann, run.id()))
                    .as("the habit is still there")
                    .hasSize(1);
            fakes.habits.remove(run.id());
            consumer.habitChanged(ann, run.id());
            consumer.habitChanged(ann, run.id());
            assertThat(store.ofHabit(ann, run.id())).isEmpty();
            assertThat(files(dir)).isZero();

            // the import API: the same rules, domain exceptions only
            HabitInfo read = fakes.habit(ann, Sharing.PRIVATE);
            fakes.record(read, DAY);
            var stored = attachments.store(ann, read.id(), DAY, new java.io.ByteArrayInputStream(photo), "IMG.jpg");
            assertThat(stored.added()).isTrue();
            var imported = stored.file();
            assertThat(imported.fileName()).isEqualTo("IMG.jpg");
            assertThat(attachments.attachments(ann)).containsExactly(imported);
            // the same bytes on the same day again (a second import of the zip): the same photo, nothing added
            var again = attachments.store(ann, read.id(), DAY, new java.io.ByteArrayInputStream(photo), "copy.jpg");
            assertThat(again.added()).isFalse();
            assertThat(again.file()).isEqualTo(imported);
            assertThat(attachments.attachments(ann)).containsExactly(imported);
            try (var in = attachments.open(ann, imported.id()).orElseThrow()) {
                assertThat(in.readAllBytes()).hasSize((int) imported.size());
            }
            assertThat(attachments.open(UUID.randomUUID(), imported.id())).isEmpty();
            assertThatThrownBy(() -> attachments.store(
                            ann, read.id(), DAY, new java.io.ByteArrayInputStream("GIF89a".getBytes()), null))
                    .isInstanceOf(io.steadfast.api.error.ValidationException.class);

            // the account goes: every file of the user
            new MediaDataContributor(
                            store, new io.steadfast.media.internal.store.JpaAvatarStore(db.jpa(), db.ready()), files)
                    .deleteAll(ann);
            assertThat(files(dir)).isZero();
        }
    }

    @Test
    void theRefereeAlwaysSeesTheAudienceOnlyWhenSharedNobodyElse() throws Exception {
        try (TestDatabase db = TestStores.h2()) {
            UUID ann = TestRows.user(db.dataSource(), "ann@example.org");
            UUID rita = UUID.randomUUID();
            UUID bob = UUID.randomUUID();
            UUID eve = UUID.randomUUID();
            Fakes fakes = new Fakes();
            HabitInfo run = fakes.habit(ann, new Sharing(Sharing.Visibility.PARTNERS, false, rita));
            HabitInfo secret = fakes.habit(ann, new Sharing(Sharing.Visibility.PRIVATE, false, rita));
            JpaAttachmentStore store = new JpaAttachmentStore(db.jpa(), db.ready());
            Set<UUID> partners = Set.of(rita, bob);
            Partnerships partnerships = new Partnerships() {
                @Override
                public boolean arePartners(UUID a, UUID b) {
                    return (a.equals(ann) && partners.contains(b)) || (b.equals(ann) && partners.contains(a));
                }

                @Override
                public List<UUID> partners(UUID userId) {
                    return List.copyOf(partners);
                }
            };
            HabitAudience audience = (viewer, h) -> viewer.equals(h.userId())
                    || (h.sharing().visibility() == Sharing.Visibility.PARTNERS
                            && partnerships.arePartners(viewer, h.userId()));
            AttachmentAccess access = new AttachmentAccess(fakes.query(), store, audience, partnerships);

            assertThat(access.sees(ann, run)).isTrue();
            assertThat(access.sees(rita, run)).isTrue();
            assertThat(access.sees(rita, secret))
                    .as("the referee of a private habit")
                    .isTrue();
            assertThat(access.sees(bob, run)).as("not shared yet").isFalse();
            assertThat(access.sees(eve, run)).isFalse();
            store.setShareAttachments(ann, run.id(), true, CLOCK.instant());
            store.setShareAttachments(ann, secret.id(), true, CLOCK.instant());
            assertThat(access.sees(bob, run)).isTrue();
            assertThat(access.sees(bob, secret))
                    .as("a private habit stays private")
                    .isFalse();
            assertThat(access.sees(eve, run)).isFalse();
            assertThat(access.ofDay(bob, ann, run.id(), DAY)).isEmpty();
            assertThatThrownBy(() -> access.ofDay(eve, ann, run.id(), DAY)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> access.ofDay(bob, eve, run.id(), DAY))
                    .as("the habit under another owner's id")
                    .isInstanceOf(NotFoundException.class);
        }
    }
}
