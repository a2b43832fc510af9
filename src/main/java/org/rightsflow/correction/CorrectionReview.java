package org.rightsflow.correction;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.rightsflow.audit.Timeline;
import org.rightsflow.audit.TimelineKind;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.support.StaffNote;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review of a correction claim. A claim is checked with data other than the data being corrected (CCPA
 * §7061(a)(2)), so the officer says how it was checked; each field is then accepted or refused with a reason.
 * Decided once: the decisions are evidence and never change.
 */
@Service
public class CorrectionReview {

    private final RequestDirectory requests;
    private final CorrectionDecisions decisions;
    private final Timeline timeline;
    private final Clock clock;

    CorrectionReview(RequestDirectory requests, CorrectionDecisions decisions, Timeline timeline, Clock clock) {
        this.requests = requests;
        this.decisions = decisions;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** The claim field by field, in the order the subject gave it, with the decision on each once taken. */
    @Transactional(readOnly = true)
    public List<ClaimedCorrection> claim(String reference) {
        Map<String, FieldDecision> decided = decisions.findByRequestReferenceOrderByIdAsc(reference).stream()
                .collect(Collectors.toMap(CorrectionDecision::field, CorrectionDecision::toView));
        List<ClaimedCorrection> claim = new ArrayList<>();
        requests.requestedCorrections(reference).forEach((field, value) ->
                claim.add(new ClaimedCorrection(field, value, decided.get(field))));
        return claim;
    }

    /** The corrections accepted: field → the corrected value. Empty before the review and when all were refused. */
    @Transactional(readOnly = true)
    public Map<String, String> accepted(String reference) {
        Map<String, String> accepted = new LinkedHashMap<>();
        claim(reference).stream().filter(ClaimedCorrection::accepted)
                .forEach(c -> accepted.put(c.field(), c.requestedValue()));
        return accepted;
    }

    @Transactional(readOnly = true)
    public boolean reviewed(String reference) {
        return decisions.existsByRequestReference(reference);
    }

    /**
     * Records the review: a verdict for every field of the claim, and how the claim was checked.
     *
     * @return how many fields were accepted
     * @throws IllegalArgumentException with a message for the officer when a verdict is missing, a refusal has no
     *                                  reason, or the check is not described; nothing is recorded then
     * @throws IllegalStateException    when the claim was already reviewed
     */
    @Transactional
    public int decide(String reference, List<Verdict> verdicts, String howChecked, String officer) {
        if (decisions.existsByRequestReference(reference)) {
            throw new IllegalStateException("The correction claim of " + reference + " was already reviewed.");
        }
        Map<String, String> claimed = requests.requestedCorrections(reference);
        Map<String, Verdict> byField = verdicts.stream()
                .collect(Collectors.toMap(Verdict::field, Function.identity(), (first, second) -> first));
        String check = howChecked == null ? "" : howChecked.strip();
        if (check.isEmpty()) {
            throw new IllegalArgumentException("Say how you checked the claim, with data other than the data being "
                    + "corrected (for example: the delivery address matches the last three orders).");
        }
        if (check.length() > StaffNote.MAX_LENGTH) {
            throw new IllegalArgumentException("Keep the description of the check under " + StaffNote.MAX_LENGTH + " characters.");
        }
        for (String field : claimed.keySet()) {
            Verdict verdict = byField.get(field);
            if (verdict == null) {
                throw new IllegalArgumentException("Accept or refuse every field; " + field + " has no decision.");
            }
            String reason = verdict.reason() == null ? "" : verdict.reason().strip();
            if (!verdict.accept() && reason.isEmpty()) {
                throw new IllegalArgumentException("Say why the correction of " + field + " is refused: the subject "
                        + "is told the reason.");
            }
            if (reason.length() > StaffNote.MAX_LENGTH) {
                throw new IllegalArgumentException("Keep the reason for " + field + " under " + StaffNote.MAX_LENGTH + " characters.");
            }
        }
        Instant now = clock.instant();
        List<String> accepted = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (String field : claimed.keySet()) {
            Verdict verdict = byField.get(field);
            String reason = verdict.reason() == null ? "" : verdict.reason().strip();
            decisions.save(new CorrectionDecision(reference, field, verdict.accept(),
                    verdict.accept() ? check : reason, officer, now));
            if (verdict.accept()) {
                accepted.add(field);
            } else {
                refused.add(field + " (" + reason + ")");
            }
        }
        timeline.record(reference, officer, TimelineKind.CORRECTION_CHECKED, "Claim checked: " + check);
        timeline.record(reference, officer, TimelineKind.CORRECTION_REVIEWED, describe(accepted, refused));
        return accepted.size();
    }

    private static String describe(List<String> accepted, List<String> refused) {
        StringBuilder text = new StringBuilder("Correction claim reviewed. ");
        text.append(accepted.isEmpty() ? "Nothing accepted" : "Accepted: " + String.join(", ", accepted));
        if (!refused.isEmpty()) {
            text.append(". Refused: ").append(String.join("; ", refused));
        }
        return text.append('.').toString();
    }
}
