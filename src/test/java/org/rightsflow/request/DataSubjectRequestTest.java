package org.rightsflow.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rightsflow.audit.Actors;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.deadline.StatutoryClock;
import org.rightsflow.deadline.StatutoryDeadline;
import org.rightsflow.support.FieldCipher;
import org.rightsflow.support.SubjectHashes;

/**
 * The request's lifecycle (docs: {@link RequestStatus}): the moves the process makes are allowed, every other move is
 * refused with the reference in the message, so a stray or repeated process step cannot reopen or skip ahead.
 */
class DataSubjectRequestTest {

    private static final String REFERENCE = "DSR-2027-000042";
    private static final StatutoryClock CLOCK = StatutoryClock.shipped(ZoneOffset.UTC);
    /** Sunday 31 January 2027, 10:00 UTC. */
    private static final Instant RECEIVED = Instant.parse("2027-01-31T10:00:00Z");
    /** Verified four days later, Thursday 4 February 2027. */
    private static final Instant VERIFIED = Instant.parse("2027-02-04T16:30:00Z");
    private static final PersonalFields FIELDS = new PersonalFields(
            new FieldCipher("test=" + java.util.Base64.getEncoder().encodeToString(new byte[32])),
            new SubjectHashes("test-suppression-key"));

    private static DataSubjectRequest request(Regime regime, RequestType type) {
        NewRequest input = new NewRequest(type, regime, new SubjectIdentity("jo@example.com", "Jo Bloggs", "C-1001"),
                "Please include my order history.", Channel.WEB_FORM, null, Actors.SUBJECT);
        return new DataSubjectRequest(REFERENCE, new StatusToken("token", "salt", "hash"), input, RECEIVED,
                CLOCK.deadline(regime, type, RECEIVED), null, FIELDS);
    }

    private static DataSubjectRequest gdprAccess() {
        return request(Regime.GDPR, RequestType.ACCESS);
    }

    private static RequestDetails details(DataSubjectRequest request) {
        return request.toDetails(true, FIELDS);
    }

    @Test
    void whoTheRequestIsAboutIsHeldSealedAndOpensBackForTheViews() throws IllegalAccessException {
        DataSubjectRequest request = gdprAccess();

        for (java.lang.reflect.Field field : DataSubjectRequest.class.getDeclaredFields()) {
            field.setAccessible(true);
            if (field.getType() == String.class && field.get(request) != null) {
                assertThat((String) field.get(request)).as(field.getName())
                        .doesNotContainIgnoringCase("jo@example.com").doesNotContain("Jo Bloggs", "C-1001", "order history");
            }
        }
        RequestDetails details = details(request);
        assertThat(details.subject()).isEqualTo(new SubjectIdentity("jo@example.com", "Jo Bloggs", "C-1001"));
        assertThat(details.details()).isEqualTo("Please include my order history.");
    }

    @Test
    void aNewRequestIsReceivedWithTheClockStartingOnReceipt() {
        RequestDetails details = details(gdprAccess());

        assertThat(details.status()).isEqualTo(RequestStatus.RECEIVED);
        assertThat(details.receivedAt()).isEqualTo(RECEIVED);
        assertThat(details.clockStartedAt()).isEqualTo(RECEIVED);
        // GDPR: 31 Jan + 1 month = 28 Feb (a Sunday) -> Monday 1 March; 3 months -> 30 April.
        assertThat(details.due()).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(details.extendedDue()).isEqualTo(LocalDate.of(2027, 4, 30));
        assertThat(details.outcome()).isNull();
        assertThat(details.closedAt()).isNull();
    }

    @Test
    void aVerifiedRequestGoesThroughFulfilmentAndResponseToClosedCompleted() {
        DataSubjectRequest request = gdprAccess();

        request.awaitVerification();
        assertThat(request.status()).isEqualTo(RequestStatus.AWAITING_VERIFICATION);
        request.verified(VERIFIED, null);
        assertThat(request.status()).isEqualTo(RequestStatus.IN_PROGRESS);
        request.startFulfilment();
        assertThat(request.status()).isEqualTo(RequestStatus.IN_PROGRESS);
        request.responded();
        assertThat(request.status()).isEqualTo(RequestStatus.RESPONDED);
        Instant closedAt = Instant.parse("2027-02-20T12:00:00Z");
        request.close(RequestOutcome.COMPLETED, closedAt);

        RequestDetails details = details(request);
        assertThat(details.status()).isEqualTo(RequestStatus.CLOSED);
        assertThat(details.status().isOpen()).isFalse();
        assertThat(details.outcome()).isEqualTo(RequestOutcome.COMPLETED);
        assertThat(details.closedAt()).isEqualTo(closedAt);
    }

    @Test
    void aRequestThatNeedsNoVerificationGoesStraightToFulfilment() {
        DataSubjectRequest optOut = request(Regime.CCPA, RequestType.OPT_OUT);

        optOut.startFulfilment();
        optOut.responded();

        assertThat(optOut.status()).isEqualTo(RequestStatus.RESPONDED);
    }

    @Test
    void aRequestNeverConfirmedClosesAsUnverifiable() {
        DataSubjectRequest request = gdprAccess();
        request.awaitVerification();

        request.close(RequestOutcome.UNVERIFIABLE, Instant.parse("2027-02-07T10:00:00Z"));

        assertThat(details(request).status()).isEqualTo(RequestStatus.CLOSED);
        assertThat(details(request).outcome()).isEqualTo(RequestOutcome.UNVERIFIABLE);
    }

    @Test
    void underGdprVerificationLeavesTheClockAndTheDueDateAsTheyWere() {
        DataSubjectRequest request = gdprAccess();
        request.awaitVerification();

        request.verified(VERIFIED, null);

        RequestDetails details = details(request);
        assertThat(details.clockStartedAt()).isEqualTo(RECEIVED);
        assertThat(details.due()).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(details.extendedDue()).isEqualTo(LocalDate.of(2027, 4, 30));
    }

    @Test
    void underUkGdprTheClockStartsAgainOnVerificationAndTheDueDateMoves() {
        DataSubjectRequest request = request(Regime.UK_GDPR, RequestType.ACCESS);
        // Received 31 Jan: 28 Feb is a Sunday -> Monday 1 March.
        assertThat(details(request).due()).isEqualTo(LocalDate.of(2027, 3, 1));
        request.awaitVerification();
        StatutoryDeadline restarted = CLOCK.deadline(Regime.UK_GDPR, RequestType.ACCESS, VERIFIED);

        request.verified(VERIFIED, restarted);

        RequestDetails details = details(request);
        assertThat(details.receivedAt()).as("receipt is history and does not move").isEqualTo(RECEIVED);
        assertThat(details.clockStartedAt()).isEqualTo(VERIFIED);
        // Verified Thursday 4 Feb: + 1 month = Thursday 4 March; + 3 months = Tuesday 4 May.
        assertThat(details.due()).isEqualTo(LocalDate.of(2027, 3, 4));
        assertThat(details.extendedDue()).isEqualTo(LocalDate.of(2027, 5, 4));
        assertThat(details.status()).isEqualTo(RequestStatus.IN_PROGRESS);
    }

    @Test
    void anExtensionTakesTheRegimesLongestPeriodOnceAndOnlyInsideTheFirst() {
        DataSubjectRequest request = gdprAccess();
        LocalDate due = details(request).due();
        assertThat(request.whyNoExtension(due)).isEmpty();
        assertThat(request.whyNoExtension(due.plusDays(1))).get().asString()
                .contains("within the first period, which ended on " + due);

        request.extend(due, VERIFIED, "dpo", "Three archives to restore.");

        // Received 31 Jan 2027: 1 March, extended to 30 April (31 Jan + 3 months, clamped).
        assertThat(details(request).due()).isEqualTo(LocalDate.of(2027, 4, 30));
        assertThat(request.extension()).get().isEqualTo(new Extension(LocalDate.of(2027, 3, 1),
                LocalDate.of(2027, 4, 30), VERIFIED, "dpo", "Three archives to restore.", false));
        assertThat(request.whyNoExtension(due)).get().asString().contains("already extended");
        assertThatThrownBy(() -> request.extend(due, VERIFIED, "dpo", "Again")).isInstanceOf(IllegalStateException.class);
        assertThat(request(Regime.CCPA, RequestType.OPT_OUT).whyNoExtension(due)).get().asString()
                .isEqualTo("CCPA/CPRA gives no extension for this kind of request.");
        assertThat(request(Regime.LGPD, RequestType.ACCESS).whyNoExtension(LocalDate.of(2027, 2, 1))).isPresent();
    }

    @Test
    void underUkGdprAnExtensionBeforeVerificationHoldsOnTheRestartedClock() {
        DataSubjectRequest request = request(Regime.UK_GDPR, RequestType.ACCESS);
        request.awaitVerification();
        request.extend(LocalDate.of(2027, 2, 2), RECEIVED, "dpo", "Many systems.");

        request.verified(VERIFIED, CLOCK.deadline(Regime.UK_GDPR, RequestType.ACCESS, VERIFIED));

        // Verified Thursday 4 Feb: the extended period runs to Tuesday 4 May, replacing Thursday 4 March.
        assertThat(details(request).due()).isEqualTo(LocalDate.of(2027, 5, 4));
        assertThat(request.extension()).get().extracting(Extension::originalDue).isEqualTo(LocalDate.of(2027, 3, 4));
    }

    static Stream<Arguments> refusedMoves() {
        return Stream.of(
                Arguments.of("verify a closed request", (Consumer<DataSubjectRequest>) r -> {
                    r.awaitVerification();
                    r.close(RequestOutcome.UNVERIFIABLE, VERIFIED);
                }, (Consumer<DataSubjectRequest>) r -> r.verified(VERIFIED, null)),
                Arguments.of("verify a request no link was sent for", none(),
                        (Consumer<DataSubjectRequest>) r -> r.verified(VERIFIED, null)),
                Arguments.of("verify twice", (Consumer<DataSubjectRequest>) r -> {
                    r.awaitVerification();
                    r.verified(VERIFIED, null);
                }, (Consumer<DataSubjectRequest>) r -> r.verified(VERIFIED, null)),
                Arguments.of("respond before fulfilment", none(), (Consumer<DataSubjectRequest>) DataSubjectRequest::responded),
                Arguments.of("respond while waiting for verification",
                        (Consumer<DataSubjectRequest>) DataSubjectRequest::awaitVerification,
                        (Consumer<DataSubjectRequest>) DataSubjectRequest::responded),
                Arguments.of("respond twice", (Consumer<DataSubjectRequest>) r -> {
                    r.startFulfilment();
                    r.responded();
                }, (Consumer<DataSubjectRequest>) DataSubjectRequest::responded),
                Arguments.of("fulfil before the subject confirmed",
                        (Consumer<DataSubjectRequest>) DataSubjectRequest::awaitVerification,
                        (Consumer<DataSubjectRequest>) DataSubjectRequest::startFulfilment),
                Arguments.of("fulfil a closed request", (Consumer<DataSubjectRequest>) r -> {
                    r.startFulfilment();
                    r.responded();
                    r.close(RequestOutcome.COMPLETED, VERIFIED);
                }, (Consumer<DataSubjectRequest>) DataSubjectRequest::startFulfilment),
                Arguments.of("ask for verification of a request in progress",
                        (Consumer<DataSubjectRequest>) DataSubjectRequest::startFulfilment,
                        (Consumer<DataSubjectRequest>) DataSubjectRequest::awaitVerification),
                Arguments.of("close twice", (Consumer<DataSubjectRequest>) r -> {
                    r.startFulfilment();
                    r.responded();
                    r.close(RequestOutcome.COMPLETED, VERIFIED);
                }, (Consumer<DataSubjectRequest>) r -> r.close(RequestOutcome.COMPLETED, VERIFIED)));
    }

    private static Consumer<DataSubjectRequest> none() {
        return r -> {
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedMoves")
    void aMoveTheLifecycleDoesNotAllowIsRefusedWithTheReferenceAndChangesNothing(
            String move, Consumer<DataSubjectRequest> history, Consumer<DataSubjectRequest> refused) {
        DataSubjectRequest request = gdprAccess();
        history.accept(request);
        RequestDetails before = details(request);

        assertThatThrownBy(() -> refused.accept(request))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(REFERENCE);

        assertThat(details(request)).as("state after the refused move").isEqualTo(before);
    }

    @Test
    void theRefusalSaysWhereTheRequestStandsAndWhatTheStepNeeds() {
        DataSubjectRequest request = gdprAccess();

        assertThatThrownBy(request::responded)
                .hasMessage("Request DSR-2027-000042 is RECEIVED; this step needs one of [IN_PROGRESS]");
    }

    @Test
    void closingAClosedRequestDoesNotOverwriteItsOutcome() {
        DataSubjectRequest request = gdprAccess();
        request.awaitVerification();
        Instant expired = Instant.parse("2027-02-07T10:00:00Z");
        request.close(RequestOutcome.UNVERIFIABLE, expired);

        assertThatThrownBy(() -> request.close(RequestOutcome.COMPLETED, expired.plusSeconds(60)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Request DSR-2027-000042 is already closed");
        assertThat(details(request).outcome()).isEqualTo(RequestOutcome.UNVERIFIABLE);
        assertThat(details(request).closedAt()).isEqualTo(expired);
    }
}
