package io.steadfast.platform.internal.rest;

import java.io.DataInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.util.JsonParserDelegate;

/**
 * A parser that refuses text that is not Unicode: a JSON string (or field name) with an unpaired surrogate escape
 * such as {@code "\\ud800"} is an {@link InvalidTextException} naming the field, so no resource ever stores it
 * (PostgreSQL would refuse or mangle it, and no client could show it). So is the NUL character ({@code "\\u0000"}),
 * which is Unicode but which PostgreSQL cannot store in text. Invalid UTF-8 bytes are refused by Jackson itself;
 * {@link JsonErrors} names the field for them too.
 */
final class UnicodeCheckingParser extends JsonParserDelegate {

    UnicodeCheckingParser(JsonParser d) {
        super(d);
    }

    @Override
    public JsonToken nextToken() throws IOException {
        JsonToken t = delegate.nextToken();
        check(t);
        return t;
    }

    @Override
    public JsonToken nextValue() throws IOException {
        JsonToken t = delegate.nextValue();
        if (t != null && t.isScalarValue() && delegate.currentToken() == JsonToken.VALUE_STRING) {
            check(JsonToken.VALUE_STRING);
        }
        return t;
    }

    private void check(JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING || t == JsonToken.FIELD_NAME) {
            String text = t == JsonToken.FIELD_NAME ? delegate.currentName() : delegate.getText();
            boolean surrogate = hasUnpairedSurrogate(text);
            if (surrogate || (text != null && text.indexOf('\0') >= 0)) {
                String field = t == JsonToken.FIELD_NAME ? null : path(delegate.getParsingContext());
                throw new InvalidTextException(this, field, surrogate ? SURROGATE : NUL);
            }
        }
    }

    /** Whether the text has a surrogate that is not half of a pair (so it is not a sequence of characters). */
    static boolean hasUnpairedSurrogate(String s) {
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** The field of the current value as the errors name it: {@code name}, {@code items[2].note}; null at the top. */
    static String path(JsonStreamContext context) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.push(c.getCurrentName());
            } else if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (sb.length() > 0 && !p.startsWith("[")) {
                sb.append('.');
            }
            sb.append(p);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    /** What {@link InvalidTextException#reason()} says of an unpaired surrogate. */
    static final String SURROGATE =
            "must be valid Unicode text (an unpaired surrogate such as \\ud800 is not a character)";

    /** What {@link InvalidTextException#reason()} says of the NUL character. */
    static final String NUL = "must not contain the NUL character (\\u0000)";

    /**
     * Text that is not Unicode or cannot be stored, in a field ({@link #field()}, null for a field name or the top
     * level); {@link #reason()} says what is wrong with it.
     */
    static final class InvalidTextException extends JsonParseException {
        private static final long serialVersionUID = 1L;

        private final String field;
        private final String reason;

        InvalidTextException(JsonParser p, String field, String reason) {
            super(p, "text that cannot be stored: " + reason);
            this.field = field;
            this.reason = reason;
        }

        String field() {
            return field;
        }

        String reason() {
            return reason;
        }
    }

    /** The factory of the API's parsers: Jackson's, each parser wrapped in the check. */
    static final class Factory extends JsonFactory {
        private static final long serialVersionUID = 1L;

        Factory() {
            super();
        }

        private Factory(Factory src) {
            super(src, null);
        }

        @Override
        public JsonFactory copy() {
            return new Factory(this);
        }

        @Override
        protected JsonParser _createParser(InputStream in, IOContext ctxt) throws IOException {
            return new UnicodeCheckingParser(super._createParser(in, ctxt));
        }

        @Override
        protected JsonParser _createParser(Reader r, IOContext ctxt) throws IOException {
            return new UnicodeCheckingParser(super._createParser(r, ctxt));
        }

        @Override
        protected JsonParser _createParser(char[] data, int offset, int len, IOContext ctxt, boolean recyclable)
                throws IOException {
            return new UnicodeCheckingParser(super._createParser(data, offset, len, ctxt, recyclable));
        }

        @Override
        protected JsonParser _createParser(byte[] data, int offset, int len, IOContext ctxt) throws IOException {
            return new UnicodeCheckingParser(super._createParser(data, offset, len, ctxt));
        }

        @Override
        protected JsonParser _createParser(DataInput input, IOContext ctxt) throws IOException {
            return new UnicodeCheckingParser(super._createParser(input, ctxt));
        }
    }
}
