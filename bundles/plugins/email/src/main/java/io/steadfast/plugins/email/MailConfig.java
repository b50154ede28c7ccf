package io.steadfast.plugins.email;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The SMTP server the server sends e-mail through ({@code etc/io.steadfast.mail.cfg}). The shipped file reads every
 * value from the environment ({@code $[env:STEADFAST_SMTP_HOST;default=]} and so on); without a host, e-mail is off.
 */
@ObjectClassDefinition(
        name = "Steadfast e-mail",
        description = "The SMTP server for notification e-mails and password reset links; empty host: e-mail is off")
public @interface MailConfig {

    String PID = "io.steadfast.mail";

    @AttributeDefinition(
            name = "SMTP host",
            description = "e.g. smtp.example.org; empty: no e-mail (STEADFAST_SMTP_HOST)",
            required = false)
    String host() default "";

    @AttributeDefinition(
            name = "SMTP port",
            description = "587 (submission with STARTTLS) by default; 465 means TLS from the first byte "
                    + "(STEADFAST_SMTP_PORT)")
    int port() default 587;

    @AttributeDefinition(
            name = "User",
            description = "The SMTP login; empty: no login (STEADFAST_SMTP_USER)",
            required = false)
    String user() default "";

    @AttributeDefinition(
            name = "Password",
            type = AttributeType.PASSWORD,
            description = "The SMTP password (STEADFAST_SMTP_PASSWORD)",
            required = false)
    String password() default "";

    @AttributeDefinition(
            name = "From",
            description = "The sender, e.g. Steadfast <habits@example.org> (STEADFAST_SMTP_FROM)",
            required = false)
    String from() default "";

    @AttributeDefinition(
            name = "STARTTLS",
            description = "Require STARTTLS before logging in and sending; true by default (STEADFAST_SMTP_STARTTLS)")
    boolean starttls() default true;

    @AttributeDefinition(
            name = "EHLO name",
            description = "The name this server gives in EHLO; empty: the machine's host name",
            required = false)
    String ehloName() default "";
}
