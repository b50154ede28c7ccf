package io.steadfast.plugins.email;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import io.steadfast.api.mail.spi.Mailer.Mail;
import io.steadfast.api.reminder.spi.ReminderChannel.Message;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * Turns a channel's message or a server mail into a MIME message: plain text and HTML alternatives (every piece of
 * text escaped), a button for the link, a footer and the {@code List-Unsubscribe} headers (RFC 2369, one-click as in
 * RFC 8058) when the message has an unsubscribe link, and the delivery's id as {@code Message-ID} and
 * {@code X-Steadfast-Delivery}, so that a message handed over twice is recognisably the same.
 */
final class MailComposer {

    private final SmtpSender sender;

    MailComposer(SmtpSender sender) {
        this.sender = sender;
    }

    /** A channel message to {@code to}. */
    MimeMessage reminder(Message m, String to, boolean plainTextOnly, Instant now) throws MessagingException {
        InternetAddress from = sender.settings().from();
        MimeMessage mail = sender.newMessage("<" + m.id() + "@" + domain(from) + ">");
        headers(mail, from, to, m.title() == null ? "Steadfast" : m.title(), now);
        mail.setHeader("X-Steadfast-Delivery", m.id().toString());
        mail.setHeader("X-Steadfast-Event", m.type());
        if (m.unsubscribeLink() != null) {
            mail.setHeader("List-Unsubscribe", "<" + m.unsubscribeLink() + ">");
            mail.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        String text = text(m);
        if (plainTextOnly) {
            mail.setText(text, StandardCharsets.UTF_8.name());
        } else {
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(text, StandardCharsets.UTF_8.name());
            MimeBodyPart html = new MimeBodyPart();
            html.setText(html(m), StandardCharsets.UTF_8.name(), "html");
            // the richest last: mail programs show the last alternative they understand
            MimeMultipart alternative = new MimeMultipart("alternative", plain, html);
            mail.setContent(alternative);
        }
        return mail;
    }

    /** A server mail (a password reset link): plain text only. */
    MimeMessage plain(Mail m, Instant now) throws MessagingException {
        InternetAddress from = sender.settings().from();
        // a random id in the sender's domain rather than Jakarta Mail's <...@localhost>
        MimeMessage mail = sender.newMessage("<" + UUID.randomUUID() + "@" + domain(from) + ">");
        headers(mail, from, m.to(), m.subject(), now);
        mail.setText(m.text() == null ? "" : m.text(), StandardCharsets.UTF_8.name());
        return mail;
    }

    private static void headers(MimeMessage mail, InternetAddress from, String to, String subject, Instant now)
            throws MessagingException {
        mail.setFrom(from);
        mail.setRecipient(RecipientType.TO, new InternetAddress(to, true));
        mail.setSubject(oneLine(subject), StandardCharsets.UTF_8.name());
        mail.setSentDate(Date.from(now));
        // automatic mail: no vacation auto-replies to it (RFC 3834)
        mail.setHeader("Auto-Submitted", "auto-generated");
    }

    static String text(Message m) {
        StringBuilder sb = new StringBuilder();
        if (m.body() != null) {
            sb.append(m.body().strip()).append("\n");
        }
        if (m.link() != null) {
            sb.append("\nOpen Steadfast: ").append(m.link()).append("\n");
        }
        if (m.unsubscribeLink() != null) {
            sb.append("\n-- \nYou get this because you added this address as a notification channel.\n")
                    .append("Turn these e-mails off: ")
                    .append(m.unsubscribeLink())
                    .append("\n");
        }
        return sb.toString();
    }

    static String html(Message m) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(escape(m.title()))
                .append("</title></head>\n")
                .append("<body style=\"margin:0;padding:24px;background:#f4f4f5;font-family:-apple-system,Segoe UI,")
                .append("Roboto,Helvetica,Arial,sans-serif;color:#18181b\">\n")
                .append(
                        "<div style=\"max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px\">\n");
        if (m.title() != null) {
            sb.append("<h1 style=\"font-size:20px;margin:0 0 16px\">")
                    .append(escape(m.title()))
                    .append("</h1>\n");
        }
        if (m.body() != null) {
            sb.append("<p style=\"font-size:16px;line-height:1.5;margin:0 0 24px\">")
                    .append(escape(m.body().strip()).replace("\n", "<br>\n"))
                    .append("</p>\n");
        }
        if (isWebLink(m.link())) {
            sb.append("<p style=\"margin:0 0 8px\"><a href=\"")
                    .append(escape(m.link()))
                    .append("\" style=\"display:inline-block;background:#2563eb;color:#ffffff;text-decoration:none;")
                    .append("padding:10px 18px;border-radius:6px;font-weight:600\">Open Steadfast</a></p>\n");
        }
        sb.append("</div>\n");
        if (isWebLink(m.unsubscribeLink())) {
            sb.append("<p style=\"max-width:560px;margin:16px auto 0;font-size:12px;color:#71717a\">")
                    .append("You get this because you added this address as a notification channel. <a href=\"")
                    .append(escape(m.unsubscribeLink()))
                    .append("\" style=\"color:#71717a\">Turn these e-mails off</a>.</p>\n");
        }
        sb.append("</body></html>\n");
        return sb.toString();
    }

    /** Text for HTML content and attribute values. */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    // a link is the server's own, yet an href that is not http(s) would run in some mail programs
    private static boolean isWebLink(String link) {
        return link != null && (link.startsWith("https://") || link.startsWith("http://"));
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n]+", " ").strip();
    }

    private static String domain(InternetAddress from) {
        String a = from.getAddress();
        return a.substring(a.lastIndexOf('@') + 1);
    }
}
