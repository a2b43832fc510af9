package org.rightsflow.connector;

import java.util.Collection;
import java.util.Map;
import javax.sql.DataSource;
import org.rightsflow.support.RetainedRecords;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the connected systems did for a request goes with it at the end of its retention period: the step journal
 * (dry runs and proofs of erasure included), each system's result, the callbacks awaited, and whatever data gathered
 * for an access package is still left (normally deleted with the package when its link expired). Counted as the
 * journal's steps; the files left are counted by {@link GatheredFilesRetention}.
 */
@Component
@Order(10)
class ConnectorRetention implements RetainedRecords {

    private final NamedParameterJdbcTemplate jdbc;

    ConnectorRetention(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    }

    @Override
    public String kind() {
        return "system steps";
    }

    @Override
    public int removeOf(Collection<String> references) {
        Map<String, Collection<String>> of = Map.of("references", references);
        jdbc.update("delete from connector_callback where request_reference in (:references)", of);
        jdbc.update("delete from fulfilment_result where request_reference in (:references)", of);
        return jdbc.update("delete from fulfilment_step where request_reference in (:references)", of);
    }
}
