package org.rightsflow.support;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rightsflow.testsupport.RetainedHeap;

class SealedFilesTest {

    private static final String KEY_A = Base64.getEncoder().encodeToString(filled(32, 0xA1));
    private static final String KEY_B = Base64.getEncoder().encodeToString(filled(32, 0xB2));
    private static final Instant NOW = Instant.parse("2026-05-04T09:30:00Z");
    /*
     * The format (docs/architecture.md, "Data at rest"): a 40-byte header, then segments of 64 KiB cipher text
     * counted from the start of the file, each ending in a 16-byte tag; the first holds less plain text because the
     * header shares its 64 KiB.
     */
    private static final int HEADER = 40;
    private static final int SEALED_SEGMENT = 64 * 1024;
    private static final int SEGMENT = SEALED_SEGMENT - 16;
    private static final int FIRST_SEGMENT = SEGMENT - HEADER;
    private static final int READ_BUFFER = 4096;
    private static final long FIFTY_MB = 50L * 1024 * 1024;

    @TempDir
    Path directory;

    private SealedFiles files;

    @BeforeEach
    void twoKeysTheFirstCurrent() {
        files = sealedFiles("keyA=" + KEY_A + ",keyB=" + KEY_B);
    }

    // --- round trips ---

    @ParameterizedTest
    @ValueSource(ints = {0, 1, FIRST_SEGMENT - 1, FIRST_SEGMENT, FIRST_SEGMENT + 1, FIRST_SEGMENT + SEGMENT,
            FIRST_SEGMENT + 2 * SEGMENT + 7})
    void roundTrips(int size) throws IOException {
        byte[] content = randomBytes(size, size);

        SealedFile sealed = files.write("upload", out -> {
            // Byte by byte and in bulk: both reach the same segment.
            if (size > 0) {
                out.write(content[0]);
                out.write(content, 1, size - 1);
            }
        });

        assertThat(sealed.size()).isEqualTo(size);
        assertThat(sealed.keyId()).isEqualTo("keyA");
        assertThat(sealed.createdAt()).isEqualTo(NOW);
        assertThat(read(sealed.id())).isEqualTo(content);
        // Header, then every byte plus one tag per segment; a full last segment gets no empty one after it.
        long segments = Math.max(1, (HEADER + size + SEGMENT - 1) / SEGMENT);
        assertThat(Files.size(pathOf(sealed))).isEqualTo(HEADER + size + 16 * segments);
        // Nothing of the plain text is visible on disk.
        if (size >= 16) {
            assertThat(indexOf(Files.readAllBytes(pathOf(sealed)), Arrays.copyOf(content, 16))).isEqualTo(-1);
        }
    }

    /**
     * Pins the format: a file sealed by this version must open in every later one. Made once with Tink 1.18.0
     * under key "a" (32 zero bytes) for the id below: header (0x28, 32-byte salt, 7-byte nonce prefix), then one
     * last segment (cipher text and tag).
     */
    @Test
    void knownAnswer() throws IOException {
        String id = "upload/0123456789abcdef0123456789abcdef";
        byte[] known = Base64.getDecoder().decode("KGNpD9s7HHp9hTcJLP+70Wi73j4T18IOyoF/TMmyNN5xvRmP5CPNI4l7e7upegSMR1lQGQ1zIXaE5hHGrV5zpDaW5TfgOKzCrbKSzsiQl1e9z+i6");
        Files.createDirectories(directory.resolve("upload"));
        Files.write(directory.resolve(id), known);

        SealedFiles files = sealedFiles("a=" + Base64.getEncoder().encodeToString(new byte[32]));

        assertThat(new String(read(files, id), UTF_8)).isEqualTo("Ada Lovelace's uploaded file");
        assertThat(known[0]).isEqualTo((byte) HEADER);
        assertThat(known).hasSize(HEADER + "Ada Lovelace's uploaded file".length() + 16);
    }

    @Test
    void roundTripsFiftyMegabytesStreamedInAndOut() throws Exception {
        MessageDigest written = sha256();

        SealedFile sealed = files.write("access-package", out -> writeGenerated(out, FIFTY_MB, written, null));

        assertThat(sealed.size()).isEqualTo(FIFTY_MB);
        MessageDigest read = sha256();
        long count = 0;
        try (InputStream in = files.open(sealed.id())) {
            byte[] buffer = new byte[10_007]; // not a divisor of the segment size
            for (int n; (n = in.read(buffer)) != -1; count += n) {
                read.update(buffer, 0, n);
            }
        }
        assertThat(count).isEqualTo(FIFTY_MB);
        assertThat(read.digest()).isEqualTo(written.digest());
    }

    /**
     * Measures retained heap, not peak heap: the heap in use right after a full collection, half-way through writing
     * and half-way through reading 50 MB. A store that buffered the file would retain at least 25 MB by then; a
     * streaming one retains a few segments. Peak usage is not measured because it counts garbage not yet collected
     * (each GCM call allocates a little), which depends on the collector, not on this code.
     */
    @Test
    void retainedHeapStaysBoundedWhileSealingAndOpeningFiftyMegabytes() throws Exception {
        long before = RetainedHeap.afterFullCollection();
        AtomicLong growthWhileWriting = new AtomicLong();

        SealedFile sealed = files.write("access-package", out -> writeGenerated(out, FIFTY_MB, sha256(),
                () -> growthWhileWriting.set(RetainedHeap.afterFullCollection() - before)));

        long growthWhileReading;
        try (InputStream in = files.open(sealed.id())) {
            byte[] buffer = new byte[8192];
            long count = 0;
            while (count < FIFTY_MB / 2) {
                count += in.read(buffer);
            }
            growthWhileReading = RetainedHeap.afterFullCollection() - before;
            in.transferTo(OutputStream.nullOutputStream());
        }

        long limit = 16L * 1024 * 1024;
        assertThat(growthWhileWriting.get()).as("heap growth half-way through sealing").isLessThan(limit);
        assertThat(growthWhileReading).as("heap growth half-way through opening").isLessThan(limit);
    }

    @Test
    void aZipClosedInsideTheWriterIsSealedAndOpensAsAZip() throws IOException {
        SealedFile sealed = files.write("access-package", out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry("shop/orders.json"));
            zip.write("[{\"order\":1}]".getBytes(UTF_8));
            zip.closeEntry();
            zip.close(); // closes our stream too, which must not seal or break anything
        });

        try (ZipInputStream zip = new ZipInputStream(files.open(sealed.id()))) {
            assertThat(zip.getNextEntry().getName()).isEqualTo("shop/orders.json");
            assertThat(new String(zip.readAllBytes(), UTF_8)).isEqualTo("[{\"order\":1}]");
            assertThat(zip.getNextEntry()).isNull();
        }
    }

    // --- key rotation ---

    @Test
    void afterARotationOldFilesStillOpenAndNewFilesUseTheNewKey() throws IOException {
        SealedFiles beforeRotation = sealedFiles("a=" + KEY_A);
        SealedFile old = beforeRotation.write("upload", out -> out.write("written under a".getBytes(UTF_8)));

        SealedFiles afterRotation = sealedFiles("b=" + KEY_B + ",a=" + KEY_A);
        SealedFile recent = afterRotation.write("upload", out -> out.write("written under b".getBytes(UTF_8)));

        assertThat(old.keyId()).isEqualTo("a");
        assertThat(recent.keyId()).isEqualTo("b");
        assertThat(new String(read(afterRotation, old.id()), UTF_8)).isEqualTo("written under a");
        assertThat(new String(read(afterRotation, recent.id()), UTF_8)).isEqualTo("written under b");
        assertThat(new String(read(sealedFiles("b=" + KEY_B), recent.id()), UTF_8)).isEqualTo("written under b");
        assertThatThrownBy(() -> beforeRotation.open(recent.id()))
                .isInstanceOf(SealedFileException.class).hasMessageContaining("failed its check");
    }

    @Test
    void aFileWhoseKeyWasRemovedFailsOnOpening() throws IOException {
        SealedFile old = sealedFiles("a=" + KEY_A).write("upload", out -> out.write(randomBytes(3 * SEGMENT, 1)));

        SealedFiles withoutA = sealedFiles("b=" + KEY_B);

        assertThatThrownBy(() -> withoutA.open(old.id()))
                .isInstanceOf(SealedFileException.class)
                .hasMessageContaining(old.id())
                .hasMessageContaining("its data key is no longer in rightsflow.secrets.data-keys");
    }

    // --- tampering: four segments, the last one short ---

    @Test
    void aChangedByteInAMiddleSegmentFailsAfterReleasingOnlyTheSegmentsBefore() throws IOException {
        byte[] content = fourSegments(7);
        SealedFile sealed = sealed(content);
        byte[] disk = Files.readAllBytes(pathOf(sealed));
        disk[segmentOffset(1) + 500] ^= 0x01;
        Files.write(pathOf(sealed), disk);

        try (InputStream in = files.open(sealed.id())) {
            Failure failure = readUntilFailure(in);
            assertThat(failure.exception()).isInstanceOf(SealedFileException.class)
                    .hasMessageContaining("failed its check");
            assertReleasedOnlyVerifiedSegments(failure, content, FIRST_SEGMENT);
            // Once failed, it stays failed: nothing of the later segments comes out.
            assertThatThrownBy(in::read).isInstanceOf(SealedFileException.class);
        }
    }

    @Test
    void aChangedByteInTheFirstSegmentFailsOnOpening() throws IOException {
        SealedFile sealed = sealed(fourSegments(8));
        byte[] disk = Files.readAllBytes(pathOf(sealed));
        disk[HEADER + 10] ^= 0x01;
        Files.write(pathOf(sealed), disk);

        assertThatThrownBy(() -> files.open(sealed.id()))
                .isInstanceOf(SealedFileException.class).hasMessageContaining("failed its check");
    }

    @Test
    void swappedSegmentsFail() throws IOException {
        byte[] content = fourSegments(9);
        SealedFile sealed = sealed(content);
        byte[] disk = Files.readAllBytes(pathOf(sealed));
        byte[] second = Arrays.copyOfRange(disk, segmentOffset(1), segmentOffset(2));
        System.arraycopy(disk, segmentOffset(2), disk, segmentOffset(1), SEALED_SEGMENT);
        System.arraycopy(second, 0, disk, segmentOffset(2), SEALED_SEGMENT);
        Files.write(pathOf(sealed), disk);

        assertReadFails(sealed, content, FIRST_SEGMENT);
    }

    @Test
    void aDroppedLastSegmentFails() throws IOException {
        byte[] content = fourSegments(10);
        SealedFile sealed = sealed(content);
        byte[] disk = Files.readAllBytes(pathOf(sealed));
        Files.write(pathOf(sealed), Arrays.copyOf(disk, segmentOffset(3)));

        // Segment 2 is now at the end, read as the last one, and was not sealed as the last one.
        assertReadFails(sealed, content, FIRST_SEGMENT + SEGMENT);
    }

    @Test
    void anAppendedSegmentFails() throws IOException {
        byte[] content = fourSegments(11);
        SealedFile sealed = sealed(content);
        byte[] disk = Files.readAllBytes(pathOf(sealed));
        byte[] extended = Arrays.copyOf(disk, disk.length + SEALED_SEGMENT);
        System.arraycopy(disk, segmentOffset(1), extended, disk.length, SEALED_SEGMENT);
        Files.write(pathOf(sealed), extended);

        // The old last segment is no longer at the end.
        assertReadFails(sealed, content, FIRST_SEGMENT + 2 * SEGMENT);
    }

    @Test
    void aSingleAppendedByteFails() throws IOException {
        byte[] content = randomBytes(FIRST_SEGMENT + SEGMENT, 12); // the last segment is full
        SealedFile sealed = sealed(content);
        Files.write(pathOf(sealed), new byte[] {0}, java.nio.file.StandardOpenOption.APPEND);

        assertReadFails(sealed, content, FIRST_SEGMENT);
    }

    @Test
    void aFileMovedToAnotherIdFailsOnOpening() throws IOException {
        SealedFile upload = sealed(randomBytes(1000, 13));
        SealedFile other = files.write("access-package", out -> out.write(randomBytes(1000, 14)));
        Files.copy(pathOf(upload), pathOf(other), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> files.open(other.id()))
                .isInstanceOf(SealedFileException.class).hasMessageContaining(other.id());
    }

    @Test
    void aHeaderWithoutSegmentsIsTruncated() throws IOException {
        SealedFile sealed = sealed(new byte[0]);
        byte[] disk = Files.readAllBytes(pathOf(sealed));
        Files.write(pathOf(sealed), Arrays.copyOf(disk, HEADER));

        assertThatThrownBy(() -> files.open(sealed.id()))
                .isInstanceOf(SealedFileException.class).hasMessageContaining("failed its check");
    }

    @Test
    void somethingElseIsNotASealedFile() throws IOException {
        SealedFile sealed = sealed(randomBytes(10, 15));
        Files.write(pathOf(sealed), "PK\u0003\u0004 a zip, not sealed".getBytes(UTF_8));

        assertThatThrownBy(() -> files.open(sealed.id()))
                .isInstanceOf(SealedFileException.class).hasMessageContaining("failed its check");
    }

    // --- failed writers ---

    @Test
    void aWriterThatFailsMidwayLeavesNoFile() throws IOException {
        RuntimeException failure = new IllegalStateException("the connector went away");

        assertThatThrownBy(() -> files.write("upload", out -> {
            out.write(randomBytes(3 * SEGMENT, 16)); // several segments are already on disk
            throw failure;
        })).isSameAs(failure);

        assertThat(filesIn(directory.resolve("upload"))).isEmpty();
    }

    @Test
    void aWriterThatClosesItsStreamAndThenFailsLeavesNoFile() throws IOException {
        assertThatThrownBy(() -> files.write("upload", out -> {
            out.write(randomBytes(100, 17));
            out.close();
            throw new Exception("checked, after closing");
        })).isInstanceOf(IOException.class).hasRootCauseMessage("checked, after closing");

        assertThat(filesIn(directory.resolve("upload"))).isEmpty();
    }

    @Test
    void aStreamKeptByTheWriterCannotAddToASealedFile() throws IOException {
        OutputStream[] kept = new OutputStream[1];
        SealedFile sealed = files.write("upload", out -> {
            out.write(1);
            kept[0] = out;
        });

        assertThatThrownBy(() -> kept[0].write(2)).isInstanceOf(IOException.class);
        assertThat(read(sealed.id())).containsExactly(1);
    }

    // --- ids ---

    @Test
    void idsAreRandomAndTheFilesCanBeDeleted() throws IOException {
        SealedFile first = sealed(new byte[] {1});
        SealedFile second = sealed(new byte[] {1});

        assertThat(first.id()).matches("upload/[0-9a-f]{32}").isNotEqualTo(second.id());
        assertThat(files.exists(first.id())).isTrue();
        files.delete(first.id());
        files.delete(first.id()); // a retried clean-up
        assertThat(files.exists(first.id())).isFalse();
        assertThat(files.exists(second.id())).isTrue();
        assertThatThrownBy(() -> files.open(first.id())).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void malformedIdsAndKindsAreRefused() {
        assertThatThrownBy(() -> files.open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> files.exists("upload/../x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> files.delete("upload/ABC")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> files.write("Jane Doe", out -> { })).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> files.write("../up", out -> { })).isInstanceOf(IllegalArgumentException.class);
    }

    // --- helpers ---

    private SealedFiles sealedFiles(String dataKeys) {
        return new SealedFiles(new DataCipher(dataKeys), Clock.fixed(NOW, ZoneOffset.UTC), FileStore.directory(directory));
    }

    private SealedFile sealed(byte[] content) throws IOException {
        return files.write("upload", out -> out.write(content));
    }

    private byte[] read(String id) throws IOException {
        return read(files, id);
    }

    private static byte[] read(SealedFiles files, String id) throws IOException {
        try (InputStream in = files.open(id)) {
            return in.readAllBytes();
        }
    }

    /** Opens (the first segment is intact), then fails having released nothing of the damaged segment. */
    private void assertReadFails(SealedFile sealed, byte[] content, int verifiedBytes) throws IOException {
        try (InputStream in = files.open(sealed.id())) {
            Failure failure = readUntilFailure(in);
            assertThat(failure.exception()).isInstanceOf(SealedFileException.class)
                    .hasMessageContaining("failed its check");
            assertReleasedOnlyVerifiedSegments(failure, content, verifiedBytes);
        }
    }

    /**
     * What came out is the start of the plain text and ends within the last read before the damaged segment: a
     * read that reaches into a segment that fails returns nothing, even the verified bytes it already holds.
     */
    private static void assertReleasedOnlyVerifiedSegments(Failure failure, byte[] content, int verifiedBytes) {
        byte[] released = failure.released();
        assertThat(released.length).isBetween(verifiedBytes - READ_BUFFER, verifiedBytes);
        assertThat(Arrays.equals(released, Arrays.copyOf(content, released.length)))
                .as("the released bytes are the start of the plain text").isTrue();
    }

    private record Failure(byte[] released, IOException exception) {
    }

    private static Failure readUntilFailure(InputStream in) {
        ByteArrayOutputStream released = new ByteArrayOutputStream();
        byte[] buffer = new byte[READ_BUFFER];
        try {
            for (int n; (n = in.read(buffer)) != -1; ) {
                released.write(buffer, 0, n);
            }
        } catch (IOException e) {
            return new Failure(released.toByteArray(), e);
        }
        throw new AssertionError("read " + released.size() + " bytes to the end without failing");
    }

    private Path pathOf(SealedFile sealed) {
        return directory.resolve(sealed.id());
    }

    /** Where segment 1 and later start on disk (segment 0 starts after the header). */
    private static int segmentOffset(int segment) {
        return segment * SEALED_SEGMENT;
    }

    /** Plain text that fills three segments and part of a fourth. */
    private static byte[] fourSegments(long seed) {
        return randomBytes(FIRST_SEGMENT + 2 * SEGMENT + 1000, seed);
    }

    /**
     * Writes {@code total} pseudo-random bytes in odd-sized chunks from one small buffer, updating {@code digest};
     * runs {@code halfway} once half is written.
     */
    private static void writeGenerated(OutputStream out, long total, MessageDigest digest, Runnable halfway)
            throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        byte[] chunk = new byte[8191];
        for (long written = 0; written < total; ) {
            int n = (int) Math.min(chunk.length, total - written);
            random.nextBytes(chunk);
            out.write(chunk, 0, n);
            digest.update(chunk, 0, n);
            if (halfway != null && written < total / 2 && written + n >= total / 2) {
                halfway.run();
            }
            written += n;
        }
    }


    private static MessageDigest sha256() throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256");
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new SplittableRandom(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] filled(int size, int value) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static java.util.List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.toList();
        }
    }
}
