package io.steadfast.plugins.email;

/** E-mail addresses as the operator's log may show them. */
final class Addresses {

    private Addresses() {}

    /** The address with its local part hidden, e.g. {@code j***@example.org}: enough to tell mails apart. */
    static String mask(String address) {
        if (address == null) {
            return "(none)";
        }
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }

    /** {@code text} with every occurrence of {@code address} masked (a server's answer often repeats it). */
    static String scrub(String text, String address) {
        if (text == null || address == null || address.isEmpty()) {
            return text;
        }
        return text.replace(address, mask(address));
    }
}
