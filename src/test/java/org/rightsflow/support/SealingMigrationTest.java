package org.rightsflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The walk over a table that both sealing migrations use: every row rewritten once, across several pages. */
class SealingMigrationTest {

    @Test
    void everyRowOfATableLargerThanOnePageIsRewrittenExactlyOnce() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:sealing-" + UUID.randomUUID(), "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute("create table note (id bigint primary key, clear varchar(20), sealed varchar(40), "
                    + "writes int default 0 not null)");
            statement.execute("insert into note (id, clear) select x, 'note ' || x from system_range(1, 1201)");

            SealingMigration.rewriteRows(connection, "note", "clear",
                    "update note set sealed = ?, writes = writes + 1 where id = ?",
                    (row, update) -> {
                        update.setString(1, "sealed(" + row.getString("clear") + ")");
                        update.setLong(2, row.getLong("id"));
                    });

            try (ResultSet rows = statement.executeQuery("select count(*), count(sealed), "
                    + "count(case when sealed = 'sealed(' || clear || ')' and writes = 1 then 1 end) from note")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1201);
                assertThat(rows.getInt(2)).as("rows sealed").isEqualTo(1201);
                assertThat(rows.getInt(3)).as("rows sealed from their own clear value, once").isEqualTo(1201);
            }
        }
    }
}
