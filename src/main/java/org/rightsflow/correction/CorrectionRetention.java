package org.rightsflow.correction;

import java.util.Collection;
import java.util.Map;
import javax.sql.DataSource;
import org.rightsflow.support.RetainedRecords;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The staff's decisions on each field a person asked to correct go with the request at the end of its retention
 * period.
 */
@Component
@Order(10)
class CorrectionRetention implements RetainedRecords {

    private final NamedParameterJdbcTemplate jdbc;

    CorrectionRetention(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    }

    @Override
    public String kind() {
        return "correction decisions";
    }

    @Override
    public int removeOf(Collection<String> references) {
        Map<String, Collection<String>> of = Map.of("references", references);
        int removed = jdbc.update("delete from correction_decision where request_reference in (:references)", of);
        return removed;
    }
}
