package io.steadfast.platform.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;

import org.junit.jupiter.api.Test;

import io.steadfast.platform.rest.PATCH;

class RouteTableTest {

    @Path("/v1/habits")
    public static class Habits {
        @POST
        public void create() {}

        @GET
        public void list() {}

        @PUT
        @Path("/order")
        public void order() {}

        @GET
        @Path("/{id}")
        public void get() {}

        @PATCH
        @Path("/{id}")
        public void update() {}

        @DELETE
        @Path("{id}/")
        public void delete() {}

        @POST
        @Path("/{id}/checkins/{date: \\d{4}-\\d{2}-\\d{2}}/increment")
        public void increment() {}

        @Path("/{id}/locator")
        public Object locator() {
            return null;
        }
    }

    @Path("v1/habits/{id}/heatmap")
    public static class Heatmap {
        @GET
        public void get() {}
    }

    public interface Documented {
        @GET
        @Path("/live")
        String live();
    }

    @Path("/health")
    public static class Health implements Documented {
        @Override
        public String live() {
            return "";
        }
    }

    private final RouteTable table = RouteTable.of(List.of(Habits.class, Heatmap.class, Health.class));

    @Test
    void theMethodsOfEveryTemplateThatMatchesTheWholePath() {
        assertThat(table.allowed("/v1/habits")).containsExactly("GET", "HEAD", "OPTIONS", "POST");
        assertThat(table.allowed("v1/habits/")).containsExactly("GET", "HEAD", "OPTIONS", "POST");
        assertThat(table.allowed("/v1/habits/order"))
                .as("order, and {id} which a GET reaches too")
                .containsExactly("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "PUT");
        assertThat(table.allowed("/v1/habits/abc")).containsExactly("DELETE", "GET", "HEAD", "OPTIONS", "PATCH");
        assertThat(table.allowed("/v1/habits/abc/heatmap")).containsExactly("GET", "HEAD", "OPTIONS");
        assertThat(table.allowed("/v1/habits/abc/checkins/2026-03-01/increment"))
                .containsExactly("OPTIONS", "POST");
        assertThat(table.allowed("/health/live"))
                .as("annotations on an interface")
                .contains("GET");
    }

    @Test
    void nothingAnswersElsewhere() {
        assertThat(table.allowed("/v1/habits/abc/checkins/soon/increment"))
                .as("the regex of {date}")
                .isEmpty();
        assertThat(table.allowed("/v1/habits/abc/locator"))
                .as("a sub-resource locator is not a method")
                .isEmpty();
        assertThat(table.allowed("/v1/nothing")).isEmpty();
        assertThat(RouteTable.empty().allowed("/v1/habits")).isEmpty();
        assertThat(RouteTable.header(table.allowed("/v1/habits"))).isEqualTo("GET, HEAD, OPTIONS, POST");
    }
}
