package io.steadfast.metrics.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;

import org.junit.jupiter.api.Test;

class RouteTemplatesTest {

    @Path("/v1/habits")
    public static class Habits {
        @GET
        public String list() {
            return "";
        }

        @PUT
        @Path("/{id}/checkins/{date: \\d{4}-\\d{2}-\\d{2}}")
        public String put() {
            return "";
        }
    }

    @Path("/v1/things/")
    public interface ThingApi {
        @GET
        @Path("{id}")
        String get();
    }

    public static class Things implements ThingApi {
        @Override
        public String get() {
            return "";
        }
    }

    private final RouteTemplates routes = new RouteTemplates("/api");

    @Test
    void theTemplateOfTheMatchedMethodWithoutTheVariablesPatterns() throws Exception {
        assertThat(routes.of(Habits.class, Habits.class.getMethod("list"), 200)).isEqualTo("/api/v1/habits");
        assertThat(routes.of(Habits.class, Habits.class.getMethod("put"), 422))
                .isEqualTo("/api/v1/habits/{id}/checkins/{date}");
        assertThat(routes.of(Things.class, Things.class.getMethod("get"), 200))
                .as("annotations on an interface")
                .isEqualTo("/api/v1/things/{id}");
    }

    @Test
    void aRequestNoMethodAnsweredIsNotFoundOrUnmatched() {
        assertThat(routes.of(null, null, 404)).isEqualTo(RouteTemplates.NOT_FOUND);
        assertThat(routes.of(null, null, 405)).isEqualTo(RouteTemplates.UNMATCHED);
        assertThat(routes.of(Habits.class, null, 413)).isEqualTo(RouteTemplates.UNMATCHED);
    }
}
