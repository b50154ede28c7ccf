package io.steadfast.transfer.internal.formats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON parser of the imports, with limits a hostile file cannot get past: nesting at most {@value #MAX_DEPTH}
 * deep, a string at most {@value #MAX_STRING} characters, a number at most {@value #MAX_NUMBER} digits, a name at
 * most {@value #MAX_NAME} characters. Duplicate names are refused. A file is read as a stream; only the parts a
 * reader uses become trees.
 */
final class Json {

    static final int MAX_DEPTH = 64;
    static final int MAX_STRING = 1 << 20;
    static final int MAX_NUMBER = 64;
    static final int MAX_NAME = 1000;

    static final ObjectMapper MAPPER = mapper();

    private Json() {}

    private static ObjectMapper mapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(MAX_STRING)
                        .maxNumberLength(MAX_NUMBER)
                        .maxNameLength(MAX_NAME)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        factory.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
        return new ObjectMapper(factory);
    }
}
