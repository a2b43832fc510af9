package org.rightsflow.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class SpreadsheetCsvTest {

    private static String written(List<?>... rows) throws IOException {
        StringWriter out = new StringWriter();
        try (SpreadsheetCsv csv = new SpreadsheetCsv(out)) {
            for (List<?> row : rows) {
                csv.row(row);
            }
        }
        return out.toString();
    }

    private static List<List<String>> readBack(String csv) throws IOException {
        try (CSVParser parser = CSVParser.parse(csv, CSVFormat.RFC4180)) {
            return parser.stream().map(CSVRecord::toList).toList();
        }
    }

    @Test
    void quotesOnlyWhereNeededWithCrlfAfterEveryRow() throws IOException {
        assertThat(written(List.of("email", "note"), List.of("a@example.org", "plain")))
                .isEqualTo("email,note\r\na@example.org,plain\r\n");
        assertThat(written(List.of("a,b", "say \"hi\"", "two\r\nlines", "one\nline")))
                .isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\",\"one\nline\"\r\n");
    }

    @Test
    void cellsWithCommasQuotesAndLineBreaksReadBackAsTheyWere() throws IOException {
        List<String> hostile = List.of("a,b", "\"", "\"\"", "line\r\nbreak", "\n", "x\r", "ünïcödé 列", " padded ");

        assertThat(readBack(written(hostile, List.of("next")))).containsExactly(hostile, List.of("next"));
    }

    @Test
    void textASpreadsheetWouldRunAsAFormulaGetsAnApostrophe() throws IOException {
        List<String> formulas = List.of("=HYPERLINK(\"http://evil.example\",\"click\")", "+1+1", "-2+3", "@SUM(A1:A2)",
                "\tindented", "\rreturn", "=", "-");
        List<String> harmless = List.of("a=b", "1+1", "e-mail", "mail@example.com", "'quoted", " =leading space", "");

        List<String> formulasRead = readBack(written(formulas)).get(0);
        List<String> harmlessRead = readBack(written(harmless)).get(0);

        assertThat(formulasRead).containsExactlyElementsOf(formulas.stream().map(text -> "'" + text).toList());
        assertThat(harmlessRead).containsExactlyElementsOf(harmless);
    }

    @Test
    void numbersFlagsAndValuesAreWrittenAsTheyAreEvenWhenNegative() throws IOException {
        assertThat(written(Arrays.asList(-42, -1.5, 20.0, true, new SpreadsheetCsv.Value("1e-7"),
                new SpreadsheetCsv.Value("-12.50"), null, "-12.50")))
                .isEqualTo("-42,-1.5,20.0,true,1e-7,-12.50,,'-12.50\r\n");
    }

    @Test
    void aRowOfOneEmptyCellStillReadsAsARowAndNoColumnsAsAnEmptyLine() throws IOException {
        String csv = written(List.of("tag"), Arrays.asList((Object) null), List.of(""), List.of());

        assertThat(csv).isEqualTo("tag\r\n\"\"\r\n\"\"\r\n\r\n");
        assertThat(readBack(csv)).hasSize(4);
    }

    @Test
    void aCellOfAnyOtherTypeIsRefusedRatherThanWrittenUnguarded() {
        assertThatThrownBy(() -> written(List.of(LocalDate.of(2027, 1, 31))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LocalDate");
    }
}
