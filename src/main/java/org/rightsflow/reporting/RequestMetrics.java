package org.rightsflow.reporting;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.optout.OptOutRecord;
import org.rightsflow.optout.Purpose;
import org.rightsflow.request.RequestOutcome;
import org.rightsflow.request.RequestRecord;
import org.rightsflow.support.SpreadsheetCsv;

/**
 * The metrics of CCPA §7102(a) for one period, per kind of request: received, complied with in whole or in part,
 * denied, and the median and mean days to respond. Opt-outs and limits count both the requests made through the
 * request form and the signals the ledger carried in batches. Days are calendar days between the dates of receipt
 * and response in the statutory clock's zone.
 *
 * <p>The staff page of the records, its CSV, its charts and the public transparency page all count with this class
 * ({@link RequestFigures}), so a request counts the same wherever it is published.
 */
public final class RequestMetrics {

    /** The rows of the report, in the order §7102 lists them, then everything else. */
    public enum Kind {
        KNOW("Requests to know", "Know"),
        DELETE("Requests to delete", "Delete"),
        CORRECT("Requests to correct", "Correct"),
        OPT_OUT("Requests to opt out of sale or sharing", "Opt out"),
        LIMIT("Requests to limit the use of sensitive personal information", "Limit"),
        OTHER("Other requests (restriction, objection)", "Other");

        private final String label;
        private final String shortLabel;

        Kind(String label, String shortLabel) {
            this.label = label;
            this.shortLabel = shortLabel;
        }

        public String label() {
            return label;
        }

        /** The label under a chart's bar, where the whole one does not fit. */
        public String shortLabel() {
            return shortLabel;
        }

        public static Kind of(RequestType type) {
            return switch (type) {
                case ACCESS, PORTABILITY -> KNOW;
                case DELETION -> DELETE;
                case CORRECTION -> CORRECT;
                case OPT_OUT -> OPT_OUT;
                case LIMIT_SENSITIVE -> LIMIT;
                case RESTRICTION, OBJECTION, DECISION_REVIEW -> OTHER;
            };
        }

        public static Kind of(Purpose purpose) {
            return purpose == Purpose.SALE_SHARING ? OPT_OUT : LIMIT;
        }
    }

    /**
     * @param complied  answered in whole or in part
     * @param denied    closed without being carried out (identity not verified)
     * @param open      not answered yet
     * @param medianDays median calendar days from receipt to response of those answered; null when none was
     * @param meanDays   mean of the same, to one decimal; null when none was
     */
    public record Row(Kind kind, int received, int complied, int denied, int open, Double medianDays, Double meanDays) {
        public String label() {
            return kind.label();
        }
    }

    private RequestMetrics() {
    }

    public static List<Row> of(List<RequestRecord> requests, List<OptOutRecord> optOuts, ZoneId zone) {
        Map<Kind, Tally> tallies = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            tallies.put(kind, new Tally());
        }
        for (RequestRecord request : requests) {
            Tally tally = tallies.get(Kind.of(request.type()));
            tally.received++;
            if (request.outcome() == null) {
                tally.open++;
            } else if (request.outcome() == RequestOutcome.COMPLETED) {
                tally.complied++;
                tally.days.add(days(request.receivedAt(), request.closedAt(), zone));
            } else {
                tally.denied++;
            }
        }
        for (OptOutRecord optOut : optOuts) {
            Tally tally = tallies.get(Kind.of(optOut.purpose()));
            tally.received++;
            if (optOut.carriedOutAt() == null) {
                tally.open++;
            } else {
                tally.complied++;
                tally.days.add(days(optOut.receivedAt(), optOut.carriedOutAt(), zone));
            }
        }
        List<Row> rows = new ArrayList<>();
        tallies.forEach((kind, tally) -> rows.add(tally.row(kind)));
        return rows;
    }

    private static long days(Instant from, Instant to, ZoneId zone) {
        return ChronoUnit.DAYS.between(LocalDate.ofInstant(from, zone), LocalDate.ofInstant(to, zone));
    }

    /** The report as CSV, for the annual publication (CCPA §7102(a)(2)); closes {@code out}. */
    public static void csv(int year, List<Row> rows, Writer out) throws IOException {
        try (SpreadsheetCsv csv = new SpreadsheetCsv(out)) {
            csv.row(List.of("year", "kind", "received", "complied_in_whole_or_part", "denied", "open",
                    "median_days_to_respond", "mean_days_to_respond"));
            for (Row row : rows) {
                csv.row(Arrays.asList(year, row.label(), row.received(), row.complied(), row.denied(), row.open(),
                        row.medianDays(), row.meanDays()));
            }
        }
    }

    private static final class Tally {
        int received;
        int complied;
        int denied;
        int open;
        final List<Long> days = new ArrayList<>();

        Row row(Kind kind) {
            if (days.isEmpty()) {
                return new Row(kind, received, complied, denied, open, null, null);
            }
            List<Long> sorted = days.stream().sorted().toList();
            int middle = sorted.size() / 2;
            double median = sorted.size() % 2 == 1 ? sorted.get(middle)
                    : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
            double mean = Math.round(sorted.stream().mapToLong(Long::longValue).average().orElse(0) * 10) / 10.0;
            return new Row(kind, received, complied, denied, open, median, mean);
        }
    }
}
