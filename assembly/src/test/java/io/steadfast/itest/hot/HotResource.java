package io.steadfast.itest.hot;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;

/** A JAX-RS resource in a bundle that a test installs into the running distribution and removes again. */
@Path("/hot")
public class HotResource {

    @GET
    @Produces("text/plain")
    public String get() {
        return "hot";
    }
}
