package org.rightsflow.connector;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.rightsflow.support.RetainedRecords;
import org.rightsflow.support.SealedFiles;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The data gathered from the systems for an access package that is still held (its file and its row), removed
 * before the journal's steps it belongs to.
 */
@Component
@Order(5)
class GatheredFilesRetention implements RetainedRecords {

    private final NamedParameterJdbcTemplate jdbc;
    private final SealedFiles files;

    GatheredFilesRetention(DataSource dataSource, SealedFiles files) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.files = files;
    }

    @Override
    public String kind() {
        return "gathered files";
    }

    @Override
    public int removeOf(Collection<String> references) {
        Map<String, Collection<String>> of = Map.of("references", references);
        List<String> storageIds = jdbc.queryForList("select storage_id from access_data where request_reference in "
                + "(:references) and storage_id is not null", of, String.class);
        files.deleteAll(storageIds);
        jdbc.update("delete from access_data where request_reference in (:references)", of);
        return storageIds.size();
    }
}
