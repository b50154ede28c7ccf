package io.steadfast.itest.hot;

import java.util.Hashtable;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Registers {@link HotResource} with the Steadfast application through the JAX-RS whiteboard. */
public class HotActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("osgi.jaxrs.resource", Boolean.TRUE);
        props.put("osgi.jaxrs.application.select", "(osgi.jaxrs.name=steadfast)");
        context.registerService(HotResource.class, new HotResource(), props);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service
    }
}
