package org.rightsflow.access;

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
 * A request's access package goes with it at the end of its retention period: the row (downloads and exclusions
 * with it) and, should one still be held, the sealed zip. Normally the zip was deleted when its link expired
 * ({@link PackageExpiry}); counted here are the zips still left.
 */
@Component
@Order(5)
class PackageRetention implements RetainedRecords {

    private final NamedParameterJdbcTemplate jdbc;
    private final SealedFiles files;

    PackageRetention(DataSource dataSource, SealedFiles files) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.files = files;
    }

    @Override
    public String kind() {
        return "access package files";
    }

    @Override
    public int removeOf(Collection<String> references) {
        Map<String, Collection<String>> of = Map.of("references", references);
        List<String> storageIds = jdbc.queryForList("select storage_id from access_package where request_reference in "
                + "(:references) and storage_id is not null", of, String.class);
        files.deleteAll(storageIds);
        jdbc.update("delete from package_download where package_id in "
                + "(select id from access_package where request_reference in (:references))", of);
        jdbc.update("delete from package_exclusion where request_reference in (:references)", of);
        jdbc.update("delete from access_package where request_reference in (:references)", of);
        return storageIds.size();
    }
}
