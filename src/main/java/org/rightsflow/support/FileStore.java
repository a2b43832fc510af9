package org.rightsflow.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.function.ThrowingConsumer;

/**
 * Where the bytes of sealed files are kept ({@code rightsflow.storage.kind}): in the application's database, so
 * every node reads every file (the default), or in a directory, which must be a volume every node mounts when there
 * are several. A store keeps bytes as they are given, already sealed by {@link SealedFiles}; it never sees plain
 * text, and both stores stream in both directions, so no file is held in memory whole.
 *
 * <p>Ids are {@link SealedFiles}' ({@code kind/32 hex digits}), checked there before they reach a store.
 */
public interface FileStore {

    /**
     * Stores what {@code writer} writes under {@code id}: complete once the writer has returned normally, not at all
     * if it throws (its exception propagates, checked ones other than {@link IOException} wrapped in one). Closing
     * the stream inside the writer does nothing; the store finishes the file after the writer returned.
     */
    void write(String id, ThrowingConsumer<OutputStream> writer) throws IOException;

    /**
     * Streams the stored bytes; the caller closes the stream.
     *
     * @throws java.nio.file.NoSuchFileException when there is no such file
     */
    InputStream open(String id) throws IOException;

    /** Removes the file; nothing happens when it is already gone (a retried clean-up). */
    void delete(String id) throws IOException;

    boolean exists(String id);

    /**
     * The stored (sealed) bytes of the file.
     *
     * @throws java.nio.file.NoSuchFileException when there is no such file
     */
    long size(String id) throws IOException;

    /** Files under {@code directory}, at {@code kind/hex}; the directory is created when the first file is written. */
    static FileStore directory(Path directory) {
        return new DirectoryFileStore(directory);
    }

    /**
     * Files in the {@code stored_files} and {@code stored_file_chunks} tables (migration V21). A write joins the
     * caller's transaction, if there is one, or runs in one of its own; reads take a pooled connection per chunk.
     */
    static FileStore database(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return new DatabaseFileStore(jdbc, transactions);
    }
}
