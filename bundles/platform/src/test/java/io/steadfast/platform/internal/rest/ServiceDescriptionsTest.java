package io.steadfast.platform.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ServiceDescriptionsTest {

    @Test
    void theRuntimesOwnParametersAreNotTheApis() {
        assertThat(ServiceDescriptions.asked(List.of("_wadl"))).isTrue();
        assertThat(ServiceDescriptions.asked(List.of("from", "_WADL"))).isTrue();
        assertThat(ServiceDescriptions.asked(List.of("_type"))).isTrue();
        assertThat(ServiceDescriptions.asked(List.of("_method"))).isTrue();
        assertThat(ServiceDescriptions.asked(List.of("from", "to", "cursor", "limit")))
                .isFalse();
        assertThat(ServiceDescriptions.asked(List.of())).isFalse();
    }
}
