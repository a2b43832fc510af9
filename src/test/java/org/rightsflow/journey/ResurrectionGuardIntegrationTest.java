package org.rightsflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rightsflow.audit.Timeline;
import org.rightsflow.audit.TimelineEntryView;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.optout.ResurrectionGuard;
import org.rightsflow.optout.SuppressionList;
import org.rightsflow.request.RequestDirectory;
import org.rightsflow.request.RequestOutcome;
import org.rightsflow.testsupport.Journey;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.rightsflow.testsupport.ShopDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A customer is erased by a deletion request; then a backup restore brings their row back into the shop database.
 * The resurrection guard finds them by the suppression list's hash and erases them again, on the record.
 */
@RightsflowIntegrationTest
class ResurrectionGuardIntegrationTest {

    static final int CUSTOMER = 28;

    @LocalServerPort
    int port;

    @Autowired
    SystemRegistry systems;

    @Autowired
    RequestDirectory requests;

    @Autowired
    SuppressionList suppression;

    @Autowired
    ResurrectionGuard guard;

    @Autowired
    Timeline timeline;

    @Test
    void anErasedCustomerRestoredFromABackupIsFoundAndErasedAgain() throws Exception {
        ShopDatabase shop = ShopDatabase.of(systems);
        String email = shop.emailOf(CUSTOMER);
        Map<String, String> backup = shop.rowsOf("customers", CUSTOMER).get(0);

        Journey journey = new Journey(port, "unused").withEmail(email);
        journey.submit("DELETION", "CCPA", "Delete my account.");
        journey.confirmFromEmail();
        journey.completeTasksAs("dpo", "dpo", 2, "DONE", "Requester deleted in the help desk.");
        journey.confirmAsProcessor(Journey.DEMO_AGENCY, "Subscriber removed.");
        await().atMost(Journey.PATIENCE).until(() -> requests.get(journey.reference()).outcome()
                == RequestOutcome.COMPLETED);
        assertThat(shop.rowsOf("customers", CUSTOMER).get(0).get("email")).isNotEqualTo(email);
        assertThat(suppression.check(List.of(email)).get(0).erased()).as("on the suppression list").isTrue();

        ResurrectionGuard.ScanReport quiet = guard.scan();
        assertThat(quiet.erasedAgain()).as("nothing came back yet").isZero();

        // The restore: last week's backup of the customer row overwrites the erased one.
        shop.update("update customers set email = ?, first_name = ?, last_name = ?, phone = ? where id = ?",
                backup.get("email"), backup.get("first_name"), backup.get("last_name"), backup.get("phone"), CUSTOMER);
        assertThat(shop.emailOf(CUSTOMER)).isEqualTo(email);

        ResurrectionGuard.ScanReport report = guard.scan();

        assertThat(report.erasedAgain()).isEqualTo(1);
        assertThat(report.systems()).anySatisfy(scan -> {
            assertThat(scan.system()).isEqualTo("Shop customer database");
            assertThat(scan.scanned()).isGreaterThan(200);
            assertThat(scan.problem()).isNull();
        });
        Map<String, String> after = shop.rowsOf("customers", CUSTOMER).get(0);
        assertThat(after.get("email")).isNotEqualTo(email);
        assertThat(after.get("first_name")).isEqualTo("[erased]");
        assertThat(timeline.entries(journey.reference())).extracting(TimelineEntryView::description)
                .anyMatch(text -> text.startsWith("The erased person was found again in Shop customer database"));
        assertThat(guard.scan().erasedAgain()).as("erased for good: the next scan finds nothing").isZero();
    }
}
