package org.rightsflow.request;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.rightsflow.deadline.Regime;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Requests closed before a moment, by law: what the retention module asks to find the requests whose records have
 * been kept long enough. Open requests are never among them, however old.
 */
@Component
public class ClosedRequests {

    /** One closed request: its reference and the day it was closed. */
    public record Closed(String reference, Instant closedAt) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    ClosedRequests(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    }

    /** The first {@code limit} requests under this law closed before {@code cutoff}, the oldest first. */
    public List<Closed> closedBefore(Regime regime, Instant cutoff, int limit) {
        return jdbc.query("select reference, closed_at from dsr_request where regime = :regime and closed_at is not null "
                        + "and closed_at < :cutoff order by closed_at, id fetch first " + Math.max(1, limit) + " rows only",
                Map.of("regime", regime.name(), "cutoff", Timestamp.from(cutoff)),
                (row, number) -> new Closed(row.getString("reference"), row.getTimestamp("closed_at").toInstant()));
    }

    /** How many requests under this law were closed before {@code cutoff}. */
    public long countClosedBefore(Regime regime, Instant cutoff) {
        Long count = jdbc.queryForObject("select count(*) from dsr_request where regime = :regime "
                        + "and closed_at is not null and closed_at < :cutoff",
                Map.of("regime", regime.name(), "cutoff", Timestamp.from(cutoff)), Long.class);
        return count == null ? 0 : count;
    }
}
