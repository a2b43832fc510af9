package org.rightsflow.audit;

import java.util.Collection;
import java.util.Map;
import javax.sql.DataSource;
import org.rightsflow.support.RetainedRecords;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A request's timeline (its entries and the head of its hash chain) goes with the request at the end of its retention
 * period: the chain is per request, so no other request's check is broken.
 */
@Component
@Order(10)
class TimelineRetention implements RetainedRecords {

    private final NamedParameterJdbcTemplate jdbc;

    TimelineRetention(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    }

    @Override
    public String kind() {
        return "timeline entries";
    }

    @Override
    public int removeOf(Collection<String> references) {
        Map<String, Collection<String>> of = Map.of("references", references);
        int removed = jdbc.update("delete from timeline_entry where request_reference in (:references)", of);
        jdbc.update("delete from timeline_head where request_reference in (:references)", of);
        return removed;
    }
}
