package io.steadfast.transfer.internal.formats;

import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Looking at the first bytes of a file as text. */
final class Heads {

    private Heads() {}

    /** The head as UTF-8 text without a byte order mark; malformed bytes become U+FFFD. */
    static String text(byte[] head) {
        if (head == null) {
            return "";
        }
        int start = head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF
                ? 3
                : 0;
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(head, start, head.length - start))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return "";
        }
    }

    /** Whether the head is text that starts (after white space) with {@code {}: a JSON object. */
    static boolean jsonObject(byte[] head) {
        String t = text(head).stripLeading();
        return t.startsWith("{") && !binary(head);
    }

    /** Whether the head has a NUL byte, as binary files do and text never does. */
    static boolean binary(byte[] head) {
        if (head == null) {
            return false;
        }
        for (byte b : head) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    /** The first line of the head's text (without its line end). */
    static String firstLine(byte[] head) {
        String t = text(head);
        int end = 0;
        while (end < t.length() && t.charAt(end) != '\n' && t.charAt(end) != '\r') {
            end++;
        }
        return t.substring(0, end);
    }
}
