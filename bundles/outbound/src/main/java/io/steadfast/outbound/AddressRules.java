package io.steadfast.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which IP addresses a server may call on a user's behalf: only public unicast addresses. Refused are loopback,
 * private (RFC 1918, IPv6 unique local {@code fc00::/7}), link-local, multicast, unspecified, shared (carrier-grade
 * NAT {@code 100.64.0.0/10}), broadcast, documentation and benchmarking ranges, the other IANA special-purpose
 * ranges, every IPv6 address outside global unicast {@code 2000::/3}, and IPv6 forms that carry such an IPv4 address
 * (IPv4-mapped {@code ::ffff:0:0/96}, NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}).
 *
 * <p>Plain Java, no look-ups: it judges addresses, not host names.
 */
public final class AddressRules {

    public static final String LOOPBACK = "a loopback address";
    public static final String PRIVATE = "a private address";
    public static final String LINK_LOCAL = "a link-local address";
    public static final String MULTICAST = "a multicast address";
    public static final String UNSPECIFIED = "an unspecified address";
    public static final String SHARED = "a shared (carrier-grade NAT) address";
    public static final String BROADCAST = "a broadcast address";
    public static final String DOCUMENTATION = "a documentation address";
    public static final String BENCHMARKING = "a benchmarking address";
    public static final String RESERVED = "a reserved address";

    // first match wins: the specific ranges come before the wide ones that contain them
    private static final List<Range> IPV4 = List.of(
            Range.of("0.0.0.0/32", UNSPECIFIED),
            Range.of("0.0.0.0/8", RESERVED), // "this network"
            Range.of("10.0.0.0/8", PRIVATE),
            Range.of("100.64.0.0/10", SHARED),
            Range.of("127.0.0.0/8", LOOPBACK),
            Range.of("169.254.0.0/16", LINK_LOCAL),
            Range.of("172.16.0.0/12", PRIVATE),
            Range.of("192.0.0.0/24", RESERVED), // IETF protocol assignments
            Range.of("192.0.2.0/24", DOCUMENTATION),
            Range.of("192.88.99.0/24", RESERVED), // the deprecated 6to4 relay anycast
            Range.of("192.168.0.0/16", PRIVATE),
            Range.of("198.18.0.0/15", BENCHMARKING),
            Range.of("198.51.100.0/24", DOCUMENTATION),
            Range.of("203.0.113.0/24", DOCUMENTATION),
            Range.of("224.0.0.0/4", MULTICAST),
            Range.of("255.255.255.255/32", BROADCAST),
            Range.of("240.0.0.0/4", RESERVED));

    private static final List<Range> IPV6 = List.of(
            Range.of("::/128", UNSPECIFIED),
            Range.of("::1/128", LOOPBACK),
            Range.of("::ffff:0:0:0/96", RESERVED), // IPv4-translated (RFC 2765)
            Range.of("::/96", RESERVED), // IPv4-compatible, deprecated
            Range.of("64:ff9b:1::/48", PRIVATE), // local-use NAT64
            Range.of("100::/64", RESERVED), // discard-only
            Range.of("2001:2::/48", BENCHMARKING),
            Range.of("2001:db8::/32", DOCUMENTATION),
            Range.of("2001::/23", RESERVED), // IETF protocol assignments, Teredo among them
            Range.of("3fff::/20", DOCUMENTATION),
            Range.of("fc00::/7", PRIVATE),
            Range.of("fe80::/10", LINK_LOCAL),
            Range.of("ff00::/8", MULTICAST));

    private static final Range GLOBAL_UNICAST = Range.of("2000::/3", null);
    private static final Range MAPPED = Range.of("::ffff:0:0/96", null);
    private static final Range NAT64 = Range.of("64:ff9b::/96", null);
    private static final Range SIX_TO_FOUR = Range.of("2002::/16", null);

    private AddressRules() {}

    /**
     * Why {@code address} may not be called, as a phrase for people ("a private address"), or empty when it is a
     * public unicast address.
     */
    public static Optional<String> refusal(InetAddress address) {
        byte[] b = address.getAddress();
        return Optional.ofNullable(b.length == 4 ? ipv4(b) : ipv6(b));
    }

    /** Whether {@code address} is a public unicast address. */
    public static boolean isPublic(InetAddress address) {
        return refusal(address).isEmpty();
    }

    private static String ipv4(byte[] b) {
        for (Range r : IPV4) {
            if (r.contains(b)) {
                return r.kind;
            }
        }
        return null;
    }

    private static String ipv6(byte[] b) {
        // an IPv6 form that reaches an IPv4 address is judged by that address
        if (MAPPED.contains(b) || NAT64.contains(b)) {
            return ipv4(Arrays.copyOfRange(b, 12, 16));
        }
        if (SIX_TO_FOUR.contains(b)) {
            return ipv4(Arrays.copyOfRange(b, 2, 6));
        }
        for (Range r : IPV6) {
            if (r.contains(b)) {
                return r.kind;
            }
        }
        return GLOBAL_UNICAST.contains(b) ? null : RESERVED;
    }

    private record Range(byte[] network, int bits, String kind) {

        static Range of(String cidr, String kind) {
            int slash = cidr.indexOf('/');
            try {
                // literals only: no name is looked up
                byte[] network = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
                int bits = Integer.parseInt(cidr.substring(slash + 1));
                if (cidr.indexOf(':') >= 0 && network.length == 4) {
                    // InetAddress turns ::ffff:a.b.c.d into an IPv4 address; keep the IPv6 form for ranges
                    network = mapped(network);
                }
                return new Range(network, bits, kind);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(cidr, e);
            }
        }

        private static byte[] mapped(byte[] v4) {
            byte[] v6 = new byte[16];
            v6[10] = (byte) 0xff;
            v6[11] = (byte) 0xff;
            System.arraycopy(v4, 0, v6, 12, 4);
            return v6;
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }
}
