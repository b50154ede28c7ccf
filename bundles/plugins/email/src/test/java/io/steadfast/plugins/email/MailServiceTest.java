package io.steadfast.plugins.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import io.steadfast.api.mail.spi.Mailer;
import io.steadfast.api.ops.Check;
import io.steadfast.api.reminder.spi.ReminderChannel;

/** What the component registers, with a stand-in bundle context that records registrations. */
class MailServiceTest {

    record Registration(String type, Object service, Dictionary<?, ?> properties) {}

    private final List<Registration> registered = new ArrayList<>();
    private final List<Registration> unregistered = new ArrayList<>();

    private BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("registerService") && args[0] instanceof Class<?> type) {
                        Registration r = new Registration(type.getName(), args[1], (Dictionary<?, ?>) args[2]);
                        registered.add(r);
                        return Proxy.newProxyInstance(
                                getClass().getClassLoader(), new Class<?>[] {ServiceRegistration.class}, (p, m, a) -> {
                                    if (m.getName().equals("unregister")) {
                                        unregistered.add(r);
                                    }
                                    return null;
                                });
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void registersOnlyTheDoctorsCheckWithoutAHost() {
        MailService service = new MailService(
                context(), TestMail.directory(Map.of()), Clock.systemUTC(), TestMail.config("", 587, ""));
        assertThat(registered).extracting(Registration::type).containsExactly(Check.class.getName());
        Check.Finding f = ((Check) registered.get(0).service()).run();
        assertThat(f.verdict()).isEqualTo(Check.Verdict.OFF);
        assertThat(f.fix()).contains("STEADFAST_SMTP_HOST");
        service.deactivate();
    }

    @Test
    void registersOnlyTheDoctorsCheckSayingWhyWhenTheSenderIsMissing() {
        new MailService(
                context(), TestMail.directory(Map.of()), Clock.systemUTC(), TestMail.config("smtp.test", 587, ""));
        assertThat(registered).extracting(Registration::type).containsExactly(Check.class.getName());
        Check.Finding f = ((Check) registered.get(0).service()).run();
        assertThat(f.verdict()).isEqualTo(Check.Verdict.PROBLEM);
        assertThat(f.detail()).contains("STEADFAST_SMTP_FROM");
    }

    @Test
    void registersTheChannelAndTheMailerWhenConfigured() {
        MailService service = new MailService(
                context(),
                TestMail.directory(Map.of()),
                Clock.systemUTC(),
                TestMail.config("smtp.test", 587, "habits@steadfast.test"));

        assertThat(registered)
                .extracting(Registration::type)
                .containsExactly(Check.class.getName(), ReminderChannel.class.getName(), Mailer.class.getName());
        assertThat(registered.get(1).properties().get(ReminderChannel.KEY)).isEqualTo("email");
        assertThat(((ReminderChannel) registered.get(1).service()).key()).isEqualTo("email");

        service.modified(TestMail.config("", 587, ""));
        assertThat(unregistered).hasSize(3);
        assertThat(registered).hasSize(4);

        service.modified(TestMail.config("smtp.test", 587, "habits@steadfast.test"));
        assertThat(registered).hasSize(7);
        service.deactivate();
        assertThat(unregistered).hasSize(7);
    }
}
