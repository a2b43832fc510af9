package org.rightsflow.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's mail server: a real SMTP server (GreenMail) on the loopback address that keeps every message it
 * receives in memory, so the demo delivers its mail without a mail server of its own, and the demo mailbox page can
 * show each address's messages. What it holds is gone when the application stops.
 */
class DemoMailbox {

    private static final Logger log = LoggerFactory.getLogger(DemoMailbox.class);
    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private final String host;
    private final int port;
    private final GreenMail server;

    DemoMailbox(String host, int port) {
        this.host = host;
        this.port = port;
        this.server = new GreenMail(new ServerSetup(port, host, ServerSetup.PROTOCOL_SMTP));
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    void start() {
        try {
            server.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("The demo mailbox could not listen on " + host + ":" + port
                    + " (rightsflow.demo.mailbox.port; is another demo running?)", e);
        }
        log.info("Demo mailbox: a local SMTP server on {}:{} receives every email; read them at /demo/mailbox", host,
                port);
    }

    void stop() {
        server.stop();
    }

    /** Every address that received mail, alphabetically, each with its messages, newest first. */
    List<Inbox> inboxes() {
        Map<String, List<Mail>> byAddress = new TreeMap<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            Mail mail = mail(message);
            for (String address : recipients(message)) {
                byAddress.computeIfAbsent(address, key -> new ArrayList<>()).add(mail);
            }
        }
        return byAddress.entrySet().stream()
                .map(e -> new Inbox(e.getKey(), e.getValue().stream()
                        .sorted(Comparator.comparing(Mail::sentAt).reversed()).toList()))
                .toList();
    }

    // Public, as the page's expressions read them by reflection.
    public record Inbox(String address, List<Mail> mails) {

        /** An id for the page's anchors that holds no character a fragment cannot. */
        public String anchor() {
            return "inbox-" + Integer.toHexString(address.hashCode());
        }
    }

    /** One message; its body cut into text and links, so that the page can make the links clickable. */
    public record Mail(String subject, Instant sentAt, List<BodyPart> body) {
    }

    public record BodyPart(String text, boolean link) {
    }

    private static Mail mail(MimeMessage message) {
        try {
            Instant sentAt = message.getSentDate() == null ? Instant.EPOCH : message.getSentDate().toInstant();
            Object content = message.getContent();
            String text = content instanceof String plain ? plain : "(not a plain-text message)";
            return new Mail(message.getSubject(), sentAt, parts(text));
        } catch (MessagingException | IOException e) {
            return new Mail("(unreadable message)", Instant.EPOCH, List.of(new BodyPart(e.getMessage(), false)));
        }
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            return to == null ? List.of() : Arrays.stream(to)
                    .map(address -> address.toString().toLowerCase(Locale.ROOT)).toList();
        } catch (MessagingException e) {
            return List.of();
        }
    }

    static List<BodyPart> parts(String text) {
        List<BodyPart> parts = new ArrayList<>();
        Matcher link = LINK.matcher(text);
        int from = 0;
        while (link.find()) {
            if (link.start() > from) {
                parts.add(new BodyPart(text.substring(from, link.start()), false));
            }
            parts.add(new BodyPart(link.group(), true));
            from = link.end();
        }
        if (from < text.length()) {
            parts.add(new BodyPart(text.substring(from), false));
        }
        return parts;
    }
}
