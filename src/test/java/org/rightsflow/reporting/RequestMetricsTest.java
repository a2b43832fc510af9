package org.rightsflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.optout.OptOutRecord;
import org.rightsflow.optout.Purpose;
import org.rightsflow.optout.SignalSource;
import org.rightsflow.request.Channel;
import org.rightsflow.request.RequestOutcome;
import org.rightsflow.request.RequestRecord;

/** The §7102 figures, worked by hand for a small year. */
class RequestMetricsTest {

    private static Instant day(int month, int day) {
        return LocalDate.of(2026, month, day).atTime(10, 0).toInstant(ZoneOffset.UTC);
    }

    private static RequestRecord request(RequestType type, Instant received, Instant closed, RequestOutcome outcome) {
        return new RequestRecord("DSR", type, Regime.CCPA, Channel.WEB_FORM, received, closed, outcome);
    }

    private static OptOutRecord optOut(Purpose purpose, Instant received, Instant carriedOut) {
        return new OptOutRecord(purpose, SignalSource.GPC, Regime.CCPA, received, null, carriedOut);
    }

    @Test
    void countsEachKindAndTakesTheMedianAndMeanOfTheAnsweredOnes() throws IOException {
        List<RequestRecord> requests = List.of(
                request(RequestType.ACCESS, day(1, 5), day(1, 15), RequestOutcome.COMPLETED),          // 10 days
                request(RequestType.PORTABILITY, day(2, 1), day(2, 21), RequestOutcome.COMPLETED),     // 20 days
                request(RequestType.ACCESS, day(3, 1), day(3, 31), RequestOutcome.COMPLETED),          // 30 days
                request(RequestType.ACCESS, day(4, 1), day(4, 8), RequestOutcome.UNVERIFIABLE),        // denied
                request(RequestType.DELETION, day(5, 1), null, null),                                  // open
                request(RequestType.OPT_OUT, day(6, 1), day(6, 3), RequestOutcome.COMPLETED));         // 2 days
        List<OptOutRecord> optOuts = List.of(
                optOut(Purpose.SALE_SHARING, day(6, 1), day(6, 2)),                                    // 1 day
                optOut(Purpose.SALE_SHARING, day(6, 1), day(6, 6)),                                    // 5 days
                optOut(Purpose.SALE_SHARING, day(6, 1), day(6, 5)),                                    // 4 days
                optOut(Purpose.SENSITIVE_USE, day(7, 1), null));                                       // open

        List<RequestMetrics.Row> rows = RequestMetrics.of(requests, optOuts, ZoneOffset.UTC);

        assertThat(rows).extracting(RequestMetrics.Row::kind).containsExactly(RequestMetrics.Kind.values());
        RequestMetrics.Row know = rows.get(0);
        assertThat(know).isEqualTo(new RequestMetrics.Row(RequestMetrics.Kind.KNOW, 4, 3, 1, 0, 20.0, 20.0));
        assertThat(rows.get(1)).isEqualTo(new RequestMetrics.Row(RequestMetrics.Kind.DELETE, 1, 0, 0, 1, null, null));
        // Opt-outs: 2, 1, 5, 4 days -> median (2 + 4) / 2 = 3, mean 12 / 4 = 3.0
        assertThat(rows.get(3)).isEqualTo(new RequestMetrics.Row(RequestMetrics.Kind.OPT_OUT, 4, 4, 0, 0, 3.0, 3.0));
        assertThat(rows.get(4)).isEqualTo(new RequestMetrics.Row(RequestMetrics.Kind.LIMIT, 1, 0, 0, 1, null, null));

        StringWriter csv = new StringWriter();
        RequestMetrics.csv(2026, rows, csv);
        assertThat(csv.toString().lines().toList())
                .startsWith("year,kind,received,complied_in_whole_or_part,denied,open,median_days_to_respond,"
                        + "mean_days_to_respond")
                .contains("2026,Requests to know,4,3,1,0,20.0,20.0",
                        "2026,Requests to delete,1,0,0,1,,",
                        "2026,\"Other requests (restriction, objection)\",0,0,0,0,,");
    }
}
