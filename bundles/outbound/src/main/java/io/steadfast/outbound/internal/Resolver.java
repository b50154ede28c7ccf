package io.steadfast.outbound.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Turns a host (a name or an IP literal) into addresses; the system resolver in production, a table in tests. */
@FunctionalInterface
public interface Resolver {

    Resolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    List<InetAddress> resolve(String host) throws UnknownHostException;
}
