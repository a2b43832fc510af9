package org.rightsflow.portal;

import java.util.Optional;
import org.rightsflow.deadline.Regime;
import org.rightsflow.request.AppealOutcome;
import org.rightsflow.request.AppealView;
import org.rightsflow.request.Extension;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.request.RequestOutcome;
import org.rightsflow.request.RequestStatus;
import org.rightsflow.support.DisplayDates;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Where a request stands, as the customer reads it at the top of the status page: one state, its short label, one
 * headline sentence and one explaining sentence, all from the message bundle ({@code status.page.*}). The state is
 * worked out from everything that can make the bare status misleading, so that the page never says "In progress"
 * while we wait for the customer, or "Refused" after an appeal was granted: an appeal outranks the decision it is
 * against, a question waiting for its answer outranks an extension, and both outrank the bare status.
 *
 * @param detail   what staff wrote for the customer that the state is about (our question, the reason for more time,
 *                 the reasons of a refusal); null when there is none
 * @param remedy   what the customer's law lets them do next; null when nothing was refused
 * @param linkPath the status page of the request that carries out a granted appeal; null otherwise
 */
// Public, as the page's expressions read it by reflection.
public record StatusStanding(State state, MessageSourceResolvable label, MessageSourceResolvable headline,
                             MessageSourceResolvable text, String detail, MessageSourceResolvable remedy,
                             String linkPath, MessageSourceResolvable linkText) {

    /** Every state the customer can find their request in; each has its own label, headline and text keys. */
    public enum State {
        RECEIVED, AWAITING_VERIFICATION, IN_PROGRESS, LINKED_TO_EARLIER, WAITING_FOR_ANSWER, EXTENDED, RESPONDED, COMPLETED,
        COMPLETED_IN_PART, UNVERIFIABLE, REFUSED, ANSWERED_WITH_ORIGINAL, APPEAL_LODGED, APPEAL_GRANTED, APPEAL_DENIED;

        public String key(String part) {
            return "status.page." + name() + "." + part;
        }
    }

    /**
     * What the page knows about the request, gathered by the controller.
     *
     * @param question       the latest question we asked, while the clock stands still for its answer
     * @param refusedPart    whether the answer says a system's part was not carried out
     * @param lawGivesAppeal whether the customer's law gives an appeal to us
     * @param earlierRequest the earlier open request of the same kind this one is answered with, while it is open
     * @param followUpPath   the status page of the request a granted appeal made, when the customer already holds
     *                       its link (it went to the same address)
     */
    record Facts(RequestDetails request, Optional<java.time.Instant> pausedSince, String question,
                 Optional<Extension> extension, Optional<AppealView> appeal, String refusalReasons,
                 boolean refusedPart, boolean lawGivesAppeal, String earlierRequest, String followUpPath) {
    }

    static State stateOf(RequestStatus status, RequestOutcome outcome, boolean paused, boolean extended,
                         AppealView appeal, boolean refusedPart, boolean linkedToEarlier) {
        if (appeal != null) {
            if (!appeal.decided()) {
                return State.APPEAL_LODGED;
            }
            return appeal.outcome() == AppealOutcome.GRANTED ? State.APPEAL_GRANTED : State.APPEAL_DENIED;
        }
        if (outcome != null) {
            return switch (outcome) {
                case COMPLETED -> refusedPart ? State.COMPLETED_IN_PART : State.COMPLETED;
                case UNVERIFIABLE -> State.UNVERIFIABLE;
                case REFUSED -> State.REFUSED;
                case ANSWERED_WITH_ORIGINAL -> State.ANSWERED_WITH_ORIGINAL;
            };
        }
        if (linkedToEarlier && status.isOpen()) {
            return State.LINKED_TO_EARLIER;
        }
        if (status == RequestStatus.RESPONDED) {
            return refusedPart ? State.COMPLETED_IN_PART : State.RESPONDED;
        }
        if (paused) {
            return State.WAITING_FOR_ANSWER;
        }
        if (extended && status != RequestStatus.CLOSED) {
            return State.EXTENDED;
        }
        return switch (status) {
            case RECEIVED -> State.RECEIVED;
            case AWAITING_VERIFICATION -> State.AWAITING_VERIFICATION;
            // A closed request without an outcome does not happen; say it is done rather than invent a state.
            case IN_PROGRESS, RESPONDED -> State.IN_PROGRESS;
            case CLOSED -> State.COMPLETED;
        };
    }

    static StatusStanding of(Facts facts, DisplayDates dates) {
        RequestDetails request = facts.request();
        AppealView appeal = facts.appeal().orElse(null);
        State state = stateOf(request.status(), request.outcome(), facts.pausedSince().isPresent(),
                facts.extension().isPresent(), appeal, facts.refusedPart(), facts.earlierRequest() != null);
        Object[] args = {};
        String detail = null;
        String textKey = state.key("text");
        MessageSourceResolvable remedy = null;
        String linkPath = null;
        MessageSourceResolvable linkText = null;
        Regime regime = request.regime();
        switch (state) {
            case LINKED_TO_EARLIER -> args = new Object[] {facts.earlierRequest()};
            case WAITING_FOR_ANSWER -> {
                args = new Object[] {dates.longDate(dates.dateOf(facts.pausedSince().orElseThrow()))};
                detail = facts.question();
            }
            case EXTENDED -> {
                Extension extension = facts.extension().orElseThrow();
                args = new Object[] {dates.longDate(extension.originalDue()), dates.longDate(request.due()),
                        regime.lawName()};
                detail = extension.reason();
                if (extension.delayNotice()) {
                    // Not an extension the law sets, but a date we promised (docs/legal-rules.md#delay-notice).
                    textKey = "status.page.EXTENDED.delayText";
                }
            }
            case REFUSED, COMPLETED_IN_PART -> {
                detail = state == State.REFUSED ? facts.refusalReasons() : null;
                remedy = remedyAfterRefusal(regime, facts.lawGivesAppeal());
            }
            case APPEAL_LODGED -> args = new Object[] {dates.longDate(dates.dateOf(appeal.appealedAt())),
                    dates.longDate(appeal.dueOn())};
            case APPEAL_GRANTED -> {
                args = new Object[] {appeal.followUpReference()};
                if (facts.followUpPath() != null) {
                    linkPath = facts.followUpPath();
                    linkText = message("status.page.APPEAL_GRANTED.link", appeal.followUpReference());
                }
            }
            case APPEAL_DENIED -> remedy = message("status.page.remedy.denied",
                    new DefaultMessageSourceResolvable(new String[] {"appeal.ag." + regime.name()}, null,
                            "the consumer protection office of your state"));
            default -> {
            }
        }
        return new StatusStanding(state, message(state.key("label")), message(state.key("headline")),
                message(textKey, args), blankToNull(detail), remedy, linkPath, linkText);
    }

    /**
     * Where the law gives an appeal, the form below the headline is the next step; elsewhere the law's remedies, in
     * the page's own words where the email's ("reply to this email") would not fit a web page.
     */
    private static MessageSourceResolvable remedyAfterRefusal(Regime regime, boolean lawGivesAppeal) {
        if (lawGivesAppeal) {
            return message("status.page.remedy.appeal");
        }
        return new DefaultMessageSourceResolvable(new String[] {"status.remedy." + regime.name(),
                "remedy." + regime.name()}, null, null);
    }

    private static MessageSourceResolvable message(String key, Object... args) {
        return new DefaultMessageSourceResolvable(new String[] {key}, args.length == 0 ? null : args);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
