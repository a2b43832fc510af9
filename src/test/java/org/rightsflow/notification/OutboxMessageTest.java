package org.rightsflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.rightsflow.support.FieldCipher;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * One outbox message's life: claimed by one dispatcher at a time, retried with growing pauses (1, 2, 4 … minutes,
 * never more than an hour apart), given up after the configured number of attempts so staff see it.
 */
class OutboxMessageTest {

    private static final Instant CREATED = Instant.parse("2027-01-31T10:00:00Z");
    private static final int MAX_ATTEMPTS = 8;

    private static final FieldCipher CIPHER = new FieldCipher("test=" + "A".repeat(43) + "=");
    private static final String STATUS_LINK = "https://privacy.shop.example/status/c3RhdHVzLXRva2Vu";

    /** A message as the dispatcher finds it: already stored, so it has an id. */
    private static OutboxMessage message() {
        OutboxMessage message = new OutboxMessage("DSR-2027-000042", MailKind.ACKNOWLEDGEMENT, "jo@example.com", Locale.ENGLISH,
                new RenderedMail("We received your request DSR-2027-000042", "Hello,\n" + STATUS_LINK + "\n",
                        "Hello,\n[private status link]\n"), CREATED, CIPHER);
        ReflectionTestUtils.setField(message, "id", 17L);
        return message;
    }

    /**
     * Fails the message after each claim and measures, to the second, how long it waits before it can be claimed
     * again.
     */
    private static List<Duration> pausesBetweenAttempts(OutboxMessage message, int maxAttempts) {
        List<Duration> pauses = new ArrayList<>();
        Instant now = CREATED;
        assertThat(message.claim(now)).isTrue();
        while (true) {
            message.failed("421 try again later", now, maxAttempts, CIPHER);
            if (message.status() == MessageStatus.FAILED) {
                return pauses;
            }
            Instant failedAt = now;
            Instant probe = failedAt;
            while (!message.claim(probe)) {
                probe = probe.plusSeconds(1);
                assertThat(Duration.between(failedAt, probe)).as("no pause is longer than an hour")
                        .isLessThanOrEqualTo(Duration.ofMinutes(60));
            }
            pauses.add(Duration.between(failedAt, probe));
            now = probe;
        }
    }

    @Test
    void aNewMessageIsPendingAndDueAtOnce() {
        OutboxMessage message = message();

        assertThat(message.toView(CIPHER).status()).isEqualTo(MessageStatus.PENDING);
        assertThat(message.claim(CREATED)).isTrue();
        assertThat(message.toView(CIPHER).status()).isEqualTo(MessageStatus.SENDING);
        assertThat(message.toView(CIPHER).attempts()).isEqualTo(1);
    }

    @Test
    void aClaimedMessageCannotBeClaimedBySecondDispatcher() {
        OutboxMessage message = message();
        message.claim(CREATED);

        assertThat(message.claim(CREATED.plusSeconds(1))).isFalse();
        assertThat(message.toView(CIPHER).attempts()).isEqualTo(1);
        assertThat(message.toView(CIPHER).status()).isEqualTo(MessageStatus.SENDING);
    }

    @Test
    void failedAttemptsWaitOneTwoFourMinutesAndSoOnButNeverMoreThanAnHour() {
        List<Duration> pauses = pausesBetweenAttempts(message(), 10);

        assertThat(pauses).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                Duration.ofMinutes(8), Duration.ofMinutes(16), Duration.ofMinutes(32), Duration.ofMinutes(60),
                Duration.ofMinutes(60), Duration.ofMinutes(60));
    }

    @Test
    void afterTheLastAllowedAttemptTheMessageIsFailedForGoodWithTheError() {
        OutboxMessage message = message();

        List<Duration> pauses = pausesBetweenAttempts(message, MAX_ATTEMPTS);

        assertThat(pauses).hasSize(MAX_ATTEMPTS - 1);
        OutboxMessageView view = message.toView(CIPHER);
        assertThat(view.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(view.attempts()).isEqualTo(MAX_ATTEMPTS);
        assertThat(view.lastError()).isEqualTo("421 try again later");
        assertThat(message.claim(CREATED.plus(Duration.ofDays(30)))).as("a failed message is never sent again").isFalse();
    }

    @Test
    void aFailedAttemptIsNotRetriedBeforeItsPause() {
        OutboxMessage message = message();
        message.claim(CREATED);
        message.failed("connection refused", CREATED, MAX_ATTEMPTS, CIPHER);

        assertThat(message.toView(CIPHER).status()).isEqualTo(MessageStatus.PENDING);
        assertThat(message.toView(CIPHER).lastError()).isEqualTo("connection refused");
        assertThat(message.claim(CREATED.plusSeconds(59))).isFalse();
        assertThat(message.claim(CREATED.plusSeconds(60))).isTrue();
        assertThat(message.toView(CIPHER).attempts()).isEqualTo(2);
    }

    @Test
    void theErrorKeptForStaffIsBoundedAndNeverEmpty() {
        OutboxMessage message = message();
        message.claim(CREATED);
        message.failed("x".repeat(5000), CREATED, MAX_ATTEMPTS, CIPHER);
        assertThat(message.toView(CIPHER).lastError()).hasSize(1000);

        message.claim(CREATED.plusSeconds(60));
        message.failed(null, CREATED.plusSeconds(60), MAX_ATTEMPTS, CIPHER);
        assertThat(message.toView(CIPHER).lastError()).isEqualTo("unknown error");
    }

    @Test
    void aSentMessageRecordsWhenAndForgetsEarlierErrors() {
        OutboxMessage message = message();
        message.claim(CREATED);
        message.failed("timeout", CREATED, MAX_ATTEMPTS, CIPHER);
        message.claim(CREATED.plusSeconds(60));
        Instant sentAt = CREATED.plusSeconds(61);

        message.sent(sentAt);

        OutboxMessageView view = message.toView(CIPHER);
        assertThat(view.status()).isEqualTo(MessageStatus.SENT);
        assertThat(view.sentAt()).isEqualTo(sentAt);
        assertThat(view.lastError()).isNull();
        assertThat(view.attempts()).isEqualTo(2);
        assertThat(message.claim(sentAt.plus(Duration.ofHours(2)))).as("a sent message is not sent twice").isFalse();
    }

    @Test
    void aClaimOlderThanTheTimeoutIsReleasedAndTheMessageOfferedAgain() {
        OutboxMessage message = message();
        message.claim(CREATED);

        assertThat(message.releaseIfStuck(CREATED)).as("claimed exactly at the cut-off: not yet stuck").isFalse();
        assertThat(message.toView(CIPHER).status()).isEqualTo(MessageStatus.SENDING);

        assertThat(message.releaseIfStuck(CREATED.plusSeconds(1))).isTrue();
        assertThat(message.toView(CIPHER).status()).isEqualTo(MessageStatus.PENDING);
        assertThat(message.claim(CREATED.plus(Duration.ofMinutes(10)))).isTrue();
        assertThat(message.toView(CIPHER).attempts()).isEqualTo(2);
    }

    @Test
    void onlyClaimedMessagesAreReleased() {
        OutboxMessage pending = message();
        assertThat(pending.releaseIfStuck(CREATED.plus(Duration.ofHours(1)))).isFalse();
        assertThat(pending.toView(CIPHER).status()).isEqualTo(MessageStatus.PENDING);

        OutboxMessage sent = message();
        sent.claim(CREATED);
        sent.sent(CREATED.plusSeconds(2));
        assertThat(sent.releaseIfStuck(CREATED.plus(Duration.ofHours(1)))).isFalse();
        assertThat(sent.toView(CIPHER).status()).isEqualTo(MessageStatus.SENT);

        OutboxMessage failed = message();
        failed.claim(CREATED);
        failed.failed("550 mailbox unavailable", CREATED, 1, CIPHER);
        assertThat(failed.releaseIfStuck(CREATED.plus(Duration.ofHours(1)))).isFalse();
        assertThat(failed.toView(CIPHER).status()).isEqualTo(MessageStatus.FAILED);
    }

    @Test
    void staffSeeTheLabelsWhileTheSecretsWaitOnlyForDelivery() {
        OutboxMessage message = message();

        assertThat(message.toView(CIPHER).body()).contains("[private status link]").doesNotContain(STATUS_LINK);
        assertThat(message.deliverableBody(CIPHER)).contains(STATUS_LINK);
        assertThat(message.recipient(CIPHER)).isEqualTo("jo@example.com");
    }

    @Test
    void aSentMessageKeepsNoDeliverableBody() {
        OutboxMessage message = message();
        message.claim(CREATED);

        message.sent(CREATED.plusSeconds(1));

        assertThat(message.deliverableBody(CIPHER)).isNull();
        assertThat(message.toView(CIPHER).body()).contains("[private status link]");
    }

    @Test
    void aFinallyFailedMessageKeepsNoDeliverableBodyButAnEarlierFailureKeepsItForTheRetry() {
        OutboxMessage message = message();
        message.claim(CREATED);
        message.failed("421 try again later", CREATED, 2, CIPHER);
        assertThat(message.deliverableBody(CIPHER)).as("due again").contains(STATUS_LINK);

        message.claim(CREATED.plus(Duration.ofMinutes(1)));
        message.failed("421 try again later", CREATED.plus(Duration.ofMinutes(1)), 2, CIPHER);

        assertThat(message.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(message.deliverableBody(CIPHER)).isNull();
    }
}
