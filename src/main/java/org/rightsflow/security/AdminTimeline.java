package org.rightsflow.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin timeline: who changed which account, group or system owner, and when (table admin_event). Entries are
 * written in the transaction of the change, so an entry exists exactly when the change was committed. Descriptions
 * name what changed, never a password or a token.
 */
@Service
public class AdminTimeline {

    static final int MAX_DESCRIPTION = 2000;
    private static final int MAX_SUBJECT = 200;
    private static final int MAX_ACTOR = 100;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AdminTimeline(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One page of entries, newest first. */
    public record Page(List<AdminEvent> events, int page, int lastPage, long total) {

        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < lastPage;
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, AdminAction action, String subject, String description) {
        jdbc.update("insert into admin_event (occurred_at, actor, action, subject, description) values (?, ?, ?, ?, ?)",
                Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)), truncate(actor, MAX_ACTOR),
                action.name(), truncate(subject, MAX_SUBJECT), truncate(description, MAX_DESCRIPTION));
    }

    /** Page {@code page} (from 1) of {@code size} entries, newest first; past the last page, the last page. */
    @Transactional(readOnly = true)
    public Page page(int page, int size) {
        long total = jdbc.queryForObject("select count(*) from admin_event", Long.class);
        int lastPage = (int) Math.max(1, (total + size - 1) / size);
        int current = Math.min(Math.max(page, 1), lastPage);
        List<AdminEvent> events = jdbc.query("select id, occurred_at, actor, action, subject, description "
                        + "from admin_event order by occurred_at desc, id desc offset ? rows fetch next ? rows only",
                (row, n) -> new AdminEvent(row.getLong(1), row.getTimestamp(2).toInstant(), row.getString(3),
                        AdminAction.valueOf(row.getString(4)), row.getString(5), row.getString(6)),
                (long) (current - 1) * size, size);
        return new Page(events, current, lastPage, total);
    }

    private static String truncate(String text, int max) {
        String value = text == null ? "" : text;
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
