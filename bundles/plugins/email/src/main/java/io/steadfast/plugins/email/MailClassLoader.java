package io.steadfast.plugins.email;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;

import org.eclipse.angus.activation.MailcapRegistryProviderImpl;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * The context class loader for Jakarta Mail and Activation, which find their implementations through the thread's
 * context class loader: {@code StreamProvider} and the protocol providers via {@code ServiceLoader}, the
 * {@code MailcapRegistryProvider} via {@code ServiceLoader}, {@code META-INF/mailcap} as a resource, and the
 * content handlers it names ({@code text/plain}, {@code multipart/*}) with {@code loadClass}. In OSGi no bundle's
 * loader sees all of that, so this one looks in the Angus Mail bundle, then in the Angus Activation bundle.
 *
 * <p>This replaces Aries SPI Fly: SPI Fly would weave the {@code ServiceLoader} calls, but the mailcap resources
 * and the handler classes are looked up outside those calls, through the context class loader all the same.
 */
final class MailClassLoader extends ClassLoader {

    private final ClassLoader mail = SMTPTransport.class.getClassLoader();
    private final ClassLoader activation = MailcapRegistryProviderImpl.class.getClassLoader();

    MailClassLoader() {
        // the bootstrap loader as parent: java.* from there, everything else from the two bundles
        super(null);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        try {
            return mail.loadClass(name);
        } catch (ClassNotFoundException e) {
            return activation.loadClass(name);
        }
    }

    @Override
    protected URL findResource(String name) {
        URL url = mail.getResource(name);
        return url != null ? url : activation.getResource(name);
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        // on a flat class path both are the same loader: list each resource once
        Set<URL> urls = new LinkedHashSet<>(Collections.list(mail.getResources(name)));
        urls.addAll(Collections.list(activation.getResources(name)));
        return Collections.enumeration(new ArrayList<>(urls));
    }

    /** Runs {@code work} with this loader as the thread's context class loader. */
    <T, E extends Exception> T run(Work<T, E> work) throws E {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(this);
        try {
            return work.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Something that uses Jakarta Mail. */
    @FunctionalInterface
    interface Work<T, E extends Exception> {
        T call() throws E;
    }
}
