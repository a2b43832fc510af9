package org.rightsflow.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rightsflow.audit.Timeline;
import org.rightsflow.audit.TimelineEntryView;
import org.rightsflow.audit.TimelineKind;
import org.rightsflow.connector.ConnectorAction;
import org.rightsflow.connector.FulfilmentResultView;
import org.rightsflow.connector.StepView;
import org.rightsflow.connector.SystemActions;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.deadline.StatutoryClock;
import org.rightsflow.notification.MailKind;
import org.rightsflow.notification.MessageStatus;
import org.rightsflow.notification.Outbox;
import org.rightsflow.notification.OutboxMessageView;
import org.rightsflow.request.AppealView;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.support.SpreadsheetCsv;
import org.springframework.stereotype.Component;

/**
 * The files of one request in a pack. What never goes in: the bodies and recipients of messages (they carry the
 * subject's links and codes), uploaded or gathered personal data, the status token. The subject's name and address
 * appear once, in summary.txt, and only in a one-request pack ({@code withSubject}).
 */
@Component
class RequestEvidence {

    /** Timeline kinds that are someone's decision about the request, listed again in decisions.json. */
    private static final Set<TimelineKind> DECISIONS = EnumSet.of(TimelineKind.ERASURE_DECIDED,
            TimelineKind.CORRECTION_REVIEWED, TimelineKind.CORRECTION_CHECKED, TimelineKind.PACKAGE_ITEM_EXCLUDED,
            TimelineKind.DEADLINE_EXTENDED, TimelineKind.CLOCK_PAUSED, TimelineKind.CLOCK_RESUMED,
            TimelineKind.REFUSED, TimelineKind.REFUSAL_EVIDENCE, TimelineKind.APPEALED, TimelineKind.APPEAL_DECIDED,
            TimelineKind.DUPLICATE_LINKED, TimelineKind.DUPLICATE_UNLINKED, TimelineKind.ESCALATED);

    private final RequestDirectory requests;
    private final Timeline timeline;
    private final SystemRegistry systems;
    private final SystemActions actions;
    private final Outbox outbox;
    private final StatutoryClock statutoryClock;
    private final Clock clock;
    private final ObjectWriter json;

    RequestEvidence(RequestDirectory requests, Timeline timeline, SystemRegistry systems, SystemActions actions,
                    Outbox outbox, StatutoryClock statutoryClock, Clock clock, ObjectMapper objectMapper) {
        this.requests = requests;
        this.timeline = timeline;
        this.systems = systems;
        this.actions = actions;
        this.outbox = outbox;
        this.statutoryClock = statutoryClock;
        this.clock = clock;
        this.json = objectMapper.writerWithDefaultPrettyPrinter();
    }

    /** One line of a period's index: the request and how its deadlines and chain check came out. */
    record Outline(String reference, String type, String regime, Instant receivedAt, LocalDate due, Instant closedAt,
                   String outcome, String responseDeadline, boolean timelineIntact) {
    }

    /** Writes the request's files under {@code folder} ("" or "requests/DSR-…/"); returns its index line. */
    Outline write(PackWriter pack, String folder, RequestDetails request, boolean withSubject) throws IOException {
        String reference = request.reference();
        List<TimelineEntryView> entries = timeline.entries(reference);
        boolean intact = timeline.isIntact(reference);
        List<OutboxMessageView> messages = outbox.forRequest(reference);
        List<Deadline> deadlines = deadlines(request, messages);
        String response = deadlines.stream().filter(d -> d.name().equals(RESPONSE)).map(Deadline::result)
                .findFirst().orElse("");

        pack.text(folder + "summary.txt", summary(request, withSubject, entries, intact));
        pack.text(folder + "timeline.csv", timelineCsv(entries));
        pack.text(folder + "timeline-check.txt", intact
                ? "INTACT: all " + entries.size() + " entries hash to what was written, each links to the one before,"
                  + " and the chain ends where its head says.\n"
                : "BROKEN: an entry was changed or removed outside Rightsflow after it was written.\n");
        pack.text(folder + "systems.json", json.writeValueAsString(systems(reference)));
        pack.text(folder + "messages.csv", messagesCsv(messages));
        pack.text(folder + "decisions.json", json.writeValueAsString(decisions(reference, entries, withSubject)));
        pack.text(folder + "deadlines.csv", deadlinesCsv(deadlines));
        return new Outline(reference, request.type().name(), request.regime().name(), request.receivedAt(),
                request.due(), request.closedAt(), request.outcome() == null ? "" : request.outcome().name(), response,
                intact);
    }

    private String summary(RequestDetails request, boolean withSubject, List<TimelineEntryView> entries,
                           boolean intact) {
        StringBuilder text = new StringBuilder();
        line(text, "Reference", request.reference());
        line(text, "Type", request.type().name());
        line(text, "Law", request.regime().name() + " (" + request.regime().lawName() + ", "
                + request.regime().jurisdiction() + ")");
        line(text, "Statutory right", request.statutoryRight() ? "yes" : "no (handled voluntarily)");
        line(text, "Channel", request.channel().name());
        if (withSubject) {
            line(text, "Subject name", request.subject().name());
            line(text, "Subject email", request.subject().email());
        }
        line(text, "Received", request.receivedAt());
        line(text, "Clock started", request.clockStartedAt());
        line(text, "Due", request.due());
        line(text, "Confirm receipt by", request.acknowledgeBy() == null ? "not required" : request.acknowledgeBy());
        line(text, "Identity verification", request.verificationRequired() ? "required" : "not required");
        line(text, "Status", request.status().name());
        line(text, "Outcome", request.outcome() == null ? "" : request.outcome().name());
        line(text, "Closed", request.closedAt());
        line(text, "Days the clock was paused", requests.pausedDays(request.reference()));
        line(text, "Timeline entries", entries.size());
        line(text, "Timeline hash chain", intact ? "intact" : "BROKEN");
        if (!entries.isEmpty()) {
            line(text, "Last entry hash", entries.get(entries.size() - 1).hash());
        }
        line(text, "Dates", "instants in UTC (ISO 8601); days in the statutory clock's zone " + statutoryClock.zone());
        return text.toString();
    }

    private static void line(StringBuilder text, String label, Object value) {
        text.append(label).append(": ").append(value == null ? "" : value).append('\n');
    }

    private static String timelineCsv(List<TimelineEntryView> entries) throws IOException {
        return csv(List.of("sequence", "occurred_at", "actor", "kind", "description", "entry_hash"), entries.stream()
                .map(e -> List.<Object>of(e.sequence(), instant(e.occurredAt()), e.actor(), e.kind().name(),
                        e.description(), e.hash())).toList());
    }

    /** Per system: its recorded result and every step, with the dry runs' counts and the erasures' proofs. */
    private List<Map<String, Object>> systems(String reference) {
        Map<Long, Map<String, Object>> bySystem = new LinkedHashMap<>();
        for (FulfilmentResultView result : systems.resultsFor(reference)) {
            system(bySystem, result.systemId(), result.systemName()).put("result", result);
        }
        for (StepView step : actions.stepsOf(reference)) {
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("id", step.id());
            shown.put("action", step.action().name());
            shown.put("status", step.status().name());
            shown.put("dryRun", step.action() == ConnectorAction.PLAN_ERASURE);
            shown.put("summary", step.summary());
            shown.put("tables", step.tables());
            if (step.action() == ConnectorAction.ERASE) {
                shown.put("remainingAfterErasure", step.remaining());
                shown.put("proofOfErasure", step.proofOfErasure());
            }
            shown.put("error", step.error());
            shown.put("actor", step.actor());
            shown.put("startedAt", step.startedAt());
            shown.put("finishedAt", step.finishedAt());
            shown.put("durationMs", step.durationMs());
            @SuppressWarnings("unchecked")
            List<Object> steps = (List<Object>) system(bySystem, step.systemId(), step.systemName())
                    .computeIfAbsent("steps", k -> new ArrayList<>());
            steps.add(shown);
        }
        return List.copyOf(bySystem.values());
    }

    private static Map<String, Object> system(Map<Long, Map<String, Object>> bySystem, long id, String name) {
        return bySystem.computeIfAbsent(id, k -> {
            Map<String, Object> system = new LinkedHashMap<>();
            system.put("systemId", id);
            system.put("systemName", name);
            system.put("result", null);
            system.put("steps", new ArrayList<>());
            return system;
        });
    }

    /** Subject lines, kinds (the template they were written from), dates and delivery: never bodies or addresses. */
    private static String messagesCsv(List<OutboxMessageView> messages) throws IOException {
        return csv(List.of("created_at", "sent_at", "status", "attempts", "kind", "template", "subject"),
                messages.stream().map(m -> List.<Object>of(instant(m.createdAt()), instant(m.sentAt()),
                        m.status().name(), m.attempts(), m.kind().name(), "mail/" + m.kind().template(),
                        m.subject())).toList());
    }

    private Map<String, Object> decisions(String reference, List<TimelineEntryView> entries, boolean withSubject) {
        Map<String, Object> decisions = new LinkedHashMap<>();
        decisions.put("extension", requests.extension(reference).orElse(null));
        decisions.put("refusal", requests.refusal(reference).orElse(null));
        decisions.put("appeal", requests.appeal(reference).map(appeal -> appeal(appeal, withSubject)).orElse(null));
        Map<String, Object> pauses = new LinkedHashMap<>();
        pauses.put("pausedDays", requests.pausedDays(reference));
        pauses.put("pausedSince", requests.pausedSince(reference).orElse(null));
        decisions.put("clockPauses", pauses);
        decisions.put("fromTheTimeline", entries.stream().filter(e -> DECISIONS.contains(e.kind())).map(e -> {
            Map<String, Object> decision = new LinkedHashMap<>();
            decision.put("sequence", e.sequence());
            decision.put("at", e.occurredAt());
            decision.put("actor", e.actor());
            decision.put("kind", e.kind().name());
            decision.put("description", e.description());
            return decision;
        }).toList());
        return decisions;
    }

    /** The appeal's decision; the subject's own statement only in a one-request pack. */
    private static Map<String, Object> appeal(AppealView appeal, boolean withSubject) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("appealedAt", appeal.appealedAt());
        shown.put("dueOn", appeal.dueOn());
        if (withSubject) {
            shown.put("statement", appeal.statement());
        }
        shown.put("outcome", appeal.outcome());
        shown.put("explanation", appeal.explanation());
        shown.put("decidedBy", appeal.decidedBy());
        shown.put("decidedAt", appeal.decidedAt());
        shown.put("followUpReference", appeal.followUpReference());
        return shown;
    }

    static final String RESPONSE = "response";

    /** One deadline: its day, the day it was met (or not), and the result. */
    record Deadline(String name, LocalDate dueOn, LocalDate doneOn, String result, String source) {
    }

    /**
     * The receipt confirmation, the response and an appeal's decision, each MET (by its day), LATE (done after it),
     * PENDING (not done, not yet due) or MISSED (not done, and the day has passed).
     */
    private List<Deadline> deadlines(RequestDetails request, List<OutboxMessageView> messages) {
        LocalDate today = statutoryClock.dateOf(clock.instant());
        List<Deadline> deadlines = new ArrayList<>();
        if (request.acknowledgeBy() != null) {
            LocalDate sent = messages.stream().filter(m -> m.kind() == MailKind.ACKNOWLEDGEMENT
                            && m.status() == MessageStatus.SENT && m.sentAt() != null)
                    .map(m -> statutoryClock.dateOf(m.sentAt())).min(LocalDate::compareTo).orElse(null);
            deadlines.add(deadline("receipt-confirmation", request.acknowledgeBy(), sent, today,
                    "acknowledgement email delivered to the mail server"));
        }
        LocalDate closed = request.closedAt() == null ? null : statutoryClock.dateOf(request.closedAt());
        deadlines.add(deadline(RESPONSE, request.due(), closed, today,
                "request answered and closed (due date after any extension and clock pause)"));
        requests.appeal(request.reference()).ifPresent(appeal -> deadlines.add(deadline("appeal-decision",
                appeal.dueOn(), appeal.decidedAt() == null ? null : statutoryClock.dateOf(appeal.decidedAt()), today,
                "appeal decided")));
        return deadlines;
    }

    private static Deadline deadline(String name, LocalDate due, LocalDate done, LocalDate today, String source) {
        String result = done != null ? (done.isAfter(due) ? "LATE" : "MET") : today.isAfter(due) ? "MISSED" : "PENDING";
        return new Deadline(name, due, done, result, source);
    }

    private static String deadlinesCsv(List<Deadline> deadlines) throws IOException {
        return csv(List.of("deadline", "due_on", "done_on", "result", "what_counts"), deadlines.stream()
                .map(d -> List.<Object>of(d.name(), d.dueOn().toString(),
                        d.doneOn() == null ? "" : d.doneOn().toString(), d.result(), d.source())).toList());
    }

    static String instant(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    static String csv(List<String> header, List<List<Object>> rows) throws IOException {
        StringWriter out = new StringWriter();
        try (SpreadsheetCsv csv = new SpreadsheetCsv(out)) {
            csv.row(header);
            for (List<Object> row : rows) {
                csv.row(row);
            }
        }
        return out.toString();
    }
}
