package io.steadfast.api.account;

import java.io.IOException;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a {@link UserDataContributor} writes its section of the JSON export, piece by piece: the export is
 * streamed to the client, so a section that grows with the user's history (the habits' day records) is written a
 * page at a time and never held whole. Provided by the identity bundle; the calls must form one JSON value
 * (an object's members are {@link #name} then a value; every start has its end). No JSON type leaks into the API:
 * a {@link #value} is serialised as {@link UserDataContributor#export} values are (records, lists, maps,
 * {@code java.time} values as ISO-8601 text).
 *
 * @since 1.5
 */
@ProviderType
public interface SectionWriter {

    /** Writes a whole value (a record, list, map, text, number, boolean or {@code null}). */
    SectionWriter value(Object value) throws IOException;

    /** Starts an array: its elements follow, then {@link #endArray}. */
    SectionWriter startArray() throws IOException;

    SectionWriter endArray() throws IOException;

    /** Starts an object: its members ({@link #name}, then a value) follow, then {@link #endObject}. */
    SectionWriter startObject() throws IOException;

    SectionWriter endObject() throws IOException;

    /** The name of the next member of the object being written. */
    SectionWriter name(String name) throws IOException;

    /** Sends what was written so far to the client (between pages; never needed for correctness). */
    void flush() throws IOException;
}
