package org.rightsflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** {@code rightsflow.storage.kind} picks the store; only the database store moves a directory's files in. */
class FileStoreSelectionTest {

    private static final String ID = "upload/0123456789abcdef0123456789abcdef";

    @TempDir
    Path directory;

    private final SupportConfiguration configuration = new SupportConfiguration();

    @Test
    void theDirectoryKindKeepsFilesInTheDirectoryAndLeavesThemThere() throws IOException {
        Files.createDirectories(directory.resolve("upload"));
        Files.write(directory.resolve(ID), new byte[] {1, 2, 3});
        StorageProperties storage = new StorageProperties(StorageProperties.Kind.DIRECTORY, directory);

        FileStore store = configuration.fileStore(storage, new JdbcTemplate(), new DataSourceTransactionManager());
        configuration.directoryImport(storage, store);

        assertThat(store).isInstanceOf(DirectoryFileStore.class);
        assertThat(((DirectoryFileStore) store).directory()).isEqualTo(directory.toAbsolutePath().normalize());
        assertThat(store.exists(ID)).isTrue();
        assertThat(store.size(ID)).isEqualTo(3);
    }

    @Test
    void theDatabaseKindIsTheDatabaseStore() {
        StorageProperties storage = new StorageProperties(StorageProperties.Kind.DATABASE, directory);

        assertThat(configuration.fileStore(storage, new JdbcTemplate(), new DataSourceTransactionManager()))
                .isInstanceOf(DatabaseFileStore.class);
    }
}
