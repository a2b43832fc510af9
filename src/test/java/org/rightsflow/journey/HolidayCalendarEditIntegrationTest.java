package org.rightsflow.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.rightsflow.testsupport.WebSession;
import org.rightsflow.testsupport.WebSession.Page;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An admin adds a day off to the US federal calendar: the deadline calculator counts the CCPA opt-out's 15 business
 * days past it at once; a broken calendar is refused with the reason and changes nothing; only admins edit.
 */
@RightsflowIntegrationTest
class HolidayCalendarEditIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void anAdminAddsAHolidayAndNewDeadlinesCountWithIt() throws Exception {
        // Received Monday 1 February 2027: 15 business days later is Tuesday 23 February (Presidents' Day, 15 February,
        // is already a federal holiday).
        assertThat(due("2027-02-01")).isEqualTo("2027-02-23");

        WebSession admin = new WebSession(port).login("admin", "admin");
        Page list = admin.get("/staff/calendars");
        assertThat(list.mainText()).contains("US-FEDERAL", "UK-ENG-WLS");
        Page calendar = admin.get("/staff/calendars/US-FEDERAL");
        String yaml = calendar.document().selectFirst("#yaml").text();
        assertThat(yaml).contains("id: US-FEDERAL");

        Page broken = admin.post("/staff/calendars/US-FEDERAL", calendar, Map.of("yaml",
                yaml.replace("coverage: {from: 2026-01-01, to: 2028-12-31}", "coverage: {from: 2026-01-01}")));
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.text("#calendar-error")).contains("coverage");
        assertThat(due("2027-02-01")).as("nothing changed").isEqualTo("2027-02-23");
        Page otherId = admin.post("/staff/calendars/US-FEDERAL", calendar, Map.of("yaml",
                yaml.replace("id: US-FEDERAL", "id: US-OTHER")));
        assertThat(otherId.text("#calendar-error")).contains("The id must stay US-FEDERAL");

        String withDayOff = yaml.replace("holidays:\n", "holidays:\n  - {date: 2027-02-05, name: Day off by executive "
                + "order}\n");
        try {
            Page saved = admin.post("/staff/calendars/US-FEDERAL", calendar, Map.of("yaml", withDayOff));
            assertThat(saved.status()).isEqualTo(200);
            assertThat(saved.mainText()).contains("Saved.", "holidays added: [2027-02-05]", "by admin");
            assertThat(due("2027-02-01")).as("one more day off, one day later").isEqualTo("2027-02-24");
            assertThat(admin.get("/staff/calendars").mainText()).contains("edited here");
        } finally {
            // The application is shared with other tests: the calendar as shipped again.
            admin.post("/staff/calendars/US-FEDERAL", calendar, Map.of("yaml", yaml));
        }
        assertThat(due("2027-02-01")).isEqualTo("2027-02-23");

        WebSession dpo = new WebSession(port).login("dpo", "dpo");
        Page denied = dpo.get("/staff/calendars/US-FEDERAL");
        assertThat(denied.mainText()).contains("You are not allowed to see this page");
    }

    private String due(String received) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/api/v1/deadlines?regime=CCPA&type=OPT_OUT&received=" + received))
                .build(), HttpResponse.BodyHandlers.ofString());
        return response.body().replaceAll("(?s).*\"due\":\"([0-9-]+)\".*", "$1");
    }
}
