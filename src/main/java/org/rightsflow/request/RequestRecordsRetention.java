package org.rightsflow.request;

import java.util.Collection;
import java.util.Map;
import javax.sql.DataSource;
import org.rightsflow.support.RetainedRecords;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The request itself (its messages and appeal with it) goes last, after every other module removed what it keeps:
 * should a purge stop half-way, the request is still there to be found by the next one.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class RequestRecordsRetention implements RetainedRecords {

    private final NamedParameterJdbcTemplate jdbc;

    RequestRecordsRetention(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    }

    @Override
    public String kind() {
        return "requests";
    }

    @Override
    public int removeOf(Collection<String> references) {
        Map<String, Collection<String>> of = Map.of("references", references);
        jdbc.update("delete from request_message where request_reference in (:references)", of);
        jdbc.update("delete from request_appeal where request_reference in (:references)", of);
        return jdbc.update("delete from dsr_request where reference in (:references)", of);
    }
}
