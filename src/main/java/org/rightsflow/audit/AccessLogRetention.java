package org.rightsflow.audit;

import java.util.Collection;
import java.util.Map;
import javax.sql.DataSource;
import org.rightsflow.support.RetainedRecords;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who saw a request's personal data goes with the request at the end of its retention period: the log names the
 * request, and once the request is gone there is nothing left for it to account for.
 */
@Component
@Order(10)
class AccessLogRetention implements RetainedRecords {

    private final NamedParameterJdbcTemplate jdbc;

    AccessLogRetention(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    }

    @Override
    public String kind() {
        return "access log entries";
    }

    @Override
    public int removeOf(Collection<String> references) {
        Map<String, Collection<String>> of = Map.of("references", references);
        return jdbc.update("delete from access_log where reference in (:references)", of);
    }
}
