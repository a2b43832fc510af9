package org.rightsflow.verification;

import java.util.Collection;
import java.util.Map;
import javax.sql.DataSource;
import org.rightsflow.support.RetainedRecords;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The verification links of a request (their hashes and dates) go with the request at the end of its retention
 * period.
 */
@Component
@Order(10)
class VerificationRetention implements RetainedRecords {

    private final NamedParameterJdbcTemplate jdbc;

    VerificationRetention(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    }

    @Override
    public String kind() {
        return "verification links";
    }

    @Override
    public int removeOf(Collection<String> references) {
        Map<String, Collection<String>> of = Map.of("references", references);
        int removed = jdbc.update("delete from verification_token where request_reference in (:references)", of);
        return removed;
    }
}
