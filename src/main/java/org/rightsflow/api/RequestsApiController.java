package org.rightsflow.api;

import jakarta.validation.Validator;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.rightsflow.audit.AccessKind;
import org.rightsflow.audit.AccessLog;
import org.rightsflow.audit.Actors;
import org.rightsflow.audit.Timeline;
import org.rightsflow.audit.TimelineEntryView;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.deadline.StatutoryClock;
import org.rightsflow.limits.Limit;
import org.rightsflow.limits.RateLimits;
import org.rightsflow.notification.Outbox;
import org.rightsflow.notification.OutboxMessageView;
import org.rightsflow.request.Channel;
import org.rightsflow.request.IntakeProperties;
import org.rightsflow.request.NewRequest;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.request.RequestIntake;
import org.rightsflow.request.RequestedCorrections;
import org.rightsflow.request.SubjectIdentity;
import org.rightsflow.request.SubmittedRequest;
import org.rightsflow.request.UnknownRequestException;
import org.rightsflow.security.ApiCaller;
import org.rightsflow.security.ApiScope;
import org.rightsflow.support.Languages;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/requests")
class RequestsApiController {

    private final RequestIntake intake;
    private final RequestDirectory requests;
    private final Timeline timeline;
    private final Outbox outbox;
    private final StatutoryClock statutoryClock;
    private final Validator validator;
    private final Clock clock;
    private final SystemRegistry systems;
    private final RateLimits limits;
    private final IntakeProperties intakeProperties;
    private final AccessLog accessLog;

    RequestsApiController(RequestIntake intake, RequestDirectory requests, Timeline timeline, Outbox outbox,
                          StatutoryClock statutoryClock, Validator validator, Clock clock, SystemRegistry systems,
                          RateLimits limits, IntakeProperties intakeProperties, AccessLog accessLog) {
        this.accessLog = accessLog;
        this.limits = limits;
        this.intakeProperties = intakeProperties;
        this.systems = systems;
        this.intake = intake;
        this.clock = clock;
        this.validator = validator;
        this.statutoryClock = statutoryClock;
        this.requests = requests;
        this.timeline = timeline;
        this.outbox = outbox;
    }

    @PostMapping
    ResponseEntity<SubmittedBody> submit(@RequestBody SubmitRequestBody body, Principal principal) {
        limits.key(Limit.API_SUBMISSIONS, principal.getName()).orThrow();
        // Bean validation and the vocabulary checks report together, so a client fixes everything in one go.
        List<FieldProblem> problems = new ArrayList<>();
        validator.validate(body).forEach(violation ->
                problems.add(new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage())));
        RequestType type = ApiValues.require(RequestType.class, "type", body.type(), problems);
        Regime regime = ApiValues.require(Regime.class, "regime", body.regime(), problems);
        Channel channel = body.channel() == null ? Channel.API
                : ApiValues.require(Channel.class, "channel", body.channel(), problems);
        Instant receivedAt = parseReceivedAt(body.receivedAt(), problems);
        if (type != null) {
            RequestedCorrections.problems(type, body.corrections(), systems.correctableFields()).forEach(problem ->
                    problems.add(new FieldProblem(problem.field() == null ? "corrections"
                            : "corrections." + problem.field(), problem.message())));
        }
        Locale language = body.language() == null ? Languages.ENGLISH : Languages.ofTag(body.language());
        if (language == null) {
            problems.add(new FieldProblem("language", "must be one of " + Languages.SUPPORTED.stream()
                    .map(Locale::toLanguageTag).toList()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        SubmittedRequest submitted = intake.submit(new NewRequest(type, regime,
                new SubjectIdentity(body.subject().email().strip(), body.subject().name().strip(),
                        blankToNull(body.subject().accountId())),
                blankToNull(body.details()), channel, receivedAt, actor(principal), stripped(body.corrections()),
                ApiCaller.of(principal).map(ApiCaller::keyName).orElse(null)).inLanguage(language));
        RequestDetails request = submitted.request();
        return ResponseEntity.created(URI.create("/api/v1/requests/" + request.reference()))
                .body(new SubmittedBody(request.reference(), request.status().name(), request.receivedAt(),
                        request.due(), request.extendedDue(), request.acknowledgeBy()));
    }

    /**
     * A key with {@code read-own} reads only the requests it submitted; any other reference is answered exactly like
     * an unknown one, so the answers tell nothing about which references exist.
     */
    @GetMapping("/{reference}")
    RequestResource get(@PathVariable String reference, Principal principal) {
        RequestDetails request = requests.find(reference).filter(found -> mayRead(principal, reference))
                .orElseThrow(() -> new UnknownRequestException(reference));
        List<TimelineEntryView> entries = timeline.entries(reference);
        List<OutboxMessageView> messages = outbox.forRequest(reference);
        accessLog.record(actor(principal), AccessKind.API_READ, reference, null);
        return RequestResource.of(request, entries, messages);
    }

    /** The security chain let only privacy officers and keys with a read scope through. */
    private boolean mayRead(Principal principal, String reference) {
        Optional<ApiCaller> key = ApiCaller.of(principal);
        if (key.isEmpty() || key.get().has(ApiScope.READ_ALL)) {
            return true;
        }
        return key.get().has(ApiScope.READ_OWN)
                && requests.submittedByApiKey(reference).filter(key.get().keyName()::equals).isPresent();
    }

    private Instant parseReceivedAt(String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Instant receivedAt = value.length() == 10 ? LocalDate.parse(value).atStartOfDay(statutoryClock.zone()).toInstant()
                    : Instant.parse(value);
            if (receivedAt.isAfter(clock.instant())) {
                problems.add(new FieldProblem("receivedAt", "must not be in the future"));
                return null;
            }
            Instant earliest = intakeProperties.earliestReceivedAt(clock.instant());
            if (receivedAt.isBefore(earliest)) {
                problems.add(new FieldProblem("receivedAt", "must not be before " + earliest
                        + " (requests are entered at most " + intakeProperties.maxBackdating() + " after receipt)"));
                return null;
            }
            return receivedAt;
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem("receivedAt", "must be a date (2027-01-31) or an instant (2027-01-31T09:30:00Z)"));
            return null;
        }
    }

    private static String actor(Principal principal) {
        return ApiCaller.of(principal).map(key -> Actors.api(key.keyName()))
                .orElse(principal == null ? "unknown" : principal.getName());
    }

    private static Map<String, String> stripped(Map<String, String> corrections) {
        Map<String, String> result = new LinkedHashMap<>();
        corrections.forEach((field, value) -> result.put(field, value.strip()));
        return result;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * What the caller learns of the request it submitted. Not the status link: that is the subject's, and reaches
     * them only in the acknowledgement email (no API key ever holds what lets someone act as the subject).
     */
    record SubmittedBody(String reference, String status, Instant receivedAt, LocalDate due, LocalDate extendedDue,
                         LocalDate acknowledgeBy) {
    }
}
