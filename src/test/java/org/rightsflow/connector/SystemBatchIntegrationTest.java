package org.rightsflow.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Batches and identity scans through the public services, against the demo shop: which systems take them, and a
 * batch recorded as one step under the batch's reference.
 */
@RightsflowIntegrationTest
class SystemBatchIntegrationTest {

    static final String REFERENCE = "OPT-2026-990001";
    /** The last customers of the demo shop: no other test touches them. */
    static final int FIRST_CUSTOMER = 298;

    @Autowired
    SystemActions actions;

    @Autowired
    SystemRegistry registry;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void anSqlSystemTakesBatchesAndCanBeScannedAManualOneNeither() {
        long shop = registry.find("shop-db").orElseThrow().id();
        long desk = registry.find("support-desk").orElseThrow().id();

        assertThat(registry.supportsBatch(shop, ConnectorAction.OPT_OUT)).isTrue();
        assertThat(registry.supportsBatch(shop, ConnectorAction.LIMIT_USE)).isTrue();
        assertThat(registry.supportsBatch(shop, ConnectorAction.ERASE)).isFalse();
        assertThat(registry.supportsBatch(desk, ConnectorAction.OPT_OUT)).isFalse();
        assertThat(registry.canScanIdentities(shop)).isTrue();
        assertThat(registry.canScanIdentities(desk)).isFalse();
    }

    @Test
    void aBatchIsOneStepUnderItsReferenceAndItsPeopleAreOptedOut() throws SQLException {
        long shop = registry.find("shop-db").orElseThrow().id();
        List<DataSubject> people = List.of(new DataSubject(email(FIRST_CUSTOMER).toUpperCase(), null, null),
                new DataSubject(email(FIRST_CUSTOMER + 1), null, null),
                new DataSubject("nobody-in-the-shop@example.com", null, null));
        BatchContext batch = new BatchContext(REFERENCE, ConnectorAction.OPT_OUT, LocalDate.of(2026, 3, 15), people,
                REFERENCE + ":shop-db");

        StepView step = transactions.execute(status -> actions.performBatch(shop, batch, "Opt-out ledger"));

        assertThat(step.reference()).isEqualTo(REFERENCE);
        assertThat(step.action()).isEqualTo(ConnectorAction.OPT_OUT);
        assertThat(step.status()).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(step.actor()).isEqualTo("Opt-out ledger");
        assertThat(step.summary()).isEqualTo("3 people: 2 found, 2 rows updated in customers.");
        assertThat(step.tables()).containsExactly(new TableReport("customers", 2, 0, 2, 0, 0, 0, List.of()));
        assertThat(actions.stepsOf(REFERENCE)).singleElement().extracting(StepView::id).isEqualTo(step.id());
        assertThat(optedOut(FIRST_CUSTOMER)).isTrue();
        assertThat(optedOut(FIRST_CUSTOMER + 1)).isTrue();
        assertThat(optedOut(FIRST_CUSTOMER - 1)).isFalse();
    }

    @Test
    void theScanHandsOverEveryCustomerOfTheShop() throws SQLException {
        long shop = registry.find("shop-db").orElseThrow().id();
        List<DataSubject> people = new ArrayList<>();

        actions.scanIdentities(shop, people::add);

        assertThat(people).hasSize(300).allSatisfy(person -> {
            assertThat(person.accountId()).matches("C-\\d{5}");
            assertThat(person.email()).isNotBlank();
        });
        assertThat(people).extracting(DataSubject::email).contains(email(FIRST_CUSTOMER));
    }

    private String email(int customer) throws SQLException {
        return (String) column("email", customer);
    }

    private boolean optedOut(int customer) throws SQLException {
        return (Boolean) column("sell_share_opt_out", customer);
    }

    private Object column(String column, int customer) throws SQLException {
        String url = registry.definition(registry.find("shop-db").orElseThrow().id()).connection().at("url").value().toString();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             PreparedStatement statement = connection.prepareStatement("select " + column + " from customers where id = ?")) {
            statement.setInt(1, customer);
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getObject(1);
            }
        }
    }
}
