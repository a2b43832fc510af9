package org.rightsflow.support;

import static java.nio.charset.StandardCharsets.US_ASCII;

import com.google.crypto.tink.StreamingAead;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.util.function.ThrowingConsumer;

/**
 * Files of personal data Rightsflow holds for a while (what connectors found, staff uploads, the zipped access
 * package), encrypted at rest under the data keys of {@link DataCipher} and streamed in both directions, so a
 * 50 MB package is never held in memory.
 *
 * <p><b>Encryption</b> is Google Tink's streaming AEAD, AES-256-GCM-HKDF-SHA256 in 64 KiB segments, over every
 * configured data key ({@link DataKeys#streamingAead()}): each segment is authenticated on its own, so a reader
 * releases a segment's bytes only after its tag verified, and a segment altered, moved, dropped or appended, or a
 * stream cut off, fails. The file's id ({@code kind/hex}) is the associated data, so a file copied or moved to
 * another id does not open there. A file is written under the current (first) data key and opens with whichever
 * configured key it was written under (Tink tries them, newest first); {@link SealedFile#keyId()} tells the caller
 * which, to find the files that still need a key before retiring it. The format is described in
 * docs/architecture.md ("Data at rest") and pinned by {@code SealedFilesTest}.
 *
 * <p><b>Storage</b> is a {@link FileStore} ({@code rightsflow.storage.kind}): the application's database by default,
 * so every node reads every file, or a directory. Ids are {@code kind/32 random hex digits}: no personal data in any
 * id. A store makes a file exist only after its writer returned, so a failed writer leaves nothing that opens; a
 * file that lost its tail anyway does not open. Memory per stream: about one plain and one cipher text segment, and
 * the store's buffer (a chunk of the database store).
 */
public class SealedFiles {

    /** A kind is a code such as "upload" or "access-package", never data about a person. */
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,31}/[0-9a-f]{32}");

    private final String currentKeyId;
    private final StreamingAead streamingAead;
    private final Clock clock;
    private final FileStore store;
    private final SecureRandom random = new SecureRandom();

    public SealedFiles(DataCipher keys, Clock clock, FileStore store) {
        this.currentKeyId = keys.currentKeyId();
        this.streamingAead = keys.keys().streamingAead();
        this.clock = clock;
        this.store = store;
    }

    /**
     * Stores what {@code writer} writes, encrypted under the current data key. The file exists only once the writer
     * has returned normally; if it throws, nothing is kept and its exception propagates (checked ones other than
     * {@link IOException} wrapped in one).
     *
     * <p>The writer must not keep the stream. Closing it does nothing (so a {@code ZipOutputStream} may be closed
     * inside the writer): sealing the last segment is decided here, after the writer returned.
     *
     * @param kind what the file is, e.g. "upload": lower-case letters, digits and dashes, the first folder of its id
     */
    public SealedFile write(String kind, ThrowingConsumer<OutputStream> writer) throws IOException {
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("A sealed file kind is a short lower-case code such as 'upload'");
        }
        byte[] random16 = new byte[16];
        random.nextBytes(random16);
        String id = kind + "/" + HexFormat.of().formatHex(random16);
        long[] size = new long[1];
        store.write(id, file -> {
            Sealer sealer = new Sealer(encryptingStream(file, id));
            Streams.runWriter(writer, sealer);
            size[0] = sealer.finish();
        });
        return new SealedFile(id, size[0], currentKeyId, clock.instant());
    }

    /**
     * Streams the plain text of a sealed file, each segment verified before any of its bytes are returned. Reads
     * throw {@link SealedFileException} at the first segment that fails, and keep failing.
     *
     * @throws SealedFileException       when the file is not a sealed file of this id, its first segment was
     *                                   altered, or none of the configured data keys opens it
     * @throws java.nio.file.NoSuchFileException when there is no such file
     */
    public InputStream open(String id) throws IOException {
        InputStream file = store.open(checked(id));
        try {
            Unsealer plain = new Unsealer(id, decryptingStream(file, id));
            plain.verifyFirstSegment();
            return plain;
        } catch (Throwable failure) {
            file.close();
            throw failure;
        }
    }

    /** Removes the file; nothing happens when it is already gone (a retried clean-up). */
    public void delete(String id) throws IOException {
        store.delete(checked(id));
    }

    /**
     * Removes each of these files (records retention: a batch of requests' files). A file that will not go stops the
     * batch with the reason, so that the rows pointing at it stay and the next run tries again.
     *
     * @return how many ids were given, each now gone
     */
    public int deleteAll(Collection<String> ids) {
        for (String id : ids) {
            try {
                delete(id);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not delete a sealed file (" + e.getMessage() + ")", e);
            }
        }
        return ids.size();
    }

    public boolean exists(String id) {
        return store.exists(checked(id));
    }

    /** Whether {@code id} has the shape of a sealed file's id (e.g. a name found in a storage directory). */
    static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    private static String checked(String id) {
        // Ids come from Rightsflow's own tables; checked anyway, so no id can reach outside the directory.
        if (!isId(id)) {
            throw new IllegalArgumentException("Not a sealed file id");
        }
        return id;
    }

    private OutputStream encryptingStream(OutputStream file, String id) throws IOException {
        // The store's stream: Tink closes it when it writes the last segment, which only flushes it; the store
        // completes the file after the writer returned.
        try {
            return streamingAead.newEncryptingStream(file, id.getBytes(US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink refused to start a sealed file", e);
        }
    }

    private InputStream decryptingStream(InputStream file, String id) throws IOException {
        try {
            return streamingAead.newDecryptingStream(file, id.getBytes(US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink refused to start reading a sealed file", e);
        }
    }

    /**
     * The writer's stream: passes plain text to Tink's encrypting stream and counts it. Closing it does nothing,
     * because the writer might close and then fail, and a failed file must not get its last segment.
     */
    private static final class Sealer extends OutputStream {

        private final OutputStream encrypting;
        private long size;
        private boolean finished;

        Sealer(OutputStream encrypting) {
            this.encrypting = encrypting;
        }

        @Override
        public void write(int b) throws IOException {
            ensureOpen();
            encrypting.write(b);
            size++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, bytes.length);
            ensureOpen();
            encrypting.write(bytes, offset, length);
            size += length;
        }

        @Override
        public void close() {
        }

        /** Seals the last segment; returns the plain text size. */
        long finish() throws IOException {
            ensureOpen();
            finished = true;
            encrypting.close();
            return size;
        }

        private void ensureOpen() throws IOException {
            if (finished) {
                throw new IOException("This sealed file is complete: write only inside the writer");
            }
        }
    }

    /**
     * The reader's stream: Tink's verified plain text, its failures reported as {@link SealedFileException}s that
     * name the file. Tink does not say why a segment failed (on purpose), so neither can we.
     */
    private static final class Unsealer extends InputStream {

        private final String id;
        private final PushbackInputStream decrypting;

        Unsealer(String id, InputStream decrypting) {
            this.id = id;
            this.decrypting = new PushbackInputStream(decrypting, 1);
        }

        /**
         * Reads one byte and puts it back: Tink then picks the key and verifies the first segment now, so a file no
         * configured key opens fails on opening, before a caller has started a download. A one-byte read also keeps
         * Tink's buffering while it tries the keys to that one segment.
         */
        void verifyFirstSegment() throws IOException {
            int first = read();
            if (first != -1) {
                decrypting.unread(first);
            }
        }

        @Override
        public int read() throws IOException {
            try {
                return decrypting.read();
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            try {
                return decrypting.read(bytes, offset, length);
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public int available() throws IOException {
            return decrypting.available();
        }

        @Override
        public void close() throws IOException {
            decrypting.close();
        }

        private SealedFileException failed(IOException cause) {
            return new SealedFileException("Sealed file " + id + " failed its check: it was altered, truncated, "
                    + "reordered or extended, is stored under another id, or its data key is no longer in "
                    + "rightsflow.secrets.data-keys", cause);
        }
    }
}
