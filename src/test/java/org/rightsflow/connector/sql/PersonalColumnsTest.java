package org.rightsflow.connector.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.sql.JDBCType;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rightsflow.connector.sql.PersonalColumns.Finding;
import org.rightsflow.connector.sql.PersonalColumns.Kind;

/** Which columns discovery proposes as personal, and that what it shows staff never gives a value away. */
class PersonalColumnsTest {

    private static final List<String> NO_SAMPLE = List.of();

    private static Optional<Finding> classify(String name, String type, int size, List<String> sample) {
        return PersonalColumns.classify(name, JDBCType.valueOf(type).getVendorTypeNumber(), size, null, sample);
    }

    private static Optional<Finding> classify(String name, String type, int size) {
        return classify(name, type, size, NO_SAMPLE);
    }

    /** {@code count} copies of values made by {@code make} from 0, 1, 2, ... */
    private static List<String> values(int count, IntFunction<String> make) {
        return IntStream.range(0, count).mapToObj(make).toList();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    // ---- kinds and categories ---------------------------------------------------------------------------------

    @Test
    void everyKindHasItsRegistryCategoryAndLabel() {
        Map<Kind, List<String>> expected = Map.of(
                Kind.EMAIL, List.of("contact details", "email address"),
                Kind.PHONE, List.of("contact details", "phone number"),
                Kind.NAME, List.of("identity details", "name"),
                Kind.BIRTH_DATE, List.of("identity details", "birth date"),
                Kind.POSTAL_ADDRESS, List.of("postal addresses", "postal address"),
                Kind.GOVERNMENT_ID, List.of("government identifiers", "government identifier"),
                Kind.IP_ADDRESS, List.of("online identifiers", "IP address"),
                Kind.FREE_TEXT, List.of("messages and notes", "free text"));
        assertThat(expected).containsOnlyKeys(Kind.values());
        expected.forEach((kind, texts) -> {
            assertThat(kind.category()).isEqualTo(texts.get(0));
            assertThat(kind.label()).isEqualTo(texts.get(1));
        });
    }

    // ---- by name ----------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} {1}({2}) is {3}")
    @CsvSource({
        "email, VARCHAR, 255, EMAIL",
        "customerEmail, VARCHAR, 255, EMAIL",
        "EMAIL_ADDR, VARCHAR, 255, EMAIL",
        "EmailAddress, NVARCHAR, 320, EMAIL",
        "e_mail, VARCHAR, 255, EMAIL",
        "eMail, VARCHAR, 255, EMAIL",
        "contact_mail, VARCHAR, 255, EMAIL",
        "email_work, VARCHAR, 255, EMAIL",
        "email2, VARCHAR, 255, EMAIL",
        "email, OTHER, 2147483647, EMAIL",
        "first_name, VARCHAR, 100, NAME",
        "lastName, VARCHAR, 100, NAME",
        "SURNAME, VARCHAR, 100, NAME",
        "given_name, VARCHAR, 100, NAME",
        "family_name, VARCHAR, 100, NAME",
        "full_name, VARCHAR, 200, NAME",
        "FIRSTNAME, CHAR, 50, NAME",
        "name, VARCHAR, 100, NAME",
        "display_name, VARCHAR, 100, NAME",
        "contact_name, VARCHAR, 100, NAME",
        "holder_name, VARCHAR, 100, NAME",
        "account_holder_name, VARCHAR, 100, NAME",
        "customerName, VARCHAR, 100, NAME",
        "phone, VARCHAR, 30, PHONE",
        "mobile, VARCHAR, 30, PHONE",
        "telephone, VARCHAR, 30, PHONE",
        "tel, VARCHAR, 30, PHONE",
        "fax, VARCHAR, 30, PHONE",
        "home_phone, VARCHAR, 30, PHONE",
        "phone_number, VARCHAR, 30, PHONE",
        "mobilePhone, VARCHAR, 30, PHONE",
        "PHONE_NO, VARCHAR, 30, PHONE",
        "address, VARCHAR, 255, POSTAL_ADDRESS",
        "billing_address, VARCHAR, 255, POSTAL_ADDRESS",
        "street, VARCHAR, 255, POSTAL_ADDRESS",
        "address_line1, VARCHAR, 255, POSTAL_ADDRESS",
        "addressLine2, VARCHAR, 255, POSTAL_ADDRESS",
        "line1, VARCHAR, 255, POSTAL_ADDRESS",
        "city, VARCHAR, 100, POSTAL_ADDRESS",
        "postcode, VARCHAR, 10, POSTAL_ADDRESS",
        "postal_code, VARCHAR, 10, POSTAL_ADDRESS",
        "zip, VARCHAR, 10, POSTAL_ADDRESS",
        "zipCode, VARCHAR, 10, POSTAL_ADDRESS",
        "birth_date, DATE, 10, BIRTH_DATE",
        "date_of_birth, DATE, 10, BIRTH_DATE",
        "dateOfBirth, TIMESTAMP, 26, BIRTH_DATE",
        "DOB, TIMESTAMP_WITH_TIMEZONE, 30, BIRTH_DATE",
        "birthday, VARCHAR, 10, BIRTH_DATE",
        "born, DATE, 10, BIRTH_DATE",
        "ssn, CHAR, 11, GOVERNMENT_ID",
        "social_security_number, VARCHAR, 11, GOVERNMENT_ID",
        "national_id, VARCHAR, 20, GOVERNMENT_ID",
        "passport_number, VARCHAR, 20, GOVERNMENT_ID",
        "passportNo, VARCHAR, 20, GOVERNMENT_ID",
        "tax_id, VARCHAR, 20, GOVERNMENT_ID",
        "tin, VARCHAR, 20, GOVERNMENT_ID",
        "NINO, VARCHAR, 9, GOVERNMENT_ID",
        "driving_licence, VARCHAR, 20, GOVERNMENT_ID",
        "driver_license_number, VARCHAR, 20, GOVERNMENT_ID",
        "id_card, VARCHAR, 20, GOVERNMENT_ID",
        "ip, VARCHAR, 45, IP_ADDRESS",
        "ip_address, VARCHAR, 45, IP_ADDRESS",
        "ipaddr, VARCHAR, 45, IP_ADDRESS",
        "IPAddress, VARCHAR, 45, IP_ADDRESS",
        "ipv6_address, VARCHAR, 45, IP_ADDRESS",
        "last_ip, OTHER, 2147483647, IP_ADDRESS",
        "remote_addr, VARCHAR, 45, IP_ADDRESS",
        "client_ip, VARCHAR, 45, IP_ADDRESS",
        "notes, CLOB, 0, FREE_TEXT",
        "comment, LONGVARCHAR, 65535, FREE_TEXT",
        "comments, VARCHAR, 2000, FREE_TEXT",
        "message, VARCHAR, 4000, FREE_TEXT",
        "body, VARCHAR, 2147483647, FREE_TEXT",
        "text, NCLOB, 0, FREE_TEXT",
        "remarks, VARCHAR, 1000, FREE_TEXT",
        "bio, VARCHAR, 0, FREE_TEXT",
        "description, VARCHAR, 1000, FREE_TEXT",
        "customerNotes, LONGNVARCHAR, 0, FREE_TEXT",
    })
    void everyKindIsFoundByName(String name, String type, int size, Kind kind) {
        Finding finding = classify(name, type, size).orElseThrow();

        assertThat(finding.kind()).isEqualTo(kind);
        assertThat(finding.category()).isEqualTo(kind.category());
        assertThat(finding.reason()).startsWith("its name ");
        assertThat(finding.maskedExample()).as("no sample, no example").isNull();
    }

    @Test
    void theReasonByNameSaysWhatTheNameSays() {
        assertThat(classify("customerEmail", "VARCHAR", 255).orElseThrow().reason())
                .isEqualTo("its name says email address");
        assertThat(classify("notes", "VARCHAR", 4000).orElseThrow().reason())
                .isEqualTo("its name suggests free text and it can hold long text (up to 4000 characters)");
        assertThat(classify("notes", "CLOB", 0).orElseThrow().reason())
                .isEqualTo("its name suggests free text and it can hold long text (no practical length limit)");
    }

    @ParameterizedTest(name = "{0} {1}({2}) is not personal")
    @CsvSource({
        "email_verified, BOOLEAN, 1",
        "email_verified, VARCHAR, 1",
        "emailVerifiedAt, TIMESTAMP, 26",
        "email_opt_in, BOOLEAN, 1",
        "email_opt_in, VARCHAR, 1",
        "email_count, INTEGER, 10",
        "mail_server, VARCHAR, 255",
        "phone_verified, BOOLEAN, 1",
        "phone_type, VARCHAR, 20",
        "is_mobile, BOOLEAN, 1",
        "address_type, VARCHAR, 20",
        "address_id, BIGINT, 19",
        "mac_address, VARCHAR, 17",
        "server_addr, VARCHAR, 45",
        "product_name, VARCHAR, 255",
        "productName, VARCHAR, 255",
        "file_name, VARCHAR, 255",
        "filename, VARCHAR, 255",
        "table_name, VARCHAR, 128",
        "company_name, VARCHAR, 255",
        "brand_name, VARCHAR, 255",
        "category_name, VARCHAR, 255",
        "username, VARCHAR, 64",
        "vat_id, VARCHAR, 20",
        "iban, VARCHAR, 34",
        "order_line_1, VARCHAR, 255",
        "birth_place, VARCHAR, 100",
        "updated_at, TIMESTAMP, 26",
        "created_at, TIMESTAMP_WITH_TIMEZONE, 30",
        "status, VARCHAR, 20",
        "id, BIGINT, 19",
        "customer_id, INTEGER, 10",
        "country, CHAR, 2",
        "description, VARCHAR, 255",
        "status_message, VARCHAR, 200",
        "notes, INTEGER, 10",
        "zip, INTEGER, 10",
        "email, INTEGER, 10",
        "ip_address, BIGINT, 19",
        "first_name, DATE, 10",
        "birth_date, INTEGER, 10",
        "phone, INTEGER, 10",
        "ssn, INTEGER, 10",
        "name, BLOB, 0",
    })
    void namesThatOnlyLookPersonalAreNot(String name, String type, int size) {
        assertThat(classify(name, type, size)).isEmpty();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({"phone, BIGINT", "mobile, NUMERIC", "tel, DECIMAL", "phone_number, BIGINT"})
    void aPhoneNumberMayBeStoredAsANumber(String name, String type) {
        assertThat(classify(name, type, 15).orElseThrow().kind()).isEqualTo(Kind.PHONE);

        Finding sampled = classify(name, type, 15, values(20, i -> "49301234" + (100 + i))).orElseThrow();
        assertThat(sampled.kind()).isEqualTo(Kind.PHONE);
        assertThat(sampled.reason()).isEqualTo("its name says phone number and 20 of 20 sampled values fit");
        assertThat(sampled.maskedExample()).isEqualTo("4***0");
    }

    @Test
    void numbersWithoutAPhoneNameAreNotPhones() {
        assertThat(classify("customer_id", "BIGINT", 19, values(20, i -> "49301234" + (100 + i)))).isEmpty();
        assertThat(classify("order_number", "VARCHAR", 20, values(20, i -> "100234" + (500 + i)))).isEmpty();
    }

    // ---- by values --------------------------------------------------------------------------------------------

    @Test
    void emailsInAColumnWhoseNameSaysNothing() {
        List<String> sample = concat(values(18, i -> "user" + i + "@example.com"), List.of("n/a", "unknown"));

        Finding contact = classify("contact", "VARCHAR", 255, sample).orElseThrow();
        assertThat(contact.kind()).isEqualTo(Kind.EMAIL);
        assertThat(contact.category()).isEqualTo("contact details");
        assertThat(contact.reason()).isEqualTo("18 of 20 sampled values look like email addresses");
        assertThat(contact.maskedExample()).isEqualTo("u***@e***.com");

        assertThat(classify("login", "VARCHAR", 255, values(20, i -> "jane" + i + "@shop.example.org")).orElseThrow()
                .kind()).isEqualTo(Kind.EMAIL);
        assertThat(classify("login", "OTHER", 2147483647, List.of("Jane@Example.COM")).orElseThrow().kind())
                .as("PostgreSQL citext").isEqualTo(Kind.EMAIL);
    }

    @Test
    void eightyPercentOfTheValuesDecide() {
        List<String> sixteen = concat(values(16, i -> "user" + i + "@example.com"), values(4, i -> "x" + i));
        List<String> fifteen = concat(values(15, i -> "user" + i + "@example.com"), values(5, i -> "x" + i));

        assertThat(classify("contact", "VARCHAR", 255, sixteen).orElseThrow().reason())
                .isEqualTo("16 of 20 sampled values look like email addresses");
        assertThat(classify("contact", "VARCHAR", 255, fifteen)).isEmpty();
    }

    @Test
    void blankValuesAreNotCounted() {
        Finding finding = classify("contact", "VARCHAR", 255, Arrays.asList("", "  ", null, "jane@example.com"))
                .orElseThrow();

        assertThat(finding.kind()).isEqualTo(Kind.EMAIL);
        assertThat(finding.reason()).isEqualTo("1 of 1 sampled values look like email addresses");
    }

    @Test
    void ipAddressesInAColumnWhoseNameSaysNothing() {
        List<String> sample = List.of("192.168.0.1", "10.0.0.254", "8.8.8.8", "2001:db8::8a2e:370:7334", "::1",
                "fe80::1%eth0", "::ffff:192.0.2.128", "2001:0db8:0000:0000:0000:ff00:0042:8329", "203.0.113.0/24",
                "172.16.5.4");

        Finding finding = classify("src", "VARCHAR", 45, sample).orElseThrow();

        assertThat(finding.kind()).isEqualTo(Kind.IP_ADDRESS);
        assertThat(finding.category()).isEqualTo("online identifiers");
        assertThat(finding.reason()).isEqualTo("10 of 10 sampled values look like IP addresses");
        assertThat(finding.maskedExample()).isEqualTo("1***1");
        assertThat(classify("src", "OTHER", 2147483647, sample).orElseThrow().kind()).as("PostgreSQL inet")
                .isEqualTo(Kind.IP_ADDRESS);
    }

    @Test
    void formattedPhoneNumbersInAColumnWhoseNameSaysNothing() {
        List<String> sample = List.of("+49 30 1234567", "(555) 123-4567", "+44 20 7946 0001", "030/1234567",
                "+4930123456", "555.123.4567");

        Finding finding = classify("reference", "VARCHAR", 30, sample).orElseThrow();

        assertThat(finding.kind()).isEqualTo(Kind.PHONE);
        assertThat(finding.reason()).isEqualTo("6 of 6 sampled values look like phone numbers");
        assertThat(finding.maskedExample()).isEqualTo("+***7");
    }

    @Test
    void socialSecurityNumbersInAColumnWhoseNameSaysNothing() {
        Finding finding = classify("ref", "CHAR", 11, List.of("123-45-6789", "078-05-1120", "219-09-9999"))
                .orElseThrow();

        assertThat(finding.kind()).isEqualTo(Kind.GOVERNMENT_ID);
        assertThat(finding.category()).isEqualTo("government identifiers");
        assertThat(finding.reason()).isEqualTo("3 of 3 sampled values look like US social security numbers");
    }

    @Test
    void valuesThatLookLikeNothingPersonalAreNotProposed() {
        assertThat(classify("created", "VARCHAR", 30, values(20, i -> "2024-01-" + (10 + i)))).as("dates")
                .isEmpty();
        assertThat(classify("created", "VARCHAR", 30, values(20, i -> "2024-01-" + (10 + i) + " 10:00:00")))
                .as("timestamps").isEmpty();
        assertThat(classify("updated_at", "TIMESTAMP", 26, values(20, i -> "2024-01-" + (10 + i) + " 10:00:00.0")))
                .isEmpty();
        assertThat(classify("amount", "VARCHAR", 20, values(20, i -> "1234567." + (10 + i)))).as("decimals")
                .isEmpty();
        assertThat(classify("amount", "DECIMAL", 20, values(20, i -> "1234567" + (10 + i)))).isEmpty();
        assertThat(classify("iban", "VARCHAR", 34, List.of("DE89370400440532013000", "GB29NWBK60161331926819")))
                .as("IBANs are bank details, left to staff").isEmpty();
        assertThat(classify("status", "VARCHAR", 20, List.of("open", "closed", "open"))).isEmpty();
        assertThat(classify("version", "VARCHAR", 20, List.of("1.2.3", "10.0.1"))).isEmpty();
        assertThat(classify("time", "VARCHAR", 20, List.of("12:30", "08:15:00"))).isEmpty();
    }

    @Test
    void valuesOfAnUnmistakableShapeNeedATextColumn() {
        assertThat(classify("ref", "BIGINT", 19, List.of("123-45-6789"))).isEmpty();
    }

    @Test
    void valuesLongerThanAnyAddressAreNotTested() {
        List<String> sample = values(20, i -> "a".repeat(400) + i + "@example.com");

        assertThat(classify("contact", "VARCHAR", 1000, sample)).isEmpty();
    }

    @Test
    void hostileValuesAndNamesTakeNoTime() {
        List<String> sample = List.of("a".repeat(100_000) + "@", "1".repeat(100_000), ":".repeat(100_000),
                "a@" + "b.".repeat(50_000), "+" + "1 ".repeat(50_000));
        String name = "email_".repeat(10_000) + "x";

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertThat(PersonalColumns.classify(name, Types.CLOB, 0, "e-mail ".repeat(10_000), sample)).isEmpty();
            sample.forEach(PersonalColumns::mask);
        });
    }

    // ---- name and values together -----------------------------------------------------------------------------

    @Test
    void valuesThatConfirmTheNameAreSaidToo() {
        Finding finding = classify("email", "VARCHAR", 255,
                concat(List.of("jane.doe@example.com"), values(19, i -> "user" + i + "@example.com"))).orElseThrow();

        assertThat(finding.kind()).isEqualTo(Kind.EMAIL);
        assertThat(finding.reason())
                .isEqualTo("its name says email address and 20 of 20 sampled values look like email addresses");
        assertThat(finding.maskedExample()).isEqualTo("j***@e***.com");
    }

    @Test
    void aNameWithHalfItsValuesFittingStands() {
        List<String> sample = concat(List.of("n/a", "-"), concat(values(10, i -> "user" + i + "@example.com"),
                values(8, i -> "unknown" + i)));

        Finding finding = classify("email", "VARCHAR", 255, sample).orElseThrow();

        assertThat(finding.kind()).isEqualTo(Kind.EMAIL);
        assertThat(finding.reason()).isEqualTo("its name says email address and 10 of 20 sampled values fit");
        assertThat(finding.maskedExample()).as("the first value that fit").isEqualTo("u***@e***.com");
    }

    @Test
    void aNameWhoseValuesFitIsConfirmedForKindsWithoutAStrictShape() {
        Finding name = classify("first_name", "VARCHAR", 100, List.of("Jane", "Ernesto", "Li")).orElseThrow();
        assertThat(name.kind()).isEqualTo(Kind.NAME);
        assertThat(name.reason()).isEqualTo("its name says name and 3 of 3 sampled values fit");
        assertThat(name.maskedExample()).isEqualTo("J***");

        Finding birth = classify("dob", "DATE", 10, List.of("1990-04-01", "1985-12-24")).orElseThrow();
        assertThat(birth.kind()).isEqualTo(Kind.BIRTH_DATE);
        assertThat(birth.maskedExample()).isEqualTo("1***1");

        assertThat(classify("born", "TIMESTAMP", 26, List.of("1990-04-01 00:00:00.0")).orElseThrow().kind())
                .isEqualTo(Kind.BIRTH_DATE);
        assertThat(classify("street", "VARCHAR", 255, List.of("Main Street 1")).orElseThrow().kind())
                .isEqualTo(Kind.POSTAL_ADDRESS);
        assertThat(classify("passport_no", "VARCHAR", 20, List.of("C01X00T47")).orElseThrow().kind())
                .isEqualTo(Kind.GOVERNMENT_ID);
        assertThat(classify("notes", "CLOB", 0, List.of("Called about the refund.")).orElseThrow().maskedExample())
                .isEqualTo("C***.");
    }

    @ParameterizedTest(name = "{0} holding {1} is not proposed")
    @MethodSource
    void valuesThatContradictTheNameWin(String name, List<String> sample) {
        assertThat(classify(name, "VARCHAR", 255, sample)).isEmpty();
    }

    static Stream<Arguments> valuesThatContradictTheNameWin() {
        return Stream.of(
                Arguments.of("email", values(20, i -> String.valueOf(1000 + i))),
                Arguments.of("customerEmail", List.of("true", "false", "true")),
                Arguments.of("phone", List.of("yes", "no", "yes")),
                Arguments.of("mobile", List.of("Y", "N")),
                Arguments.of("ip_address", List.of("unknown", "n/a")),
                Arguments.of("name", values(20, i -> String.valueOf(i))),
                Arguments.of("birth_date", List.of("n/a", "unknown")),
                Arguments.of("ssn", List.of("none", "n/a")));
    }

    @Test
    void unmistakableValuesOverruleTheName() {
        Finding finding = classify("phone", "VARCHAR", 255, values(20, i -> "user" + i + "@example.com"))
                .orElseThrow();

        assertThat(finding.kind()).isEqualTo(Kind.EMAIL);
        assertThat(finding.reason())
                .isEqualTo("20 of 20 sampled values look like email addresses; its name says phone number");
    }

    // ---- comments ---------------------------------------------------------------------------------------------

    @Test
    void aNullOrBlankCommentIsNoHint() {
        assertThat(PersonalColumns.classify("contact", Types.VARCHAR, 255, null, NO_SAMPLE)).isEmpty();
        assertThat(PersonalColumns.classify("contact", Types.VARCHAR, 255, "  ", NO_SAMPLE)).isEmpty();
        assertThat(PersonalColumns.classify("email", Types.VARCHAR, 255, null, NO_SAMPLE).orElseThrow().kind())
                .isEqualTo(Kind.EMAIL);
    }

    @ParameterizedTest(name = "comment \"{0}\" gives {1}")
    @CsvSource({
        "Customer e-mail address, EMAIL",
        "EMAIL of the account owner, EMAIL",
        "Phone for delivery questions, PHONE",
        "Date of birth as entered, BIRTH_DATE",
        "IP address of the last login, IP_ADDRESS",
        "Passport or national ID, GOVERNMENT_ID",
        "Surname, NAME",
        "Street and house number, POSTAL_ADDRESS",
        "PII, FREE_TEXT",
        "Personal data - handle with care, FREE_TEXT",
    })
    void aCommentCanSayWhatTheNameDoesNot(String comment, Kind kind) {
        Finding finding = PersonalColumns.classify("c1", Types.VARCHAR, 100, comment, NO_SAMPLE).orElseThrow();

        assertThat(finding.kind()).isEqualTo(kind);
        assertThat(finding.reason()).startsWith("its comment ").doesNotContain(comment);
    }

    @Test
    void aCommentAboutAFlagOrOnTheWrongTypeIsNoHint() {
        assertThat(PersonalColumns.classify("c1", Types.VARCHAR, 1, "Whether the customer opted in to email",
                NO_SAMPLE)).isEmpty();
        assertThat(PersonalColumns.classify("c1", Types.BOOLEAN, 1, "email verified", NO_SAMPLE)).isEmpty();
        assertThat(PersonalColumns.classify("c1", Types.INTEGER, 10, "PII", NO_SAMPLE)).isEmpty();
        assertThat(PersonalColumns.classify("c1", Types.INTEGER, 10, "phone", NO_SAMPLE)).isEmpty();
        assertThat(PersonalColumns.classify("c1", Types.VARCHAR, 100, "Order status", NO_SAMPLE)).isEmpty();
    }

    @Test
    void theNameComesBeforeTheComment() {
        Finding finding = PersonalColumns.classify("phone", Types.VARCHAR, 30, "email", NO_SAMPLE).orElseThrow();

        assertThat(finding.kind()).isEqualTo(Kind.PHONE);
    }

    // ---- empty sample -----------------------------------------------------------------------------------------

    @Test
    void anEmptyOrMissingSampleLeavesTheNameToDecide() {
        assertThat(classify("email", "VARCHAR", 255, NO_SAMPLE).orElseThrow().maskedExample()).isNull();
        assertThat(classify("email", "VARCHAR", 255, null).orElseThrow().maskedExample()).isNull();
        assertThat(classify("email", "VARCHAR", 255, List.of(" ", "")).orElseThrow().maskedExample()).isNull();
        assertThat(classify("contact", "VARCHAR", 255, NO_SAMPLE)).isEmpty();
        assertThat(classify("contact", "VARCHAR", 255, Collections.emptyList())).isEmpty();
    }

    // ---- nothing given away -----------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource
    void theReasonNeverContainsASampledValueAndTheExampleIsMasked(String name, List<String> sample) {
        Finding finding = classify(name, "VARCHAR", 4000, sample).orElseThrow();

        for (String value : sample) {
            assertThat(finding.reason()).doesNotContain(value);
            assertThat(finding.maskedExample()).isNotEqualTo(value).doesNotContain(value);
        }
        assertThat(finding.maskedExample()).isNotNull().contains("***");
    }

    static Stream<Arguments> theReasonNeverContainsASampledValueAndTheExampleIsMasked() {
        return Stream.of(
                Arguments.of("contact", List.of("jane.doe@example.com", "john@example.org")),
                Arguments.of("email", List.of("jane.doe@example.com", "not an address")),
                Arguments.of("reference", List.of("+49 30 1234567", "(555) 123-4567")),
                Arguments.of("phone", List.of("4930123456", "4930123457")),
                Arguments.of("src", List.of("192.168.0.1", "2001:db8::1")),
                Arguments.of("ref", List.of("123-45-6789")),
                Arguments.of("first_name", List.of("Jane", "Ernesto")),
                Arguments.of("address", List.of("Main Street 1, Springfield")),
                Arguments.of("birthday", List.of("1990-04-01")),
                Arguments.of("passport", List.of("C01X00T47")),
                Arguments.of("notes", List.of("Customer called about the refund of order 1234")));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "jane.doe@example.com, j***@e***.com",
        "a@b.co.uk, a***@b***.uk",
        "'  jane@example.com  ', j***@e***.com",
        "+4930123456, +***6",
        "123456789, 1***9",
        "12345678, 1***",
        "Jane, J***",
        "abc, a***",
        "ab, ***",
        "a, ***",
        "'', ***",
        "a***, ***",
        "not@an address, n***s",
        "user@localhost, u***t",
    })
    void maskKeepsAtMostTwoCharactersAndTheTopLevelDomain(String value, String masked) {
        assertThat(PersonalColumns.mask(value)).isEqualTo(masked);
    }

    @Test
    void maskOfNullIsNull() {
        assertThat(PersonalColumns.mask(null)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jane.doe@example.com", "x@y.io", "firstname.lastname@sub.domain.example.de",
        "+49 30 1234567", "(555) 123-4567", "4930123456", "123-45-6789", "192.168.0.1", "2001:db8::8a2e:370:7334",
        "Jane", "Jo", "J", "Ernesto Guevara", "Main Street 1", "1990-04-01", "DE89370400440532013000", "***",
        "a***", "****", "Zoë", "😀😀😀😀😀😀😀😀😀😀", "Customer called about the refund of order 1234"})
    void theMaskedExampleNeverGivesTheValueAway(String value) {
        String masked = PersonalColumns.mask(value);

        assertThat(masked).isNotEqualTo(value).contains("***");
        String shown = masked.replace("***", "");
        if (value.matches("[^@\\s]+@[^@\\s]+\\.\\p{L}+")) {
            String topLevelDomain = value.substring(value.lastIndexOf('.'));
            assertThat(shown).endsWith(topLevelDomain);
            shown = shown.substring(0, shown.length() - topLevelDomain.length()).replace("@", "");
        }
        assertThat(shown.codePointCount(0, shown.length())).as(masked).isLessThanOrEqualTo(2);
        shown.codePoints().forEach(c -> assertThat(value.codePoints().anyMatch(v -> v == c)).isTrue());
    }
}
