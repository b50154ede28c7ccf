package io.steadfast.delivery.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.steadfast.api.error.ValidationException;

class DeliveryAdminTest {

    @Test
    void aStatusIsOneOfTheStoredOnesOrDeliveredForSent() {
        assertThat(DeliveryAdmin.status(null)).isNull();
        assertThat(DeliveryAdmin.status(" ")).isNull();
        assertThat(DeliveryAdmin.status("FAILED")).isEqualTo("failed");
        assertThat(DeliveryAdmin.status("delivered")).isEqualTo("sent");
        assertThat(DeliveryAdmin.status("waiting")).isEqualTo("waiting");
        assertThatThrownBy(() -> DeliveryAdmin.status("dead"))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(
                                ((ValidationException) e).errors().get(0).message())
                        .contains("pending, waiting, sent, failed"));
    }
}
