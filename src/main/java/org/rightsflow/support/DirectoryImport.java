package org.rightsflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Moves the sealed files an earlier version kept under {@code rightsflow.storage.directory} into the database store,
 * once, at start-up: byte for byte, still sealed (a file's id is its associated data, and the id does not change),
 * each file deleted from the directory after its copy committed. Runs again harmlessly: a file already in the
 * database (a crash after the commit, or another node importing the same shared directory at the same time) is only
 * deleted. Anything that is not a complete sealed file ({@code .partial} leftovers of failed writes, other names) is
 * left where it is.
 */
final class DirectoryImport {

    private static final Logger log = LoggerFactory.getLogger(DirectoryImport.class);

    private final Path directory;
    private final FileStore database;

    DirectoryImport(Path directory, FileStore database) {
        this.directory = directory.toAbsolutePath().normalize();
        this.database = database;
    }

    /** Imports every sealed file found; returns how many were moved. */
    int run() {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        int moved = 0;
        long bytes = 0;
        try (DirectoryStream<Path> kinds = Files.newDirectoryStream(directory, Files::isDirectory)) {
            for (Path kind : kinds) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(kind, Files::isRegularFile)) {
                    for (Path file : files) {
                        String id = kind.getFileName() + "/" + file.getFileName();
                        if (SealedFiles.isId(id)) {
                            bytes += move(id, file);
                            moved++;
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not move the sealed files of " + directory + " into the database ("
                    + e.getMessage() + ")", e);
        }
        if (moved > 0) {
            log.info("Moved {} sealed file(s), {} bytes, from {} into the database (rightsflow.storage.kind: database)",
                    moved, bytes, directory);
        }
        return moved;
    }

    private long move(String id, Path file) throws IOException {
        long size = Files.size(file);
        if (!database.exists(id)) {
            try {
                database.write(id, out -> Files.copy(file, out));
            } catch (DataIntegrityViolationException e) {
                // Another node imported it first; checked below.
            }
        }
        if (database.size(id) != size) {
            throw new IOException("the database holds " + id + " with another size than the file");
        }
        Files.delete(file);
        return size;
    }
}
