package io.steadfast.transfer.internal.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.steadfast.transfer.internal.archive.ImportRefused;

class CellLimitTest {

    static void readAll(String text) throws Exception {
        try (CsvInput in = CsvInput.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "x.csv")) {
            while (in.next() != null) {
                // read
            }
        }
    }

    @Test
    void aHugeCellOrAnUnclosedQuoteIsRefusedAsItIsRead() throws Exception {
        readAll("habit,date,note\nRead,2024-01-01,\"" + "a\n".repeat(2000) + "\"\n");
        assertThatThrownBy(() -> readAll("habit,date,note\nRead,2024-01-01,\"never closed " + "x".repeat(200_000)))
                .isInstanceOfSatisfying(ImportRefused.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.getMessage()).contains("x.csv, line 2").contains("100000");
                });
        assertThatThrownBy(() -> readAll("habit,date\n" + "\0".repeat(150_000))).isInstanceOf(ImportRefused.class);
    }
}
