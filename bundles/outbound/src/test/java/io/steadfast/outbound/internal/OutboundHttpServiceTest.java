package io.steadfast.outbound.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.steadfast.outbound.OutboundSettings;

class OutboundHttpServiceTest {

    private static OutboundConfig config(boolean allowPrivate, long connect, long request) {
        return new OutboundConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return OutboundConfig.class;
            }

            @Override
            public boolean allowPrivate() {
                return allowPrivate;
            }

            @Override
            public long connectTimeoutMillis() {
                return connect;
            }

            @Override
            public long requestTimeoutMillis() {
                return request;
            }
        };
    }

    @Test
    void takesTheOperatorsSettings() {
        OutboundSettings s = OutboundHttpService.settings(config(true, 2000, 7000));
        assertThat(s).isEqualTo(new OutboundSettings(true, Duration.ofSeconds(2), Duration.ofSeconds(7)));
    }

    @Test
    void replacesATimeoutThatIsNotPositive() {
        OutboundSettings s = OutboundHttpService.settings(config(false, 0, -5));
        assertThat(s).isEqualTo(OutboundSettings.DEFAULT);
    }

    @Test
    void guardsByDefault() {
        OutboundHttpService service = new OutboundHttpService(config(false, 10_000, 10_000));
        assertThat(service.check("http://127.0.0.1/").ok()).isFalse();
        service.modified(config(true, 10_000, 10_000));
        assertThat(service.check("http://127.0.0.1/").ok()).isTrue();
    }
}
