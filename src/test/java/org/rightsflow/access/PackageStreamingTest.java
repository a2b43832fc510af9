package org.rightsflow.access;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rightsflow.access.PackageAssemblyBenchmark.Halfway;
import org.rightsflow.access.PackageAssemblyBenchmark.ShopAnswer;
import org.rightsflow.support.DataCipher;
import org.rightsflow.support.SealedFile;
import org.rightsflow.support.FileStore;
import org.rightsflow.support.SealedFiles;
import org.rightsflow.testsupport.RetainedHeap;

/**
 * The package is written as a stream: 50 MB of source JSON, generated while it is read (never a 50 MB array), go
 * through {@link PackageWriter} into a {@link SealedFiles} store while the retained heap stays a few megabytes.
 */
class PackageStreamingTest {

    private static final long MB = 1024 * 1024;
    private static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(UTF_8));

    @TempDir
    Path directory;

    /**
     * Measures retained heap, not peak heap (as SealedFilesTest does): the heap in use right after a full collection,
     * taken from inside the source stream half-way through every pass over the document that gets that far (the
     * JSON, then the CSV of each table in the second half). A writer that held the document, a table or the zip would retain tens of megabytes by then.
     */
    @Test
    void fiftyMegabytesOfSourceDataBecomeASealedPackageInBoundedMemory() throws Exception {
        ShopAnswer answer = ShopAnswer.withData(50 * MB, 2 * MB);
        long dataBytes = answer.dataBytes();
        assertThat(dataBytes).isBetween(45 * MB, 55 * MB);
        PackageWriter writer = new PackageWriter();
        Map<String, TableShape> shapes;
        try (InputStream in = answer.openData()) {
            shapes = TableShape.scan(in, writer.jsonFactory());
        }
        assertThat(shapes.keySet()).containsExactlyElementsOf(ShopAnswer.TABLES);
        shapes.values().forEach(shape -> assertThat(shape.rows()).as(shape.name()).isEqualTo(answer.rows(shape.name())));
        SealedFiles files = new SealedFiles(new DataCipher("test=" + KEY), Clock.systemUTC(), FileStore.directory(directory));

        long before = RetainedHeap.afterFullCollection();
        List<Long> growth = new ArrayList<>();
        PackageWriter.Content data = () -> new Halfway(answer.openData(), dataBytes / 2,
                position -> growth.add(RetainedHeap.afterFullCollection() - before));
        PackageWriter.SystemPart shop = new PackageWriter.SystemPart("shop", "Web shop", data, shapes,
                List.of(new PackageWriter.Attachment(1, "letter.pdf", answer::openAttachment)), List.of());
        List<String> entries = new ArrayList<>();
        SealedFile sealed = files.write(PackageAssembly.KIND, out ->
                entries.addAll(writer.write(out, "DSR-1", PackageAssemblyBenchmark.SUMMARY, List.of(shop)).entries()));

        // A CSV pass stops at the end of its table: only the passes for the tables in the document's second half
        // (support_tickets, the big one, among them) reach its middle and are measured, with the JSON's.
        assertThat(growth).as("one measurement per pass that reaches the middle: the JSON and two tables' CSV")
                .hasSize(3);
        assertThat(growth).as("heap growth half-way through each pass over %d MB", dataBytes / MB)
                .allSatisfy(bytes -> assertThat(bytes).isLessThan(16 * MB));

        Map<String, Long> tablesInJson = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        long ticketRecords = -1;
        long attachedBytes = -1;
        try (ZipInputStream zip = new ZipInputStream(files.open(sealed.id()), UTF_8)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                names.add(entry.getName());
                switch (entry.getName()) {
                    case "data/shop.json" -> tablesInJson.putAll(countRows(writer, zip));
                    case "data/shop/support_tickets.csv" -> ticketRecords = countTickets(zip);
                    case "files/shop/letter.pdf" -> attachedBytes = zip.transferTo(OutputStream.nullOutputStream());
                    default -> zip.transferTo(OutputStream.nullOutputStream());
                }
            }
        }
        assertThat(names).isEqualTo(entries).containsExactly("summary.html", "data/shop.json",
                "data/shop/customers.csv", "data/shop/orders.csv", "data/shop/order_lines.csv",
                "data/shop/support_tickets.csv", "files/shop/letter.pdf");
        ShopAnswer.TABLES.forEach(table ->
                assertThat(tablesInJson.get(table)).as("rows of %s in the JSON", table).isEqualTo(answer.rows(table)));
        assertThat(ticketRecords).as("lines of the last table's CSV after its header")
                .isEqualTo(answer.rows("support_tickets")).isGreaterThan(1000);
        assertThat(attachedBytes).isEqualTo(2 * MB);
    }

    /** Rows per table of the package's JSON file, read as a stream. */
    private static Map<String, Long> countRows(PackageWriter writer, InputStream json) throws IOException {
        Map<String, Long> rows = new LinkedHashMap<>();
        try (JsonParser parser = writer.jsonFactory().createParser(json)) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (!field.equals("tables")) {
                    parser.skipChildren();
                    continue;
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String table = parser.currentName();
                    assertThat(parser.nextToken()).isEqualTo(JsonToken.START_ARRAY);
                    long count = 0;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        parser.skipChildren();
                        count++;
                    }
                    assertThat(rows.put(table, count)).as("%s once", table).isNull();
                }
            }
        }
        return rows;
    }

    /** Records after the header of the tickets' CSV, read as a stream with the strict RFC 4180 reader. */
    private static long countTickets(InputStream csv) throws IOException {
        PackageWriterTest.Rfc4180 reader = new PackageWriterTest.Rfc4180(csv);
        List<String> header = List.of("ticket_id", "opened_at", "channel", "subject", "status", "body", "agent_notes");
        assertThat(reader.next()).isEqualTo(header);
        long records = 0;
        for (List<String> record; (record = reader.next()) != null; records++) {
            assertThat(record).hasSize(header.size());
        }
        return records;
    }
}
