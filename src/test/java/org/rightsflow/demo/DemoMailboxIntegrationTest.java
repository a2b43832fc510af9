package org.rightsflow.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.WebSession;
import org.rightsflow.testsupport.WebSession.Page;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The demo without a mail server of its own: its mail really goes out over SMTP, to the demo's local server, and
 * anyone reads it on the demo mailbox page, which says it exists only in the demo. The customer confirms from the
 * link read there; the privacy officer's page shows the same message with the link replaced by its label.
 */
@DemoMailboxOnTest
class DemoMailboxIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void theDemosMailArrivesInTheDemoMailboxAndItsLinksWork() {
        assertThat(context.getBean(JavaMailSender.class)).isInstanceOfSatisfying(JavaMailSenderImpl.class,
                sender -> assertThat(sender.getHost()).isEqualTo("127.0.0.1"));
        Journey journey = new Journey(port, "demo-mailbox");
        journey.submit("ACCESS", "GDPR", "All of it.");
        WebSession visitor = new WebSession(port);

        Page mailbox = await().atMost(Journey.PATIENCE).until(() -> visitor.get("/demo/mailbox"),
                page -> page.mainText().contains("Please confirm your request " + journey.reference()));

        assertThat(mailbox.status()).isEqualTo(200);
        assertThat(mailbox.text("#demo-only")).contains("This page exists only in the demo");
        assertThat(mailbox.document().select("nav[aria-labelledby=addresses-heading] a").eachText())
                .contains(journey.email());
        String anchor = mailbox.document().select("nav[aria-labelledby=addresses-heading] a").stream()
                .filter(a -> a.text().equals(journey.email())).findFirst().orElseThrow().attr("href");
        Element inbox = mailbox.document().selectFirst(anchor);
        assertThat(inbox.select("h3").eachText()).contains("We received your request " + journey.reference(),
                "Please confirm your request " + journey.reference());
        String verifyLink = inbox.select("pre.mail a[href*=/verify/]").attr("href");
        assertThat(verifyLink).as("the link is clickable").contains("/verify/");

        String path = URI.create(verifyLink).getPath();
        Page confirm = journey.subjectSession().get(path);
        assertThat(confirm.mainText()).contains(journey.reference());
        assertThat(journey.subjectSession().post(path, confirm, Map.of()).status()).isEqualTo(200);

        Page staffView = new WebSession(port).login("dpo", "dpo").get("/staff/requests/" + journey.reference());
        assertThat(staffView.mainText()).contains("Please confirm your request", "[one-time verification link]");
        assertThat(staffView.body()).as("staff never see the link, in the demo either")
                .doesNotContain(path.substring(path.lastIndexOf('/') + 1));
    }

    /**
     * The preference-center link belongs to no request, and goes out like every other mail: the demo mailbox shows it
     * under its address, with its link clickable, and the link opens the person's choices.
     */
    @Test
    void thePreferenceCenterLinkThatBelongsToNoRequestIsInTheDemoMailboxToo() {
        String email = "preferences+" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        WebSession visitor = new WebSession(port);
        Page sent = visitor.post("/preferences", visitor.get("/preferences"), Map.of("email", email));
        assertThat(sent.status()).isEqualTo(200);

        Page mailbox = await().atMost(Journey.PATIENCE).until(() -> visitor.get("/demo/mailbox"),
                page -> page.document().select("nav[aria-labelledby=addresses-heading] a").eachText()
                        .contains(email));
        String anchor = mailbox.document().select("nav[aria-labelledby=addresses-heading] a").stream()
                .filter(a -> a.text().equals(email)).findFirst().orElseThrow().attr("href");
        Element inbox = mailbox.document().selectFirst(anchor);
        assertThat(inbox.select("h3").eachText()).anySatisfy(subject ->
                assertThat(subject).contains("Your privacy choices"));
        String link = inbox.select("pre.mail a[href*=/preferences/]").attr("href");
        assertThat(link).as("the preference link is clickable").contains("/preferences/");

        Page choices = new WebSession(port).get(URI.create(link).getPath());
        assertThat(choices.status()).isEqualTo(200);
        assertThat(choices.mainText()).contains(email);
    }
}
