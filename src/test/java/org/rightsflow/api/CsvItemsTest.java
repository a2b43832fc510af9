package org.rightsflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvItemsTest {

    @Test
    void readsTheColumnsTheHeaderNamesInAnyOrderWithQuotesAndBlankLines() {
        List<OptOutsApiController.OptOutItem> items = CsvItems.parse("""
                \uFEFFSource,EMAIL,receivedAt
                GPC,a@example.org,2027-01-31

                "API","b,c@example.org",
                API,"say ""hi""@example.org"
                """);

        assertThat(items).containsExactly(
                new OptOutsApiController.OptOutItem("a@example.org", null, null, "GPC", null, "2027-01-31"),
                new OptOutsApiController.OptOutItem("b,c@example.org", null, null, "API", null, ""),
                new OptOutsApiController.OptOutItem("say \"hi\"@example.org", null, null, "API", null, null));
    }

    @Test
    void anUnknownColumnOrNoEmailColumnIsRefusedWithEveryProblemNamed() {
        assertThatThrownBy(() -> CsvItems.parse("mail,purpose\nx@example.org,SALE_SHARING\n"))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::message)
                        .anyMatch(m -> m.contains("unknown column 'mail'"))
                        .anyMatch(m -> m.contains("must name an 'email' column")));
        assertThatThrownBy(() -> CsvItems.parse("\n\n"))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::message).singleElement().asString().contains("the file is empty"));
    }

    @Test
    void aQuotedFieldMayHoldLineBreaksAndQuotesAndStaysOneItem() {
        List<OptOutsApiController.OptOutItem> items = CsvItems.parse("\uFEFFemail,source\r\n"
                + "\"first@example.org\",\"AP\r\nI\"\r\n"
                + "\"say \"\"hi\"\"@example.org\",\"line\nbreak\"\r\n"
                + "last@example.org,GPC\r\n");

        assertThat(items).containsExactly(
                new OptOutsApiController.OptOutItem("first@example.org", null, null, "AP\r\nI", null, null),
                new OptOutsApiController.OptOutItem("say \"hi\"@example.org", null, null, "line\nbreak", null, null),
                new OptOutsApiController.OptOutItem("last@example.org", null, null, "GPC", null, null));
    }

    @Test
    void aByteOrderMarkAloneOrWithBlankLinesIsAnEmptyFile() {
        assertThatThrownBy(() -> CsvItems.parse("\uFEFF\r\n  \r\n"))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::message).singleElement().asString().contains("the file is empty"));
    }

    @Test
    void aFileThatIsNotValidCsvIsRefusedWholeWithTheLineWhereReadingStopped() {
        String unclosed = "email,source\na@example.org,API\nb@example.org,\"API\nc@example.org,API\n";
        String strayQuote = "email,source\na@example.org,API\n\"b@example.org\"x,API\n";

        for (String bad : List.of(unclosed, strayQuote)) {
            assertThatThrownBy(() -> CsvItems.parse(bad))
                    .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.problems())
                            .extracting(FieldProblem::message).singleElement().asString()
                            .contains("not valid CSV at or after line 3", "nothing was recorded")
                            .doesNotContain("Exception", "example.org"));
        }
    }
}
