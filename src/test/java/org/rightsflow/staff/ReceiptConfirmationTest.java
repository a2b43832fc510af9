package org.rightsflow.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.deadline.StatutoryClock;
import org.rightsflow.deadline.StatutoryDeadline;
import org.rightsflow.notification.MailKind;
import org.rightsflow.notification.MessageStatus;
import org.rightsflow.notification.OutboxMessageView;
import org.rightsflow.request.Channel;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.request.RequestStatus;
import org.rightsflow.request.SubjectIdentity;

/** The CCPA confirmation of receipt tracked as its own deadline: 10 business days, met, late, pending or missed. */
class ReceiptConfirmationTest {

    private static final StatutoryClock CLOCK = StatutoryClock.shipped(ZoneOffset.UTC);
    /** Received Monday 4 January 2027: 10 business days later is Tuesday 19 January (MLK Day, 18 Jan, is skipped). */
    private static final Instant RECEIVED = Instant.parse("2027-01-04T10:00:00Z");

    private static RequestDetails request(Regime regime) {
        StatutoryDeadline deadline = CLOCK.deadline(regime, RequestType.ACCESS, RECEIVED);
        return new RequestDetails("DSR-2027-000001", RequestType.ACCESS, regime,
                new SubjectIdentity("jo@example.com", "Jo", null), null, Channel.WEB_FORM, RECEIVED, RECEIVED,
                deadline.due(), deadline.extendedDue(), deadline.acknowledgeBy(), true, true,
                RequestStatus.IN_PROGRESS, null, null);
    }

    private static OutboxMessageView acknowledgement(MessageStatus status, String sentAt) {
        return new OutboxMessageView(1, "DSR-2027-000001", MailKind.ACKNOWLEDGEMENT, "jo@example.com", "We received",
                "body", status, 1, RECEIVED, sentAt == null ? null : Instant.parse(sentAt), null);
    }

    @Test
    void theConfirmationIsMetLatePendingOrMissed() {
        RequestDetails ccpa = request(Regime.CCPA);
        assertThat(ccpa.acknowledgeBy()).isEqualTo(LocalDate.of(2027, 1, 19));

        assertThat(ReceiptConfirmation.of(ccpa, List.of(acknowledgement(MessageStatus.SENT, "2027-01-04T10:00:05Z")),
                LocalDate.of(2027, 1, 4), CLOCK)).isEqualTo(new ReceiptConfirmation(LocalDate.of(2027, 1, 19),
                LocalDate.of(2027, 1, 4), ReceiptConfirmation.State.MET));
        assertThat(ReceiptConfirmation.of(ccpa, List.of(acknowledgement(MessageStatus.SENT, "2027-01-20T08:00:00Z")),
                LocalDate.of(2027, 1, 20), CLOCK).state()).isEqualTo(ReceiptConfirmation.State.LATE);
        assertThat(ReceiptConfirmation.of(ccpa, List.of(acknowledgement(MessageStatus.PENDING, null)),
                LocalDate.of(2027, 1, 19), CLOCK).state()).isEqualTo(ReceiptConfirmation.State.PENDING);
        assertThat(ReceiptConfirmation.of(ccpa, List.of(acknowledgement(MessageStatus.FAILED, null)),
                LocalDate.of(2027, 1, 20), CLOCK).state()).isEqualTo(ReceiptConfirmation.State.MISSED);
        assertThat(ReceiptConfirmation.of(request(Regime.GDPR), List.of(), LocalDate.of(2027, 1, 4), CLOCK))
                .as("GDPR requires no confirmation of receipt").isNull();
    }
}
