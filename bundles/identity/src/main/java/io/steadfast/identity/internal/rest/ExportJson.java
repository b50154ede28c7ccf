package io.steadfast.identity.internal.rest;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.steadfast.api.account.SectionWriter;
import io.steadfast.api.account.UserDataContributor;
import io.steadfast.identity.internal.domain.ExportDocument;
import io.steadfast.identity.internal.rest.Dtos.TokenDto;
import io.steadfast.identity.internal.rest.Dtos.UserDto;

/**
 * Writes the export document ({@link Dtos#export}'s members, in its order) to a stream as it goes: the account part,
 * then each bundle's section through a {@link SectionWriter} over one Jackson generator, so a section written a
 * page at a time is never held whole. Values are serialised as the platform's JSON provider does (ISO-8601
 * instants and dates, records by their components).
 */
final class ExportJson {

    private static final Logger LOG = LoggerFactory.getLogger(ExportJson.class);

    /** The names of the document's own members: no section may take one. */
    private static final Set<String> OWN = Set.of("format", "version", "exportedAt", "profile", "accessTokens");

    /** The serialisation of the platform's mapper; the generator never closes the response's stream. */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            // one flush per page (SectionWriter#flush), not one per value
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private ExportJson() {}

    /**
     * Writes the whole document to {@code out} (not closed).
     *
     * @throws IOException when the client went away, or a section broke the document (then it is cut short, and
     *                     the client sees an incomplete download rather than a wrong one)
     */
    static void write(OutputStream out, UUID userId, ExportDocument head, List<UserDataContributor> sections)
            throws IOException {
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("format", Dtos.EXPORT_FORMAT);
            g.writeNumberField("version", Dtos.EXPORT_VERSION);
            g.writeFieldName("exportedAt");
            MAPPER.writeValue(g, head.exportedAt());
            g.writeFieldName("profile");
            MAPPER.writeValue(g, UserDto.of(head.profile()));
            g.writeFieldName("accessTokens");
            MAPPER.writeValue(g, head.accessTokens().stream().map(TokenDto::of).toList());
            Set<String> written = new HashSet<>(OWN);
            for (UserDataContributor c : sections) {
                String name = c.section();
                if (!written.add(name)) {
                    LOG.warn("Two sections named {} in the export: only the first is written", name);
                    continue;
                }
                g.writeFieldName(name);
                Section s = new Section(g);
                c.write(userId, s);
                s.finish(name);
                g.flush();
            }
            g.writeEndObject();
        }
    }

    /** One section's writer: checks that the section wrote exactly one value. */
    static final class Section implements SectionWriter {

        private final JsonGenerator g;
        private int depth;
        private int values;

        Section(JsonGenerator g) {
            this.g = g;
        }

        @Override
        public SectionWriter value(Object value) throws IOException {
            if (depth == 0) {
                values++;
            }
            MAPPER.writeValue(g, value);
            return this;
        }

        @Override
        public SectionWriter startArray() throws IOException {
            open();
            g.writeStartArray();
            return this;
        }

        @Override
        public SectionWriter endArray() throws IOException {
            close();
            g.writeEndArray();
            return this;
        }

        @Override
        public SectionWriter startObject() throws IOException {
            open();
            g.writeStartObject();
            return this;
        }

        @Override
        public SectionWriter endObject() throws IOException {
            close();
            g.writeEndObject();
            return this;
        }

        @Override
        public SectionWriter name(String name) throws IOException {
            g.writeFieldName(name);
            return this;
        }

        @Override
        public void flush() throws IOException {
            g.flush();
        }

        private void open() {
            if (depth == 0) {
                values++;
            }
            depth++;
        }

        private void close() throws IOException {
            if (depth == 0) {
                throw new IOException("the section ended more than it started");
            }
            depth--;
        }

        /** After the section: a section that wrote nothing is {@code null}; an unfinished one breaks the export. */
        void finish(String name) throws IOException {
            if (depth != 0 || values > 1) {
                throw new IOException("The export's section " + name + " did not write one JSON value");
            }
            if (values == 0) {
                g.writeNull();
            }
        }
    }
}
