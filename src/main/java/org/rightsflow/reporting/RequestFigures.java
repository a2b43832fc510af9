package org.rightsflow.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.StatutoryClock;
import org.rightsflow.optout.ConsentLedger;
import org.rightsflow.optout.OptOutRecord;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.request.RequestRecord;
import org.springframework.stereotype.Service;

/**
 * The §7102 figures of a calendar year in the statutory clock's zone: every request received in it and every opt-out
 * signal the ledger took in it, counted by {@link RequestMetrics}. The staff metrics page, its CSV, its charts and the
 * public transparency page all read them here.
 */
@Service
public class RequestFigures {

    private final RequestDirectory requests;
    private final ConsentLedger ledger;
    private final StatutoryClock statutoryClock;

    RequestFigures(RequestDirectory requests, ConsentLedger ledger, StatutoryClock statutoryClock) {
        this.requests = requests;
        this.ledger = ledger;
        this.statutoryClock = statutoryClock;
    }

    /** The rows of {@code year}, of one law or (empty) of all. */
    public List<RequestMetrics.Row> year(int year, Optional<Regime> regime) {
        ZoneId zone = statutoryClock.zone();
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant();
        List<RequestRecord> made = requests.receivedBetween(from, to).stream()
                .filter(r -> regime.isEmpty() || r.regime() == regime.get()).toList();
        List<OptOutRecord> optOuts = ledger.optOutsReceivedBetween(from, to).stream()
                .filter(r -> regime.isEmpty() || r.regime() == regime.get()).toList();
        return RequestMetrics.of(made, optOuts, zone);
    }
}
