package org.rightsflow.notification;

import java.util.Collection;
import java.util.Map;
import javax.sql.DataSource;
import org.rightsflow.support.RetainedRecords;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every message of a request (sealed, sent or not) goes with the request at the end of its retention period.
 */
@Component
@Order(10)
class OutboxRetention implements RetainedRecords {

    private final NamedParameterJdbcTemplate jdbc;

    OutboxRetention(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    }

    @Override
    public String kind() {
        return "messages";
    }

    @Override
    public int removeOf(Collection<String> references) {
        Map<String, Collection<String>> of = Map.of("references", references);
        int removed = jdbc.update("delete from outbox_message where request_reference in (:references)", of);
        return removed;
    }
}
