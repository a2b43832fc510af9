package org.rightsflow.retention;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The log of the purges: when, how many requests, how many records of each kind. Never which requests. */
@Component
public class PurgeLog {

    private final JdbcTemplate jdbc;

    PurgeLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    void record(PurgeReport report) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement(
                    "insert into retention_purge (ran_at, requests) values (?, ?)", new String[] {"id"});
            insert.setTimestamp(1, Timestamp.from(report.ranAt()));
            insert.setInt(2, report.requests());
            return insert;
        }, key);
        long id = key.getKey().longValue();
        report.removed().forEach((kind, removed) -> jdbc.update(
                "insert into retention_purge_count (purge_id, kind, removed) values (?, ?, ?)", id, kind, removed));
    }

    /** The latest purges, newest first. */
    public List<PurgeReport> latest(int limit) {
        List<Object[]> runs = jdbc.query("select id, ran_at, requests from retention_purge order by ran_at desc, id desc "
                        + "fetch first " + Math.max(1, limit) + " rows only",
                (row, number) -> new Object[] {row.getLong("id"), row.getTimestamp("ran_at").toInstant(),
                        row.getInt("requests")});
        return runs.stream().map(run -> {
            Map<String, Integer> removed = new LinkedHashMap<>();
            jdbc.query("select kind, removed from retention_purge_count where purge_id = ? order by kind",
                    row -> {
                        removed.put(row.getString("kind"), row.getInt("removed"));
                    }, run[0]);
            return new PurgeReport((java.time.Instant) run[1], (Integer) run[2], removed);
        }).toList();
    }
}
