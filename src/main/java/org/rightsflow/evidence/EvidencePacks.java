package org.rightsflow.evidence;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rightsflow.deadline.StatutoryClock;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.request.RequestRecord;
import org.springframework.stereotype.Service;

/** Assembles evidence packs: one request's, or every request received in a period. */
@Service
class EvidencePacks {

    /** A period pack covers at most this many years, so one download cannot take the whole history at once. */
    static final int MAX_YEARS = 3;

    private final RequestDirectory requests;
    private final RequestEvidence evidence;
    private final SigningKey key;
    private final StatutoryClock statutoryClock;
    private final Clock clock;

    EvidencePacks(RequestDirectory requests, RequestEvidence evidence, SigningKey key, StatutoryClock statutoryClock,
                  Clock clock) {
        this.requests = requests;
        this.evidence = evidence;
        this.key = key;
        this.statutoryClock = statutoryClock;
        this.clock = clock;
    }

    boolean signingAvailable() {
        return key.available();
    }

    Optional<RequestDetails> find(String reference) {
        return requests.find(reference);
    }

    /** One request, with its subject's name and address once in summary.txt. */
    void writeRequest(RequestDetails request, String issuedBy, OutputStream out) throws IOException {
        try (PackWriter pack = new PackWriter(out, key)) {
            pack.text("README.txt", readme("request " + request.reference(), issuedBy, false));
            evidence.write(pack, "", request, true);
        }
    }

    /**
     * Every request received from {@code from} to {@code to} (both days included, in the statutory clock's zone),
     * without the subjects' names, addresses or appeal statements: the pack shows how requests were handled, not who
     * made them. Each request has its folder; requests.csv indexes them.
     */
    void writePeriod(LocalDate from, LocalDate to, String issuedBy, OutputStream out) throws IOException {
        ZoneId zone = statutoryClock.zone();
        List<RequestRecord> received = requests.receivedBetween(from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant());
        try (PackWriter pack = new PackWriter(out, key)) {
            pack.text("README.txt", readme("requests received from " + from + " to " + to + " (" + received.size()
                    + ")", issuedBy, true));
            List<List<Object>> index = new ArrayList<>();
            for (RequestRecord record : received) {
                Optional<RequestDetails> request = requests.find(record.reference());
                if (request.isEmpty()) {
                    continue;
                }
                RequestEvidence.Outline outline = evidence.write(pack, "requests/" + record.reference() + "/",
                        request.get(), false);
                index.add(List.of(outline.reference(), outline.type(), outline.regime(),
                        RequestEvidence.instant(outline.receivedAt()), outline.due().toString(),
                        RequestEvidence.instant(outline.closedAt()), outline.outcome(), outline.responseDeadline(),
                        outline.timelineIntact() ? "intact" : "BROKEN"));
            }
            pack.text("requests.csv", RequestEvidence.csv(List.of("reference", "type", "law", "received_at", "due_on",
                    "closed_at", "outcome", "response_deadline", "timeline_chain"), index));
        }
    }

    private String readme(String what, String issuedBy, boolean period) {
        return "Rightsflow evidence pack: " + what + "\n"
                + "Issued " + clock.instant() + " to " + issuedBy + "\n"
                + (key.throwaway() ? "WARNING: signed with a throwaway key made when the application started; this"
                        + " signature proves nothing.\n" : "")
                + (period ? "Subjects' names, email addresses and appeal statements are left out of a period pack.\n"
                        : "")
                + "\nTo check it, in the folder this zip was unpacked into:\n"
                + "  sha256sum -c manifest.txt\n"
                + "  openssl pkeyutl -verify -pubin -inkey public.pem -rawin -in manifest.txt -sigfile manifest.sig\n"
                + "and compare public.pem with the key the organisation publishes (/staff/evidence/public-key.pem).\n"
                + "Public key SHA-256: " + key.fingerprint() + "\n";
    }
}
