package org.rightsflow.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.springframework.util.function.ThrowingConsumer;

/**
 * Files under a directory ({@code rightsflow.storage.kind: directory}), at {@code kind/32 random hex digits}: no
 * personal data in any name. A file is written under a hidden {@code .partial} name, forced to disk and renamed only
 * after the writer returned, so a failed or crashed writer leaves nothing that looks complete. With several nodes
 * the directory must be one volume they all mount (NFS, a cluster file system): a node reads only what it can see.
 */
final class DirectoryFileStore implements FileStore {

    private final Path directory;

    DirectoryFileStore(Path directory) {
        // Resolved once, here: the test configuration names a ${random.uuid} directory, a new value at every lookup.
        this.directory = directory.toAbsolutePath().normalize();
    }

    Path directory() {
        return directory;
    }

    @Override
    public void write(String id, ThrowingConsumer<OutputStream> writer) throws IOException {
        Path target = directory.resolve(id);
        Path folder = target.getParent();
        Files.createDirectories(folder);
        // A name no id matches until the rename below: a failed or crashed write never looks complete.
        Path partial = folder.resolve("." + target.getFileName() + ".partial");
        try {
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream file = Channels.newOutputStream(channel);
                Streams.runWriter(writer, new Streams.CloseIgnored(file));
                file.flush();
                // On disk before the rename, so a crash cannot leave a complete name with missing content.
                channel.force(true);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (Throwable failure) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
    }

    @Override
    public InputStream open(String id) throws IOException {
        return Files.newInputStream(directory.resolve(id));
    }

    @Override
    public void delete(String id) throws IOException {
        Files.deleteIfExists(directory.resolve(id));
    }

    @Override
    public boolean exists(String id) {
        return Files.isRegularFile(directory.resolve(id));
    }

    @Override
    public long size(String id) throws IOException {
        Path file = directory.resolve(id);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(id);
        }
        return Files.size(file);
    }
}
