package org.rightsflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.portal.StatusStanding.Facts;
import org.rightsflow.portal.StatusStanding.State;
import org.rightsflow.request.AppealOutcome;
import org.rightsflow.request.AppealView;
import org.rightsflow.request.Channel;
import org.rightsflow.request.Extension;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.request.RequestOutcome;
import org.rightsflow.request.RequestStatus;
import org.rightsflow.request.SubjectIdentity;
import org.rightsflow.support.DisplayDates;
import org.rightsflow.support.MessageBundles;
import org.rightsflow.testsupport.Readability;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;

/**
 * What the top of the status page says in each state: the state that wins when several things are true, a label,
 * headline and text of its own for every state (no two headlines alike), and plain enough words: US grade 8 or below
 * (Flesch-Kincaid) with realistic values filled in. The journeys that reach each state over HTTP are in
 * {@code StatusPageIntegrationTest}.
 */
class StatusStandingTest {

    private static final DisplayDates DATES = new DisplayDates(ZoneOffset.UTC);
    private static final Instant NOW = Instant.parse("2026-03-02T10:15:00Z");
    private final MessageSource bundle = bundle();

    @Test
    void aWaitingQuestionOutranksAnExtensionAndAnAppealOutranksTheDecisionItIsAgainst() {
        assertThat(StatusStanding.stateOf(RequestStatus.IN_PROGRESS, null, true, true, null, false, false))
                .isEqualTo(State.WAITING_FOR_ANSWER);
        assertThat(StatusStanding.stateOf(RequestStatus.IN_PROGRESS, null, false, true, null, false, false))
                .isEqualTo(State.EXTENDED);
        assertThat(StatusStanding.stateOf(RequestStatus.CLOSED, RequestOutcome.COMPLETED, false, true, null, false,
                false))
                .as("an extended request that is done is done").isEqualTo(State.COMPLETED);
        assertThat(StatusStanding.stateOf(RequestStatus.CLOSED, RequestOutcome.REFUSED, false, false,
                appeal(null), false, false)).isEqualTo(State.APPEAL_LODGED);
        assertThat(StatusStanding.stateOf(RequestStatus.CLOSED, RequestOutcome.REFUSED, false, false,
                appeal(AppealOutcome.GRANTED), false, false)).isEqualTo(State.APPEAL_GRANTED);
        assertThat(StatusStanding.stateOf(RequestStatus.CLOSED, RequestOutcome.COMPLETED, false, false,
                appeal(AppealOutcome.DENIED), true, false)).isEqualTo(State.APPEAL_DENIED);
        assertThat(StatusStanding.stateOf(RequestStatus.CLOSED, RequestOutcome.COMPLETED, false, false, null, true,
                false))
                .isEqualTo(State.COMPLETED_IN_PART);
        assertThat(StatusStanding.stateOf(RequestStatus.RECEIVED, null, false, false, null, false, true))
                .isEqualTo(State.LINKED_TO_EARLIER);
        assertThat(StatusStanding.stateOf(RequestStatus.CLOSED, RequestOutcome.ANSWERED_WITH_ORIGINAL, false, false,
                null, false, true)).isEqualTo(State.ANSWERED_WITH_ORIGINAL);
    }

    @Test
    void everyStateHasItsOwnLabelHeadlineAndTextFromTheBundle() {
        Map<State, StatusStanding> standings = everyState();
        assertThat(standings.keySet()).containsExactlyInAnyOrder(State.values());
        List<String> headlines = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        standings.forEach((state, standing) -> {
            assertThat(standing.state()).isEqualTo(state);
            labels.add(read(standing.label()));
            headlines.add(read(standing.headline()));
            assertThat(read(standing.text())).as(state + " text").isNotBlank().doesNotContain("{", "}");
            if (standing.detail() != null) {
                assertThat(bundle.getMessage(state.key("detail"), null, Locale.ENGLISH)).isNotBlank();
            }
        });
        assertThat(headlines).as("no two states share a headline").doesNotHaveDuplicates();
        assertThat(labels).as("no two states share a label").doesNotHaveDuplicates();
    }

    @Test
    void whatEachStateSaysFitsItsState() {
        Map<State, StatusStanding> standings = everyState();
        StatusStanding waiting = standings.get(State.WAITING_FOR_ANSWER);
        assertThat(read(waiting.headline())).contains("waiting for your answer");
        assertThat(read(waiting.text())).contains("2 March 2026", "stands still");
        assertThat(waiting.detail()).isEqualTo("Which of your two accounts do you mean?");
        assertThat(read(standings.get(State.EXTENDED).text())).contains("UK GDPR", "from Thursday 2 April 2026 to Tuesday 2 June 2026");
        assertThat(standings.get(State.EXTENDED).detail()).contains("three archives");
        assertThat(read(standings.get(State.REFUSED).remedy())).as("UK GDPR: the regulator and the courts")
                .contains("Information Commissioner");
        StatusStanding granted = standings.get(State.APPEAL_GRANTED);
        assertThat(read(granted.text())).contains("DSR-2026-FOLLOWUP01");
        assertThat(granted.linkPath()).isEqualTo("/status/follow-up-token");
        assertThat(read(granted.linkText())).contains("DSR-2026-FOLLOWUP01");
        assertThat(read(standings.get(State.APPEAL_DENIED).remedy())).contains("Virginia Attorney General");

        StatusStanding ccpa = StatusStanding.of(facts(request(Regime.CCPA, RequestStatus.CLOSED,
                RequestOutcome.REFUSED), Optional.empty(), Optional.empty(), Optional.empty(), false, false, null),
                DATES);
        assertThat(read(ccpa.remedy())).as("the page's words, not the email's").contains("reply to our email",
                "California Privacy Protection Agency").doesNotContain("this email");
        StatusStanding virginia = StatusStanding.of(facts(request(Regime.VCDPA, RequestStatus.CLOSED,
                RequestOutcome.REFUSED), Optional.empty(), Optional.empty(), Optional.empty(), false, true, null),
                DATES);
        assertThat(read(virginia.remedy())).contains("appeal with the form below");
        StatusStanding noLink = StatusStanding.of(facts(request(Regime.VCDPA, RequestStatus.CLOSED,
                RequestOutcome.REFUSED), Optional.empty(), Optional.empty(),
                Optional.of(appeal(AppealOutcome.GRANTED)), false, true, null), DATES);
        assertThat(noLink.linkPath()).as("no link unless the customer already holds it").isNull();
        assertThat(read(noLink.text())).contains("carry it out as a new request");
    }

    @Test
    void everyStateReadsAtUsGradeEightOrBelow() {
        everyState().forEach((state, standing) -> {
            String text = read(standing.headline()) + " " + read(standing.text());
            assertThat(Readability.grade(text)).as(state + ": " + text).isLessThanOrEqualTo(8.0);
        });
        for (String key : List.of("status.page.remedy.appeal", "status.page.appeal.invite", "status.page.appeal.denied")) {
            String text = bundle.getMessage(key, null, Locale.ENGLISH);
            assertThat(Readability.grade(text)).as(key + ": " + text).isLessThanOrEqualTo(8.0);
        }
    }

    @Test
    void theGradeMeasureTellsPlainFromDenseText() {
        assertThat(Readability.grade("We have your request. We will email you soon.")).isLessThan(4);
        assertThat(Readability.grade("Notwithstanding the aforementioned statutory considerations, the controller "
                + "determined that the substantive prerequisites for fulfilment were unsatisfied.")).isGreaterThan(12);
    }

    /** One realistic standing per state, under UK GDPR (which pauses) and Virginia (which appeals). */
    private Map<State, StatusStanding> everyState() {
        Map<State, StatusStanding> standings = new EnumMap<>(State.class);
        Extension extension = new Extension(LocalDate.parse("2026-04-02"), LocalDate.parse("2026-06-02"), NOW,
                "dpo", "Your data sits in three archives we must restore first.", false);
        for (RequestStatus status : List.of(RequestStatus.RECEIVED, RequestStatus.AWAITING_VERIFICATION,
                RequestStatus.IN_PROGRESS, RequestStatus.RESPONDED)) {
            put(standings, facts(request(Regime.UK_GDPR, status, null), Optional.empty(), Optional.empty(),
                    Optional.empty(), false, false, null));
        }
        put(standings, facts(request(Regime.UK_GDPR, RequestStatus.IN_PROGRESS, null), Optional.of(NOW),
                Optional.of(extension), Optional.empty(), false, false, null));
        put(standings, facts(request(Regime.UK_GDPR, RequestStatus.IN_PROGRESS, null), Optional.empty(),
                Optional.of(extension), Optional.empty(), false, false, null));
        for (RequestOutcome outcome : RequestOutcome.values()) {
            put(standings, facts(request(Regime.UK_GDPR, RequestStatus.CLOSED, outcome), Optional.empty(),
                    Optional.empty(), Optional.empty(), false, false, null));
        }
        put(standings, new Facts(request(Regime.UK_GDPR, RequestStatus.RECEIVED, null), Optional.empty(), null,
                Optional.empty(), Optional.empty(), null, false, false, "DSR-2026-EARLIER001", null));
        put(standings, facts(request(Regime.VCDPA, RequestStatus.CLOSED, RequestOutcome.COMPLETED), Optional.empty(),
                Optional.empty(), Optional.empty(), true, true, null));
        for (AppealOutcome outcome : Arrays.asList(null, AppealOutcome.GRANTED, AppealOutcome.DENIED)) {
            put(standings, facts(request(Regime.VCDPA, RequestStatus.CLOSED, RequestOutcome.REFUSED),
                    Optional.empty(), Optional.empty(), Optional.of(appeal(outcome)), false, true,
                    "/status/follow-up-token"));
        }
        return standings;
    }

    private static void put(Map<State, StatusStanding> standings, Facts facts) {
        StatusStanding standing = StatusStanding.of(facts, DATES);
        standings.put(standing.state(), standing);
    }

    private static Facts facts(RequestDetails request, Optional<Instant> pausedSince, Optional<Extension> extension,
                               Optional<AppealView> appeal, boolean refusedPart, boolean lawGivesAppeal,
                               String followUpPath) {
        return new Facts(request, pausedSince, pausedSince.isPresent() ? "Which of your two accounts do you mean?"
                : null, extension, appeal, request.outcome() == RequestOutcome.REFUSED
                ? "The records are under legal privilege." : null, refusedPart, lawGivesAppeal, null, followUpPath);
    }

    private static RequestDetails request(Regime regime, RequestStatus status, RequestOutcome outcome) {
        LocalDate due = dueOf(regime);
        return new RequestDetails("DSR-2026-ORIGINAL01", RequestType.ACCESS, regime,
                new SubjectIdentity("jo@example.com", "Jo", null), "", Channel.WEB_FORM, NOW, NOW, due,
                due.plusMonths(2), null, true, true, status, outcome, outcome == null ? null : NOW);
    }

    private static LocalDate dueOf(Regime regime) {
        return regime == Regime.UK_GDPR ? LocalDate.parse("2026-06-02") : LocalDate.parse("2026-04-16");
    }

    private static AppealView appeal(AppealOutcome outcome) {
        return new AppealView("DSR-2026-ORIGINAL01", "Not all of it.", NOW, LocalDate.parse("2026-05-01"), outcome,
                outcome == null ? null : "Only the legal file is privileged.", outcome == null ? null : "admin",
                outcome == null ? null : NOW, outcome == AppealOutcome.GRANTED ? "DSR-2026-FOLLOWUP01" : null);
    }

    private String read(MessageSourceResolvable message) {
        return bundle.getMessage(message, Locale.ENGLISH);
    }

    private static MessageSource bundle() {
        return MessageBundles.create();
    }
}
