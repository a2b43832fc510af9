package org.rightsflow.support;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.util.function.ThrowingConsumer;

/**
 * Files of personal data Rightsflow holds for a while (what connectors found, staff uploads, the zipped access
 * package), encrypted at rest under the data keys of {@link DataCipher} and streamed in both directions, so a
 * 50 MB package is never held in memory.
 *
 * <p><b>Why segments.</b> Java's AES/GCM cannot stream a decryption: it buffers the whole cipher text and releases
 * nothing until the tag at the end has been checked. So a file is cut into segments of at most 64 KiB plain text,
 * each its own AES-256-GCM message with its own tag. That is the "STREAM" construction of Hoang, Reyhanitabar,
 * Rogaway and Vizár ("Online Authenticated-Encryption and its Nonce-Reuse Misuse-Resistance", CRYPTO 2015), the
 * same design as Tink's AES-GCM-HKDF streaming AEAD. Each segment's nonce holds its position and whether it is the
 * last one, so a segment moved, dropped, repeated, or a stream cut off or extended fails authentication; a reader
 * releases a segment's bytes only after its tag verified.
 *
 * <p><b>Format</b> (version 1, all numbers big-endian):
 * <pre>
 *   header:   "RFS1" | version (1 byte, = 1) | key id length L (1 byte) | key id (L bytes UTF-8)
 *             | salt (32 random bytes) | nonce prefix (7 random bytes)
 *   segments: AES-256-GCM(file key, nonce = nonce prefix | segment number (4 bytes) | last (1 byte: 1 or 0),
 *                         associated data = the whole header) = cipher text | 16-byte tag
 *   file key: HKDF-SHA256(data key, salt, "rightsflow sealed file segment key"), 32 bytes
 * </pre>
 * Every segment but the last holds exactly 64 KiB of plain text; the last holds 0 to 64 KiB (an empty file is one
 * empty last segment). A reader recognises the last segment by the end of the file and decrypts it with last = 1,
 * so a file cut at a segment boundary, or with bytes appended, fails. The header is associated data of every
 * segment, so changing the key id, salt or prefix breaks every segment.
 *
 * <p><b>Why a file key.</b> A random 7-byte nonce prefix alone would repeat after a few thousand files per data
 * key with a probability GCM does not tolerate (a repeated nonce leaks plain text and the authentication key). The
 * random 32-byte salt gives each file its own key, so prefixes of different files never share a key.
 *
 * <p><b>Rotation.</b> Files are always written under the current (first) data key and name their key in the
 * header; reading uses whichever configured key the header names. Keep a retired key listed until no file needs
 * it ({@link SealedFile#keyId()} tells which do).
 *
 * <p><b>Storage.</b> Under {@code rightsflow.storage.directory}, at {@code kind/32 random hex digits}: no personal
 * data in any name. A file is written under a hidden {@code .partial} name and renamed only after its last
 * segment is on disk, so a failed writer leaves nothing that looks complete; a file that lost its tail anyway
 * (copied half, crash) does not open. Memory per stream: one plain and one cipher text segment, whatever the size.
 */
public class SealedFiles {

    /** Plain text bytes per segment: large enough that tags and nonces cost little, small to buffer. */
    static final int SEGMENT_BYTES = 64 * 1024;
    static final int TAG_BYTES = 16;
    /** Bytes on disk of a full segment. */
    static final int SEALED_SEGMENT_BYTES = SEGMENT_BYTES + TAG_BYTES;

    private static final byte[] MAGIC = "RFS1".getBytes(US_ASCII);
    private static final byte VERSION = 1;
    private static final int SALT_BYTES = 32;
    private static final int NONCE_PREFIX_BYTES = 7;
    /** The segment number is 4 bytes of the nonce: 2^32 segments (256 TiB) at most. */
    private static final long MAX_SEGMENTS = 1L << 32;
    private static final byte[] FILE_KEY_INFO = "rightsflow sealed file segment key".getBytes(US_ASCII);

    /** A kind is a code such as "upload" or "access-package", never data about a person. */
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,31}/[0-9a-f]{32}");

    private final DataCipher keys;
    private final Clock clock;
    private final Path directory;
    private final SecureRandom random = new SecureRandom();

    public SealedFiles(DataCipher keys, Clock clock,
                       String directory) {
        this.keys = keys;
        this.clock = clock;
        // Resolved once, here: the test configuration names a ${random.uuid} directory, a new value at every lookup.
        this.directory = Path.of(directory).toAbsolutePath().normalize();
        if (keys.currentKeyId().getBytes(UTF_8).length > 255) {
            throw new IllegalStateException("rightsflow.secrets.data-keys: the current key id must be at most 255 bytes");
        }
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
        String keyId = keys.currentKeyId();
        SecretKey key = keys.key(keyId).orElseThrow();
        String name = HexFormat.of().formatHex(randomBytes(16));
        Path folder = directory.resolve(kind);
        Files.createDirectories(folder);
        // A name no id matches until the rename below: a failed or crashed write never looks complete.
        Path partial = folder.resolve("." + name + ".partial");
        try {
            long size;
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                Sealer sealer = new Sealer(channel, Header.create(keyId, random), key);
                runWriter(writer, sealer);
                size = sealer.finish();
                // On disk before the rename, so a crash cannot leave a complete name with missing content.
                channel.force(true);
            }
            Instant sealedAt = clock.instant();
            Files.move(partial, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            return new SealedFile(kind + "/" + name, size, keyId, sealedAt);
        } catch (Throwable failure) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
    }

    /**
     * Streams the plain text of a sealed file, each segment verified before any of its bytes are returned. Reads
     * throw {@link SealedFileException} at the first segment that fails, and keep failing.
     *
     * @throws SealedFileException       when the header is not a sealed file's, or names a key no longer configured
     * @throws java.nio.file.NoSuchFileException when there is no such file
     */
    public InputStream open(String id) throws IOException {
        InputStream file = Files.newInputStream(pathOf(id));
        try {
            Header header = Header.read(id, file);
            SecretKey key = keys.key(header.keyId()).orElseThrow(() -> new SealedFileException("Sealed file " + id
                    + " was encrypted under data key '" + printable(header.keyId())
                    + "', which is no longer configured in rightsflow.secrets.data-keys"));
            return new Unsealer(id, file, new SegmentCipher(Cipher.DECRYPT_MODE, key, header));
        } catch (Throwable failure) {
            file.close();
            throw failure;
        }
    }

    /** Removes the file; nothing happens when it is already gone (a retried clean-up). */
    public void delete(String id) throws IOException {
        Files.deleteIfExists(pathOf(id));
    }

    public boolean exists(String id) {
        return Files.isRegularFile(pathOf(id));
    }

    private Path pathOf(String id) {
        // Ids come from Rightsflow's own tables; checked anyway, so no id can reach outside the directory.
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Not a sealed file id");
        }
        return directory.resolve(id);
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static void runWriter(ThrowingConsumer<OutputStream> writer, OutputStream out) throws IOException {
        try {
            writer.acceptWithException(out);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("The writer of a sealed file failed", e);
        }
    }

    /** A key id read from a file may have been altered: keep control characters out of messages and logs. */
    private static String printable(String text) {
        return text.replaceAll("\\p{Cntrl}", "?");
    }

    /** The header: written first, and the associated data of every segment. */
    private record Header(byte[] bytes, String keyId, byte[] salt, byte[] noncePrefix) {

        static Header create(String keyId, SecureRandom random) {
            byte[] id = keyId.getBytes(UTF_8);
            byte[] salt = new byte[SALT_BYTES];
            byte[] noncePrefix = new byte[NONCE_PREFIX_BYTES];
            random.nextBytes(salt);
            random.nextBytes(noncePrefix);
            byte[] bytes = ByteBuffer.allocate(MAGIC.length + 2 + id.length + SALT_BYTES + NONCE_PREFIX_BYTES)
                    .put(MAGIC).put(VERSION).put((byte) id.length).put(id).put(salt).put(noncePrefix).array();
            return new Header(bytes, keyId, salt, noncePrefix);
        }

        static Header read(String fileId, InputStream in) throws IOException {
            byte[] start = in.readNBytes(MAGIC.length + 2);
            if (start.length < MAGIC.length + 2 || !Arrays.equals(start, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
                throw new SealedFileException("File " + fileId + " is not a sealed file");
            }
            if (start[MAGIC.length] != VERSION) {
                throw new SealedFileException("Sealed file " + fileId + " has format version "
                        + (start[MAGIC.length] & 0xff) + ", which this version of Rightsflow cannot read");
            }
            int keyIdLength = start[MAGIC.length + 1] & 0xff;
            byte[] rest = in.readNBytes(keyIdLength + SALT_BYTES + NONCE_PREFIX_BYTES);
            if (keyIdLength == 0 || rest.length < keyIdLength + SALT_BYTES + NONCE_PREFIX_BYTES) {
                throw new SealedFileException("Sealed file " + fileId + " has a damaged header");
            }
            byte[] bytes = ByteBuffer.allocate(start.length + rest.length).put(start).put(rest).array();
            return new Header(bytes, new String(rest, 0, keyIdLength, UTF_8),
                    Arrays.copyOfRange(rest, keyIdLength, keyIdLength + SALT_BYTES),
                    Arrays.copyOfRange(rest, keyIdLength + SALT_BYTES, rest.length));
        }
    }

    /** AES-256-GCM of one segment under the file's key, with the STREAM nonce and the header as associated data. */
    private static final class SegmentCipher {

        private final int mode;
        private final Header header;
        private final SecretKey fileKey;
        private final Cipher cipher;

        SegmentCipher(int mode, SecretKey dataKey, Header header) {
            this.mode = mode;
            this.header = header;
            try {
                this.fileKey = fileKey(dataKey, header.salt());
                this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM and HMAC-SHA256 are part of every Java runtime", e);
            }
        }

        /**
         * Encrypts or decrypts one segment from {@code input[0, length)} into {@code output}; returns the bytes
         * written. A decryption writes nothing usable unless the tag verified.
         */
        int apply(long segment, boolean last, byte[] input, int length, byte[] output) throws IOException, AEADBadTagException {
            if (segment >= MAX_SEGMENTS) {
                throw new IOException("A sealed file holds at most " + MAX_SEGMENTS + " segments");
            }
            byte[] nonce = ByteBuffer.allocate(NONCE_PREFIX_BYTES + 5)
                    .put(header.noncePrefix()).putInt((int) segment).put((byte) (last ? 1 : 0)).array();
            try {
                cipher.init(mode, fileKey, new GCMParameterSpec(TAG_BYTES * 8, nonce));
                cipher.updateAAD(header.bytes());
                return cipher.doFinal(input, 0, length, output, 0);
            } catch (AEADBadTagException e) {
                throw e;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM failed on a well-formed segment", e);
            }
        }

        /** HKDF-SHA256 (RFC 5869) with one output block: extract with the salt, expand with a fixed label. */
        private static SecretKey fileKey(SecretKey dataKey, byte[] salt) throws GeneralSecurityException {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(salt, "HmacSHA256"));
            byte[] pseudoRandomKey = hmac.doFinal(dataKey.getEncoded());
            hmac.init(new SecretKeySpec(pseudoRandomKey, "HmacSHA256"));
            hmac.update(FILE_KEY_INFO);
            hmac.update((byte) 1);
            return new SecretKeySpec(hmac.doFinal(), "AES");
        }
    }

    /**
     * The writer's stream. Holds one segment of plain text and seals a full segment only when another byte arrives:
     * only then is it known not to be the last one.
     */
    private static final class Sealer extends OutputStream {

        private final FileChannel file;
        private final SegmentCipher cipher;
        private final byte[] plain = new byte[SEGMENT_BYTES];
        private final byte[] sealed = new byte[SEALED_SEGMENT_BYTES];
        private int buffered;
        private long segment;
        private long size;
        private boolean finished;

        Sealer(FileChannel file, Header header, SecretKey dataKey) throws IOException {
            this.file = file;
            this.cipher = new SegmentCipher(Cipher.ENCRYPT_MODE, dataKey, header);
            writeFully(header.bytes(), header.bytes().length);
        }

        @Override
        public void write(int b) throws IOException {
            ensureOpen();
            if (buffered == SEGMENT_BYTES) {
                sealSegment(false);
            }
            plain[buffered++] = (byte) b;
            size++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, bytes.length);
            ensureOpen();
            while (length > 0) {
                if (buffered == SEGMENT_BYTES) {
                    sealSegment(false); // more bytes follow, so this one is not the last
                }
                int n = Math.min(length, SEGMENT_BYTES - buffered);
                System.arraycopy(bytes, offset, plain, buffered, n);
                buffered += n;
                offset += n;
                length -= n;
                size += n;
            }
        }

        /** Does nothing: the writer might close and then fail, and a failed file must not be sealed. */
        @Override
        public void close() {
        }

        /** Seals what is buffered as the last segment; returns the plain text size. */
        long finish() throws IOException {
            ensureOpen();
            sealSegment(true);
            finished = true;
            Arrays.fill(plain, (byte) 0);
            return size;
        }

        private void sealSegment(boolean last) throws IOException {
            int length;
            try {
                length = cipher.apply(segment, last, plain, buffered, sealed);
            } catch (AEADBadTagException e) {
                throw new IllegalStateException("Encryption does not verify tags", e);
            }
            writeFully(sealed, length);
            segment++;
            buffered = 0;
        }

        private void writeFully(byte[] bytes, int length) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, length);
            while (buffer.hasRemaining()) {
                file.write(buffer);
            }
        }

        private void ensureOpen() throws IOException {
            if (finished) {
                throw new IOException("This sealed file is complete: write only inside the writer");
            }
        }
    }

    /**
     * The reader's stream. Reads one sealed segment plus one byte more: if that byte exists, another segment
     * follows and this one must not be the last; if not, this one must be. Only verified plain text is returned.
     */
    private static final class Unsealer extends InputStream {

        private final String id;
        private final InputStream file;
        private final SegmentCipher cipher;
        private final byte[] sealed = new byte[SEALED_SEGMENT_BYTES + 1];
        private final byte[] plain = new byte[SEGMENT_BYTES];
        /** Bytes of the next segment already read (0 or 1: the look-ahead byte). */
        private int carried;
        private int position;
        private int limit;
        private long segment;
        private boolean lastVerified;
        /** Once a segment failed, the stream stays failed: nothing after it is ever returned. */
        private SealedFileException failure;

        Unsealer(String id, InputStream file, SegmentCipher cipher) {
            this.id = id;
            this.file = file;
            this.cipher = cipher;
        }

        @Override
        public int read() throws IOException {
            return fill() ? plain[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, bytes.length);
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(length, limit - position);
            System.arraycopy(plain, position, bytes, offset, n);
            position += n;
            return n;
        }

        @Override
        public int available() {
            return limit - position;
        }

        @Override
        public void close() throws IOException {
            Arrays.fill(plain, (byte) 0);
            position = limit = 0;
            file.close();
        }

        /** Makes verified plain text available; false at the verified end of the file. */
        private boolean fill() throws IOException {
            if (failure != null) {
                throw failure;
            }
            while (position == limit) { // a loop: an empty last segment is valid
                if (lastVerified) {
                    return false;
                }
                openNextSegment();
            }
            return true;
        }

        private void openNextSegment() throws IOException {
            int length = carried + file.readNBytes(sealed, carried, sealed.length - carried);
            boolean last = length < sealed.length;
            int segmentLength = last ? length : SEALED_SEGMENT_BYTES;
            if (segmentLength < TAG_BYTES) {
                throw fail("ends before its last segment: it was truncated");
            }
            try {
                limit = cipher.apply(segment, last, sealed, segmentLength, plain);
            } catch (AEADBadTagException e) {
                Arrays.fill(plain, (byte) 0);
                position = limit = 0;
                throw fail("failed authentication at segment " + segment
                        + ": it was altered, truncated, reordered or extended");
            }
            position = 0;
            segment++;
            lastVerified = last;
            if (!last) {
                sealed[0] = sealed[SEALED_SEGMENT_BYTES];
                carried = 1;
            }
        }

        private SealedFileException fail(String what) {
            failure = new SealedFileException("Sealed file " + id + " " + what);
            return failure;
        }
    }
}
