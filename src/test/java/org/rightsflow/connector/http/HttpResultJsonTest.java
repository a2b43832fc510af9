package org.rightsflow.connector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rightsflow.connector.ActionResult;
import org.rightsflow.connector.ConnectorAction;
import org.rightsflow.connector.TableReport;
import org.rightsflow.connector.http.HttpResultJson.MalformedResultException;

class HttpResultJsonTest {

    @Test
    void readsAnErasureCallback() {
        HttpResultJson.Callback callback = HttpResultJson.parseCallback(bytes("""
                {"reference": "DSR-2026-000042", "action": "ERASE",
                 "summary": "Deleted the billing profile; invoices kept for 10 years.",
                 "tables": [{"table": "profiles", "rowsFound": 1, "rowsDeleted": 1},
                            {"table": "invoices", "rowsFound": 3, "rowsRetained": 3,
                             "retentionNotes": ["GDPR Art. 17(3)(b): invoices, 10 years"]}],
                 "remaining": [{"table": "invoices", "rowsFound": 3, "rowsRetained": 3,
                                "retentionNotes": ["GDPR Art. 17(3)(b): invoices, 10 years"]}]}
                """));

        assertThat(callback.reference()).isEqualTo("DSR-2026-000042");
        ActionResult result = callback.result();
        assertThat(result.action()).isEqualTo(ConnectorAction.ERASE);
        assertThat(result.status()).isEqualTo(ActionResult.Status.DONE);
        assertThat(result.summary()).isEqualTo("Deleted the billing profile; invoices kept for 10 years.");
        assertThat(result.tables()).containsExactly(
                new TableReport("profiles", 1, 1, 0, 0, 0, 0, java.util.List.of()),
                new TableReport("invoices", 3, 0, 0, 0, 3, 0,
                        java.util.List.of("GDPR Art. 17(3)(b): invoices, 10 years")));
        assertThat(result.remaining()).extracting(TableReport::table, TableReport::rowsRetained)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("invoices", 3));
    }

    @Test
    void readsWhatWasMaskedAndWhyForTheSubjectsAnswer() {
        HttpResultJson.Callback callback = HttpResultJson.parseCallback(bytes("""
                {"reference": "DSR-2026-000042", "action": "ERASE", "summary": "Masked the invoices.",
                 "tables": [{"table": "invoices", "rowsFound": 3, "rowsUpdated": 3, "fieldsMasked": 3,
                             "maskedFields": ["billing_name"],
                             "kept": [{"basis": "GDPR_ART_17_3_B", "note": " invoices, 10 years ", "fields": ["total"]},
                                      {"basis": "CCPA_1798_105_D"}]}]}
                """));

        TableReport invoices = callback.result().tables().get(0);
        assertThat(invoices.maskedColumns()).containsExactly("billing_name");
        assertThat(invoices.kept()).containsExactly(
                new TableReport.Keeping("GDPR_ART_17_3_B", "invoices, 10 years", java.util.List.of("total")),
                new TableReport.Keeping("CCPA_1798_105_D", null, java.util.List.of()));
    }

    @Test
    void readsAnAccessCallbackWithExactNumbers() {
        HttpResultJson.Callback callback = HttpResultJson.parseCallback(bytes("""
                {"reference": "DSR-2026-000042", "action": "ACCESS", "summary": "One invoice.",
                 "tables": [{"table": "invoices", "rowsFound": 1}],
                 "data": {"invoices": [{"number": "F-1", "total": 12.50, "paid": true, "note": null}]}}
                """));

        assertThat(callback.result().data().get("invoices")).singleElement().satisfies(record -> {
            assertThat(record).containsEntry("number", "F-1").containsEntry("paid", true).containsEntry("note", null);
            assertThat(record.get("total")).isEqualTo(new BigDecimal("12.50"));
        });
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{\"action\": \"ERASE\", \"summary\": \"x\"}                                    | reference: required but missing",
            "{\"reference\": \"R\", \"summary\": \"x\"}                                     | action: required but missing",
            "{\"reference\": \"R\", \"action\": \"DELETE\", \"summary\": \"x\"}             | action: expected one of [ACCESS",
            "{\"reference\": \"R\", \"action\": \"ERASE\"}                                  | summary: required but missing",
            "{\"reference\": \"R\", \"action\": \"ERASE\", \"summary\": \"  \"}             | summary: expected non-empty text",
            "{\"reference\": \"R\", \"action\": \"ERASE\", \"summary\": \"x\", \"tables\": {}} | tables: expected a list",
            "{\"reference\": \"R\", \"action\": \"ERASE\", \"summary\": \"x\", \"tables\": [{\"rowsFound\": 1}]} | tables[0].table: required but missing",
            "{\"reference\": \"R\", \"action\": \"ERASE\", \"summary\": \"x\", \"tables\": [{\"table\": \"t\", \"rowsFound\": -1}]} | tables[0].rowsFound: expected a whole number, 0 or more",
            "{\"reference\": \"R\", \"action\": \"ERASE\", \"summary\": \"x\", \"tables\": [{\"table\": \"t\", \"rowsFound\": 1.5}]} | tables[0].rowsFound: expected a whole number, 0 or more",
            "{\"reference\": \"R\", \"action\": \"ERASE\", \"summary\": \"x\", \"tables\": [{\"table\": \"t\", \"rowsDeletd\": 1}]} | tables[0]: an unknown key; allowed here: fieldsMasked",
            "{\"reference\": \"R\", \"action\": \"ERASE\", \"summary\": \"x\", \"status\": \"done\"} | top level: an unknown key",
            "{\"reference\": \"R\", \"action\": \"ERASE\", \"summary\": 5}                 | summary: expected non-empty text",
            "{\"reference\": \"R\", \"action\": \"ERASE\", \"summary\": \"x\", \"tables\": [{\"table\": \"t\", \"rowsFound\": \"3\"}]} | tables[0].rowsFound: expected a whole number, 0 or more",
            "{\"reference\": \"R\", \"action\": \"ERASE\", \"summary\": \"x\", \"tables\": [{\"table\": \"t\", \"retentionNotes\": [\" \"]}]} | tables[0].retentionNotes[0]: expected non-empty text",
            "{\"reference\": \"R\", \"action\": \"ERASE\", \"summary\": \"x\", \"data\": {\"t\": [{\"a\": 1}]}} | data: only an ACCESS result carries",
            "{\"reference\": \"R\", \"action\": \"ACCESS\", \"summary\": \"x\", \"remaining\": [{\"table\": \"t\"}]} | remaining: only an ERASE result",
            "{\"reference\": \"R\", \"action\": \"ACCESS\", \"summary\": \"x\", \"data\": {\"t\": {\"a\": 1}}} | data (table 1): expected a list of records",
            "{\"reference\": \"R\", \"action\": \"ACCESS\", \"summary\": \"x\", \"data\": {\"t\": [1]}} | data (table 1)[0]: expected an object",
            "{\"reference\": \"R\", \"reference\": \"S\", \"action\": \"ERASE\", \"summary\": \"x\"} | not valid JSON (line 1",
            "[1, 2]                                                                         | expected a JSON object at the top level",
            "{\"reference\": \"R\", \"action\": \"ERASE\", \"summary\": \"x\"} trailing        | not valid JSON",
            "''                                                                             | the body is empty",
            "{\"reference\": \"R\", \"action\": \"ERASE\", \"summary\": \"x\", \"tables\": [{\"table\": \"t\", \"kept\": [{\"basis\": \"TAX\"}]}]} | tables[0].kept[0].basis: is not one of CCPA_1798_105_D, GDPR_ART_17_3_A",
            "{\"reference\": \"R\", \"action\": \"ERASE\", \"summary\": \"x\", \"tables\": [{\"table\": \"t\", \"kept\": [{\"note\": \"tax\"}]}]} | tables[0].kept[0].basis: required but missing",
            "{\"reference\": \"R\", \"action\": \"ERASE\", \"summary\": \"x\", \"tables\": [{\"table\": \"t\", \"maskedFields\": [\"\"]}]} | tables[0].maskedFields[0]: expected non-empty text",
    })
    void refusesMalformedCallbacksNamingThePath(String body, String message) {
        assertThatThrownBy(() -> HttpResultJson.parseCallback(bytes(body)))
                .isInstanceOf(MalformedResultException.class)
                .hasMessageContaining(message);
    }

    @Test
    void neverQuotesTheBodyInAMessage() {
        String[] bodies = {
                "{\"reference\": \"R\", \"action\": \"ACCESS\", \"summary\": \"x\", \"alice@example.com\": 1}",
                "{\"reference\": \"R\", \"action\": \"ACCESS\", \"summary\": \"x\", \"data\": {\"alice@example.com\": 1}}",
                "{\"reference\": \"R\", \"action\": \"alice@example.com\", \"summary\": \"x\"}",
                "{\"reference\": \"R\", \"action\": \"ACCESS\", \"summary\": \"x\", \"tables\": [{\"table\": \"alice@example.com\", \"rowsFound\": \"alice@example.com\"}]}",
                "{\"reference\": \"R\", \"action\": \"ACCESS\", \"summary\": alice@example.com}",
                "alice@example.com",
        };
        for (String body : bodies) {
            assertThatThrownBy(() -> HttpResultJson.parseCallback(bytes(body)))
                    .isInstanceOf(MalformedResultException.class)
                    .message().doesNotContain("alice");
        }
    }

    @Test
    void aSynchronousAnswerMayLeaveOutReferenceAndActionButMustNotContradictThem() {
        ActionResult result = HttpResultJson.parseAnswer(bytes("{\"summary\": \"Opted out.\"}"),
                ConnectorAction.OPT_OUT, "DSR-1");
        assertThat(result.summary()).isEqualTo("Opted out.");
        assertThat(result.tables()).isEmpty();

        assertThatThrownBy(() -> HttpResultJson.parseAnswer(
                bytes("{\"reference\": \"DSR-2\", \"summary\": \"Opted out.\"}"), ConnectorAction.OPT_OUT, "DSR-1"))
                .hasMessage("reference: does not match the request that was sent");
        assertThatThrownBy(() -> HttpResultJson.parseAnswer(
                bytes("{\"action\": \"ERASE\", \"summary\": \"Erased.\"}"), ConnectorAction.OPT_OUT, "DSR-1"))
                .hasMessage("action: does not match the action that was called (OPT_OUT)");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
