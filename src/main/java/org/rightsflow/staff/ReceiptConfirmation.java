package org.rightsflow.staff;

import java.time.LocalDate;
import java.util.List;
import org.rightsflow.deadline.StatutoryClock;
import org.rightsflow.notification.MailKind;
import org.rightsflow.notification.MessageStatus;
import org.rightsflow.notification.OutboxMessageView;
import org.rightsflow.request.RequestDetails;

/**
 * The confirmation of receipt as its own deadline (CCPA §7021(a): within 10 business days): by when it was due,
 * whether and when the acknowledgement email actually went out, and whether that was in time.
 *
 * @param sentOn the day the acknowledgement was delivered to the mail server; null while it was not
 */
record ReceiptConfirmation(LocalDate due, LocalDate sentOn, State state) {

    enum State {
        /** Sent by its date. */
        MET,
        /** Sent, but after its date. */
        LATE,
        /** Not sent yet, and its date has not passed. */
        PENDING,
        /** Not sent, and its date has passed: the subject has not been told we have the request. */
        MISSED
    }

    /** Null where the regime requires no confirmation of receipt. */
    static ReceiptConfirmation of(RequestDetails request, List<OutboxMessageView> messages, LocalDate today,
                                  StatutoryClock clock) {
        if (request.acknowledgeBy() == null) {
            return null;
        }
        LocalDate sentOn = messages.stream()
                .filter(m -> m.kind() == MailKind.ACKNOWLEDGEMENT && m.status() == MessageStatus.SENT
                        && m.sentAt() != null)
                .map(m -> clock.dateOf(m.sentAt())).min(LocalDate::compareTo).orElse(null);
        State state = sentOn != null ? (sentOn.isAfter(request.acknowledgeBy()) ? State.LATE : State.MET)
                : today.isAfter(request.acknowledgeBy()) ? State.MISSED : State.PENDING;
        return new ReceiptConfirmation(request.acknowledgeBy(), sentOn, state);
    }
}
