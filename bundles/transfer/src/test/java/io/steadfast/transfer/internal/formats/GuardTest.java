package io.steadfast.transfer.internal.formats;

import static io.steadfast.transfer.internal.formats.Fixtures.refused;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.CharConversionException;
import java.io.IOException;

import org.junit.jupiter.api.Test;

import io.steadfast.transfer.internal.archive.ImportRefused;

class GuardTest {

    @Test
    void turnsWhatAParserThrowsIntoARefusal() {
        refused(() -> Guard.read("csv", () -> {
            throw new IllegalStateException("boom");
        }));
        refused(() -> Guard.read("habitica", () -> {
            throw new CharConversionException("Unsupported UCS-4 endianness");
        }));
        ImportRefused tooLarge = ImportRefused.tooLarge("too large");
        assertThatThrownBy(() -> Guard.read("csv", () -> {
                    throw tooLarge;
                }))
                .isSameAs(tooLarge);
    }

    @Test
    void letsTheDisksIoExceptionsThrough() {
        assertThatThrownBy(() -> Guard.read("csv", () -> {
                    throw new IOException("disk");
                }))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(ImportRefused.class);
    }

    @Test
    void refusesAJsonFileInAnotherEncoding() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("guard");
        try {
            java.nio.file.Path f = Fixtures.bytes(dir, "x.json", new byte[] {0, 0, '{', 0, 0, 0, '}', 0});
            refused(() -> new HabiticaReader().read(f, io.steadfast.transfer.internal.archive.ImportLimits.DEFAULTS));
            refused(() -> new SteadfastReader().read(f, io.steadfast.transfer.internal.archive.ImportLimits.DEFAULTS));
        } finally {
            try (var files = java.nio.file.Files.list(dir)) {
                for (java.nio.file.Path p : files.toList()) {
                    java.nio.file.Files.delete(p);
                }
            }
            java.nio.file.Files.delete(dir);
        }
    }
}
