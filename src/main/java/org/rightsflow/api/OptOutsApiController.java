package org.rightsflow.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.StatutoryClock;
import org.rightsflow.optout.Choice;
import org.rightsflow.optout.ConsentLedger;
import org.rightsflow.optout.OptOutProperties;
import org.rightsflow.optout.Purpose;
import org.rightsflow.optout.Recorded;
import org.rightsflow.optout.Signal;
import org.rightsflow.optout.SignalSource;
import org.rightsflow.optout.SuppressionList;
import org.rightsflow.optout.SuppressionStatus;
import org.rightsflow.request.EmailAddress;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bulk door for opt-outs: the company's website backend forwards what its visitors chose (a GPC signal, a
 * cookie banner's "do not sell", an agent's list) many at a time, and other systems ask the suppression list before
 * importing or mailing someone. Every item gets its own verdict, by position, so the caller can reconcile a large
 * file line by line; no email is echoed back.
 */
@RestController
class OptOutsApiController {

    /** The sources a caller may name: the preference center is ours alone. */
    private static final Set<SignalSource> FORWARDABLE = EnumSet.of(SignalSource.GPC, SignalSource.API,
            SignalSource.AGENT, SignalSource.FORM);

    private final ConsentLedger ledger;
    private final SuppressionList suppression;
    private final OptOutProperties properties;
    private final StatutoryClock statutoryClock;
    private final Clock clock;

    OptOutsApiController(ConsentLedger ledger, SuppressionList suppression, OptOutProperties properties,
                         StatutoryClock statutoryClock, Clock clock) {
        this.ledger = ledger;
        this.suppression = suppression;
        this.properties = properties;
        this.statutoryClock = statutoryClock;
        this.clock = clock;
    }

    /** One item of a bulk call, as JSON or as a CSV line (header: email,purpose,choice,source,regime,receivedAt). */
    record OptOutItem(String email, String purpose, String choice, String source, String regime, String receivedAt) {
    }

    record OptOutsBody(List<OptOutItem> optOuts) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ItemResult(int index, String status, Integer duplicateOf, LocalDate dueOn, List<FieldProblem> errors) {
    }

    record OptOutsReport(int received, int recorded, int unchanged, int duplicates, int invalid,
                         List<ItemResult> items) {
    }

    @PostMapping(path = "/api/v1/optouts", consumes = MediaType.APPLICATION_JSON_VALUE)
    OptOutsReport record(@RequestBody OptOutsBody body) {
        if (body == null || body.optOuts() == null || body.optOuts().isEmpty()) {
            throw new InvalidFieldsException(List.of(new FieldProblem("optOuts", "list at least one opt-out")));
        }
        return recordAll(body.optOuts());
    }

    @PostMapping(path = "/api/v1/optouts", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    OptOutsReport recordCsv(@RequestBody String csv) {
        return recordAll(CsvItems.parse(csv));
    }

    private OptOutsReport recordAll(List<OptOutItem> items) {
        if (items.size() > properties.maxPerCall()) {
            throw new InvalidFieldsException(List.of(new FieldProblem("optOuts", "at most " + properties.maxPerCall()
                    + " per call (this one has " + items.size() + "); split the file")));
        }
        ItemResult[] results = new ItemResult[items.size()];
        List<Signal> signals = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<FieldProblem> problems = new ArrayList<>();
            Signal signal = signal(items.get(i), problems);
            if (signal == null) {
                results[i] = new ItemResult(i, "INVALID", null, null, problems);
            } else {
                signals.add(signal);
                positions.add(i);
            }
        }
        int recorded = 0;
        int unchanged = 0;
        int duplicates = 0;
        for (Recorded outcome : signals.isEmpty() ? List.<Recorded>of() : ledger.record(signals)) {
            int index = positions.get(outcome.index());
            Integer duplicateOf = outcome.duplicateOf() == null ? null : positions.get(outcome.duplicateOf());
            results[index] = new ItemResult(index, outcome.outcome().name(), duplicateOf, outcome.dueOn(), null);
            switch (outcome.outcome()) {
                case RECORDED -> recorded++;
                case UNCHANGED -> unchanged++;
                case DUPLICATE -> duplicates++;
            }
        }
        return new OptOutsReport(items.size(), recorded, unchanged, duplicates,
                items.size() - signals.size(), Arrays.asList(results));
    }

    private Signal signal(OptOutItem item, List<FieldProblem> problems) {
        if (item == null) {
            problems.add(new FieldProblem("email", "is required"));
            return null;
        }
        String email = item.email() == null ? "" : item.email().strip();
        if (email.isEmpty()) {
            problems.add(new FieldProblem("email", "is required"));
        } else if (!new EmailAddress.Validator().isValid(email, null)) {
            problems.add(new FieldProblem("email", "is not an email address like name@example.com"));
        }
        Purpose purpose = blank(item.purpose()) ? Purpose.SALE_SHARING
                : ApiValues.require(Purpose.class, "purpose", item.purpose(), problems);
        Choice choice = blank(item.choice()) ? Choice.OPT_OUT
                : ApiValues.require(Choice.class, "choice", item.choice(), problems);
        SignalSource source = blank(item.source()) ? SignalSource.API
                : ApiValues.require(SignalSource.class, "source", item.source(), problems);
        if (source != null && !FORWARDABLE.contains(source)) {
            problems.add(new FieldProblem("source", "must be one of " + FORWARDABLE));
        }
        Regime regime = blank(item.regime()) ? properties.defaultRegime()
                : ApiValues.require(Regime.class, "regime", item.regime(), problems);
        Instant receivedAt = receivedAt(item.receivedAt(), problems);
        if (!problems.isEmpty()) {
            return null;
        }
        return new Signal(email, purpose, choice, source, regime, receivedAt);
    }

    /**
     * The oldest date a signal may carry. No opt-out right this product forwards is older (the CCPA's dates from
     * 2020, the GDPR's objection from 2018), and an unbounded past (year -999999) is a date neither the database nor
     * the statutory clock can hold: it would fail later, far from the caller, instead of here with the field named.
     */
    private static final Instant EARLIEST_RECEIVED_AT = Instant.parse("2000-01-01T00:00:00Z");

    private Instant receivedAt(String value, List<FieldProblem> problems) {
        if (blank(value)) {
            return clock.instant();
        }
        try {
            String text = value.strip();
            Instant instant = text.length() == 10 ? LocalDate.parse(text).atStartOfDay(statutoryClock.zone()).toInstant()
                    : Instant.parse(text);
            if (instant.isAfter(clock.instant())) {
                problems.add(new FieldProblem("receivedAt", "must not be in the future"));
            } else if (instant.isBefore(EARLIEST_RECEIVED_AT)) {
                problems.add(new FieldProblem("receivedAt", "must not be before 2000-01-01"));
            }
            return instant;
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem("receivedAt", "must be a date (2027-01-31) or an instant (2027-01-31T10:15:30Z)"));
            return null;
        }
    }

    record CheckBody(List<String> emails) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CheckResult(int index, String status, Boolean suppressed, Boolean erased, Set<Purpose> optedOut,
                       List<FieldProblem> errors) {
    }

    record CheckReport(List<CheckResult> results) {
    }

    /**
     * Whether each identity is on the suppression list: erased by a deletion request, or opted out. Asked before an
     * import or a campaign, so a restored or bought list does not bring someone back.
     */
    @PostMapping(path = "/api/v1/suppression/check", consumes = MediaType.APPLICATION_JSON_VALUE)
    CheckReport check(@RequestBody CheckBody body) {
        if (body == null || body.emails() == null || body.emails().isEmpty()) {
            throw new InvalidFieldsException(List.of(new FieldProblem("emails", "list at least one email")));
        }
        if (body.emails().size() > properties.maxPerCall()) {
            throw new InvalidFieldsException(List.of(new FieldProblem("emails", "at most " + properties.maxPerCall()
                    + " per call")));
        }
        CheckResult[] results = new CheckResult[body.emails().size()];
        List<String> valid = new ArrayList<>();
        Map<Integer, Integer> positionOf = new HashMap<>();
        for (int i = 0; i < results.length; i++) {
            String email = body.emails().get(i) == null ? "" : body.emails().get(i).strip();
            if (email.isEmpty() || !new EmailAddress.Validator().isValid(email, null)) {
                results[i] = new CheckResult(i, "INVALID", null, null, null, List.of(new FieldProblem("emails[" + i
                        + "]", "is not an email address like name@example.com")));
            } else {
                positionOf.put(valid.size(), i);
                valid.add(email);
            }
        }
        for (SuppressionStatus status : valid.isEmpty() ? List.<SuppressionStatus>of() : suppression.check(valid)) {
            int index = positionOf.get(status.index());
            results[index] = new CheckResult(index, status.suppressed() ? "SUPPRESSED" : "CLEAR", status.suppressed(),
                    status.erased(), status.optedOut(), null);
        }
        return new CheckReport(Arrays.asList(results));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
