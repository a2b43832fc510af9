package org.rightsflow.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The embedded default's H2 URLs (Rightsflow's and the demo shop's) keep what was committed when the JVM is killed.
 * H2 writes commits to its file up to a second later by default: a JVM killed just after a staff member completed a
 * task came back with the task open. A JVM of its own commits a row and halts at once, as kill -9 would.
 */
class EmbeddedDatabaseDurabilityTest {

    @TempDir
    Path directory;

    @Test
    void aCommitJustBeforeTheJvmIsKilledIsThereAfterwards() throws Exception {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        var settings = yaml.getObject();
        for (String key : List.of("spring.datasource.url", "rightsflow.demo.shop-url")) {
            String url = settings.getProperty(key).replaceFirst("\\./data/[a-z-]+", directory.resolve(
                    key.replaceAll("\\W", "-")).toString().replace("\\", "/"));
            Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), CommitThenHalt.class.getName(), url)
                    .redirectErrorStream(true).start();
            assertThat(writer.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(writer.exitValue()).as(new String(writer.getInputStream().readAllBytes())).isEqualTo(9);

            try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
                // The table too may be lost with the commit.
                connection.createStatement().execute("create table if not exists committed (id int)");
                ResultSet rows = connection.createStatement().executeQuery("select count(*) from committed");
                rows.next();
                assertThat(rows.getInt(1)).as("rows committed before the kill, " + key).isEqualTo(1);
            }
        }
    }

    /** Creates a table, commits a row and halts the JVM without closing anything. */
    static final class CommitThenHalt {
        public static void main(String[] arguments) throws SQLException {
            try (Connection connection = DriverManager.getConnection(arguments[0], "sa", "")) {
                connection.createStatement().execute("create table committed (id int)");
                connection.createStatement().execute("insert into committed values (1)");
                Runtime.getRuntime().halt(9);
            }
        }
    }
}
