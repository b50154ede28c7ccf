package io.steadfast.platform.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class UnicodeTextTest {

    record Item(String note) {}

    record Body(String name, List<Item> items, Map<String, Object> extra) {}

    private final ObjectMapper m = JsonMapper.create();

    private JsonProcessingException fails(String json) {
        return catchThrowableOfType(() -> m.readValue(json, Body.class), JsonProcessingException.class);
    }

    @Test
    void anUnpairedSurrogateIsRefusedNamingTheField() {
        JsonProcessingException e = fails("{\"name\":\"a\\ud800b\"}");
        assertThat(JsonErrors.detail(e)).startsWith("name must be valid Unicode text");
        assertThat(JsonErrors.errors(e).get(0).field()).isEqualTo("name");
        assertThat(JsonErrors.detail(fails("{\"items\":[{\"note\":\"x\"},{\"note\":\"\\udfff\"}]}")))
                .startsWith("items[1].note must be valid Unicode text");
        assertThat(JsonErrors.detail(fails("{\"extra\":{\"deep\":[\"\\ud83d\"]}}")))
                .as("in an untyped map too")
                .startsWith("extra.deep[0] must be valid Unicode text");
        assertThat(JsonErrors.detail(fails("{\"\\ud800\":1}"))).startsWith("body must be valid Unicode text");
        assertThat(catchThrowableOfType(() -> m.readValue("\"\\ud800\"", String.class), JsonProcessingException.class))
                .isNotNull();
        assertThat(catchThrowableOfType(() -> m.readTree("{\"a\":\"\\ud800\"}"), JsonProcessingException.class))
                .as("a tree too")
                .isNotNull();
    }

    @Test
    void theNulCharacterIsRefusedNamingTheField() {
        // Unicode, but PostgreSQL cannot store it in text: found by ApiFuzzIT as a 500 on POST /habits
        JsonProcessingException e = fails("{\"name\":\"a\\u0000b\"}");
        assertThat(JsonErrors.detail(e)).isEqualTo("name must not contain the NUL character (\\u0000)");
        assertThat(JsonErrors.errors(e).get(0).field()).isEqualTo("name");
        assertThat(JsonErrors.detail(fails("{\"items\":[{\"note\":\"\\u0000\"}]}")))
                .startsWith("items[0].note must not contain the NUL character");
        assertThat(JsonErrors.detail(fails("{\"a\\u0000\":1}"))).startsWith("body must not contain the NUL character");
    }

    @Test
    void pairsAndOrdinaryTextPass() throws Exception {
        Body b = m.readValue("{\"name\":\"caf\u00e9 \\ud83d\\ude00 \ud83d\ude00\"}", Body.class);
        assertThat(b.name()).isEqualTo("caf\u00e9 \ud83d\ude00 \ud83d\ude00");
        JsonNode n = m.readTree("{\"a\":\"\\u00e9\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(n.get("a").asText()).isEqualTo("\u00e9");
        assertThat(m.copy().readValue("{\"name\":\"x\"}", Body.class).name()).isEqualTo("x");
    }

    @Test
    void invalidUtf8BytesAreRefusedNamingTheField() {
        byte[] json = "{\"name\":\"abXcd\"}".getBytes(StandardCharsets.UTF_8);
        json[11] = (byte) 0xff;
        JsonProcessingException e =
                catchThrowableOfType(() -> m.readValue(json, Body.class), JsonProcessingException.class);
        assertThat(JsonErrors.detail(e)).isEqualTo("name must be valid UTF-8 text");
        byte[] truncated = "{\"name\":\"ab\u00e9\"}".getBytes(StandardCharsets.UTF_8);
        truncated[12] = (byte) 'x'; // the second byte of é
        assertThat(JsonErrors.detail(
                        catchThrowableOfType(() -> m.readValue(truncated, Body.class), JsonProcessingException.class)))
                .isEqualTo("name must be valid UTF-8 text");
    }
}
