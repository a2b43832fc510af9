package org.rightsflow.connector.sql;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which columns of a connected database probably hold personal data, for schema discovery: discovery reads the
 * columns' metadata and a small sample of their values and proposes a dataset mapping, which staff then check and
 * correct. This class only proposes; a wrong guess costs a click, a missed column is what staff review is for.
 *
 * <p>The sampled values are personal data themselves, so they never leave this class except as a masked example
 * ({@link #mask}): not stored, not logged (there is no logging here at all), not put into the reason. The reason
 * names counts, labels and sizes only.
 *
 * <p>How a column is classified, in order:
 * <ol>
 * <li>A hint from the column name, else from the column comment, but only when the column's JDBC type can hold
 *     that kind (an {@code email_verified} BOOLEAN is a flag, not an address).</li>
 * <li>If at least 80% of the non-blank sampled values have an unmistakable shape (email address, IP address, US
 *     social security number, formatted phone number), the values decide, whatever the name says.</li>
 * <li>Otherwise the hint stands, unless the values contradict it: fewer than half of them fit the kind (a column
 *     named {@code email} holding integers is proposed as nothing).</li>
 * </ol>
 *
 * <p>Name rules. Names are split into lower-case words on {@code _}, {@code -}, spaces, camelCase and digits
 * ({@code customerEmail}, {@code EMAIL_ADDR}, {@code e_mail}, {@code addressLine1}). A kind word must be the
 * <em>last</em> word (the head of an English compound), optionally followed by a qualifier such as {@code work},
 * {@code home}, {@code primary} or a number; so {@code contact_mail} and {@code home_phone} are personal, while
 * {@code email_verified}, {@code email_opt_in}, {@code phone_type} or {@code address_id} describe a value rather
 * than hold one. The word {@code name} counts alone or after a word that means a person ({@code first},
 * {@code last}, {@code display}, {@code contact}, {@code holder}, {@code customer}, ...); after anything else
 * ({@code product}, {@code file}, {@code table}, {@code company}, {@code brand}, {@code category}, {@code host})
 * it names a thing, and company names identify legal persons, which the GDPR does not protect. {@code username}
 * is an account handle, not a name, and is left to staff. Free text ({@code notes}, {@code comment},
 * {@code message}, {@code description}, ...) counts only when the column can hold long text (more than 255
 * characters, a LOB, or no known limit): short text columns are labels and codes.
 *
 * <p>Left out on purpose: IBANs and card numbers (bank details, not government identifiers; staff map them by hand),
 * VAT ids (they identify businesses), countries alone (they identify nobody).
 */
final class PersonalColumns {

    /** What kind of personal data a column holds, with the registry category (English) it belongs to. */
    enum Kind {
        EMAIL("email address", "contact details"),
        NAME("name", "identity details"),
        PHONE("phone number", "contact details"),
        POSTAL_ADDRESS("postal address", "postal addresses"),
        BIRTH_DATE("birth date", "identity details"),
        GOVERNMENT_ID("government identifier", "government identifiers"),
        IP_ADDRESS("IP address", "online identifiers"),
        FREE_TEXT("free text", "messages and notes");

        private final String label;
        private final String category;

        Kind(String label, String category) {
            this.label = label;
            this.category = category;
        }

        /** A short English label for staff: "email address". */
        String label() {
            return label;
        }

        /** The registry category text (English) the kind belongs to: "contact details". */
        String category() {
            return category;
        }
    }

    /**
     * A proposal for one column.
     *
     * @param kind          what the column probably holds
     * @param category      the registry category, {@code kind.category()}
     * @param reason        why, in a short English phrase for staff; never contains a sampled value
     * @param maskedExample {@link #mask} of the first sampled value that fit, or null when there was no sample
     */
    record Finding(Kind kind, String category, String reason, String maskedExample) {
    }

    /** Share of non-blank sampled values that must have a kind's shape for the values alone to decide: 80%. */
    private static final int DECIDING_PERCENT = 80;
    /** Below this share of fitting values a name hint counts as contradicted: 50%. */
    private static final int CONFIRMING_PERCENT = 50;
    /** Longer values are not tested at all: no email address, phone number or IP address is longer. */
    private static final int MAX_TESTED_LENGTH = 320;
    /** More values than discovery means to send are ignored, so that the work stays small whatever a caller does. */
    private static final int MAX_SAMPLE = 100;
    /** Comments are searched in their first characters only; the hint words come early. */
    private static final int MAX_COMMENT_LENGTH = 500;
    /** Text columns up to this size hold labels and codes, not free text. */
    private static final int SHORT_TEXT = 255;
    /** Sizes from here on are what drivers report for "no limit" (PostgreSQL text: 2147483647). */
    private static final int NO_PRACTICAL_LIMIT = 1_000_000;

    private static final String HIDDEN = "***";

    // ---- name rules -------------------------------------------------------------------------------------------

    /** Words after the kind word that leave the kind as it is: {@code phone_work}, {@code email_primary}. */
    private static final String QUALIFIERS = "primary|secondary|alt|alternate|alternative|other|work|home|private"
            + "|personal|business|office|main|billing|shipping|delivery|mobile|current|new|old|previous";
    private static final String NUMBER = "(?:_?(?:number|num|no|nr))?";
    /** Words before {@code name} that make it a person's name. */
    private static final String PERSON = "first|last|given|family|full|middle|maiden|birth|legal|preferred|display"
            + "|contact|holder|cardholder|customer|client|person|patient|employee|member|owner|recipient|sender"
            + "|billing|shipping|delivery|guest|passenger|sur|fore|nick";

    private record NameRule(Kind kind, Pattern pattern) {
    }

    /**
     * Matched against the split name, words joined by {@code _}. Ordered: the first rule whose pattern matches
     * decides, so {@code ip_address} and {@code email_address} never reach the postal rule.
     */
    private static final List<NameRule> NAME_RULES = List.of(
            new NameRule(Kind.EMAIL, headWord("e_?mail(?:_?addr(?:ess)?|_?adr)?|mail(?:_?addr(?:ess)?)?")),
            new NameRule(Kind.IP_ADDRESS, headWord("ip(?:v_\\d)?(?:_?addr(?:ess)?)?|remote_?addr(?:ess)?")),
            new NameRule(Kind.PHONE, headWord("(?:(?:tele)?phone|tel|mobile(?:_?phone)?|cell_?phone|fax)" + NUMBER
                    + "|cell_?(?:number|num|no|nr)|msisdn")),
            new NameRule(Kind.BIRTH_DATE, headWord("birth_?date|date_?of_?birth|dob|birth_?day|birth"
                    + "|born(?:_?(?:on|at|date))?")),
            new NameRule(Kind.GOVERNMENT_ID, headWord("ssn|social_?security" + NUMBER
                    + "|national_?id" + NUMBER + "|national_?insurance" + NUMBER + "|nino"
                    + "|passport(?:_?(?:number|num|no|nr|id))?|tax_?id" + NUMBER + "|tax_?number|tin"
                    + "|driving_?licen[cs]e" + NUMBER + "|drivers?_?licen[cs]e" + NUMBER
                    + "|(?:id|identity)_?card" + NUMBER)),
            new NameRule(Kind.NAME, Pattern.compile("^name(?:_\\d+)?$|(?:^|_)(?:" + PERSON + ")_?name(?:_\\d+)?$"
                    + "|^name_(?:first|last|given|family|full|middle)$")),
            new NameRule(Kind.POSTAL_ADDRESS, headWord("address|addr|street(?:_?(?:name|address|addr))?"
                    + "|(?:address|addr|street)_?line|city(?:_?name)?|town|post_?code|postal_?code|zip(?:_?code)?"
                    + "|house_?(?:number|num|no|nr)")),
            new NameRule(Kind.POSTAL_ADDRESS, Pattern.compile("^line_[1-4]$")),
            new NameRule(Kind.FREE_TEXT, headWord("notes?|comments?|messages?|msg|body|text|remarks?|bio|biography"
                    + "|description|memo|feedback|free_?text|annotations?")));

    /** Addresses that are not postal: {@code mac_address}, {@code server_addr}. Checked before the postal rule. */
    private static final Pattern NOT_POSTAL = Pattern.compile("(?:^|_)(?:mac|ip|ipv_\\d|email|e_mail|mail|remote"
            + "|local|server|host|hostname|web|url|wallet|bitcoin|btc|eth|memory|mem|base|bind|listen|broadcast"
            + "|network|net|gateway|proxy|reply|callback|webhook|contract|device|bluetooth|hardware)_(?:address|addr)"
            + "(?:_|$)");

    /** Word boundaries inside a name part: camelCase, the end of an acronym ({@code IPAddress}), letters/digits. */
    private static final Pattern WORD_BOUNDARY = Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu})|(?<=\\p{Lu})(?=\\p{Lu}\\p{Ll})"
            + "|(?<=\\p{L})(?=\\p{N})|(?<=\\p{N})(?=\\p{L})");
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    // ---- comment rules ----------------------------------------------------------------------------------------

    private record CommentRule(Kind kind, Pattern pattern) {
    }

    /** A comment that describes a flag about the data ("whether the customer opted in to email") gives no hint. */
    private static final Pattern FLAG_COMMENT = comment("flag|whether|opt[- ]?in|opt[- ]?out|consent|verified"
            + "|confirmed|boolean|true if|indicates if");
    private static final List<CommentRule> COMMENT_RULES = List.of(
            new CommentRule(Kind.EMAIL, comment("e-?mail")),
            new CommentRule(Kind.IP_ADDRESS, comment("ip(?:v[46])?")),
            new CommentRule(Kind.PHONE, comment("phone|telephone|mobile number|fax")),
            new CommentRule(Kind.BIRTH_DATE, comment("date of birth|birth ?date|birthday|dob")),
            new CommentRule(Kind.GOVERNMENT_ID, comment("social security|ssn|passport|national id|national insurance"
                    + "|tax id|driving licen[cs]e|driver'?s licen[cs]e|id card")),
            new CommentRule(Kind.NAME, comment("first name|last name|surname|given name|family name|full name"
                    + "|forename")),
            new CommentRule(Kind.POSTAL_ADDRESS, comment("postal address|street|postcode|post code|postal code"
                    + "|zip code|zip|city|home address|billing address|shipping address|delivery address"
                    + "|mailing address")));
    /** "Personal data", "PII": personal, but of no kind we can tell; proposed as free text for staff to refine. */
    private static final Pattern PERSONAL_COMMENT = comment("personal|pii|gdpr");

    // ---- value shapes -----------------------------------------------------------------------------------------

    /** local@labels.tld; no part can match what the next part needs, so the pattern never backtracks far. */
    private static final Pattern EMAIL_VALUE =
            Pattern.compile("[^\\s@]{1,64}@(?:[^\\s@.]{1,63}\\.){1,8}(\\p{L}{2,63})");
    private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4_VALUE = Pattern.compile("(?:" + OCTET + "\\.){3}" + OCTET + "(?:/\\d{1,2})?");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9a-fA-F]{1,4}");
    /** US social security number, dashed; the number ranges never issued are left out. */
    private static final Pattern SSN_VALUE = Pattern.compile("(?!000|666|9\\d\\d)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4}");
    /** Only phone characters, starting with +, ( or a digit and ending with a digit. */
    private static final Pattern PHONE_VALUE = Pattern.compile("\\+?\\(?\\d[\\d ()./-]{4,28}\\d");
    private static final Pattern DATE_VALUE = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}"
            + "(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?(?:Z|[+-]\\d{2}(?::?\\d{2})?)?)?"
            + "|\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}|\\d{4}[./]\\d{1,2}[./]\\d{1,2}");
    private static final Pattern DECIMAL_VALUE = Pattern.compile("-?\\d+[.,]\\d+");

    private PersonalColumns() {
    }

    /**
     * Empty when the column does not look personal.
     *
     * @param columnName the column's name as the database reports it
     * @param jdbcType   {@link java.sql.Types} constant of the column
     * @param size       the column size the driver reports (characters for text; 0 or less when unknown)
     * @param comment    the column's comment, or null
     * @param sample     up to ~20 non-null values read from the column as text (may be empty)
     */
    static Optional<Finding> classify(String columnName, int jdbcType, int size, String comment, List<String> sample) {
        List<String> values = usable(sample);
        Hint hint = fromName(columnName, jdbcType, size);
        if (hint == null) {
            hint = fromComment(comment, jdbcType, size);
        }
        Optional<Finding> byValues = fromValues(values, jdbcType, hint);
        if (byValues.isPresent()) {
            return byValues;
        }
        if (hint == null) {
            return Optional.empty();
        }
        if (values.isEmpty()) {
            return Optional.of(finding(hint.kind(), hint.reason(), null));
        }
        Predicate<String> fits = plausible(hint.kind());
        List<String> fitting = values.stream().filter(fits).toList();
        if (!atLeast(CONFIRMING_PERCENT, fitting.size(), values.size())) {
            // The values say the name is wrong (an "email" of integers): better no proposal than a wrong one.
            return Optional.empty();
        }
        String reason = hint.reason() + " and " + fitting.size() + " of " + values.size() + " sampled values fit";
        return Optional.of(finding(hint.kind(), reason, mask(fitting.get(0))));
    }

    /**
     * A masked example of one value, safe to show to staff: never the value itself. Email addresses keep the first
     * character of the local part and of the domain, and the top-level domain ({@code j***@e***.com}); other values
     * keep their first character, and their last when longer than 8 characters ({@code +***6}); values of 2
     * characters or fewer become {@code ***}. Null stays null.
     */
    static String mask(String value) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        String masked;
        Matcher email = EMAIL_VALUE.matcher(text);
        if (text.length() <= MAX_TESTED_LENGTH && email.matches()) {
            String domain = text.substring(text.lastIndexOf('@') + 1);
            masked = first(text) + HIDDEN + "@" + first(domain) + HIDDEN + "." + email.group(1);
        } else {
            int length = text.codePointCount(0, text.length());
            if (length <= 2) {
                masked = HIDDEN;
            } else if (length <= 8) {
                masked = first(text) + HIDDEN;
            } else {
                masked = first(text) + HIDDEN + last(text);
            }
        }
        // A value such as "a***" would come out as itself.
        return masked.equals(value) ? HIDDEN : masked;
    }

    // ---- hints ------------------------------------------------------------------------------------------------

    /** A kind suggested by the column's metadata, and why, in words for staff. */
    private record Hint(Kind kind, String reason) {
    }

    private static Hint fromName(String columnName, int jdbcType, int size) {
        String words = words(columnName);
        for (NameRule rule : NAME_RULES) {
            if (!rule.pattern().matcher(words).find()) {
                continue;
            }
            if (rule.kind() == Kind.POSTAL_ADDRESS && NOT_POSTAL.matcher(words).find()) {
                return null;
            }
            // The first matching rule decides, also when the type rules it out: an ip_address BIGINT is not postal.
            if (!holds(rule.kind(), jdbcType, size)) {
                return null;
            }
            if (rule.kind() == Kind.FREE_TEXT) {
                return new Hint(Kind.FREE_TEXT, "its name suggests free text and it can hold long text ("
                        + describeSize(jdbcType, size) + ")");
            }
            return new Hint(rule.kind(), "its name says " + rule.kind().label());
        }
        return null;
    }

    private static Hint fromComment(String comment, int jdbcType, int size) {
        if (comment == null || comment.isBlank()) {
            return null;
        }
        String text = comment.length() > MAX_COMMENT_LENGTH ? comment.substring(0, MAX_COMMENT_LENGTH) : comment;
        if (FLAG_COMMENT.matcher(text).find()) {
            return null;
        }
        for (CommentRule rule : COMMENT_RULES) {
            if (rule.pattern().matcher(text).find()) {
                return holds(rule.kind(), jdbcType, size)
                        ? new Hint(rule.kind(), "its comment says " + rule.kind().label())
                        : null;
            }
        }
        // Any text column, short or long: the comment says outright that it is personal.
        if (PERSONAL_COMMENT.matcher(text).find() && isText(jdbcType)) {
            return new Hint(Kind.FREE_TEXT, "its comment marks it as personal data");
        }
        return null;
    }

    /**
     * The kinds whose values have a shape that ordinary non-personal values do not, tried in this order (a US
     * social security number is also shaped like a phone number, so it comes first).
     */
    private static Optional<Finding> fromValues(List<String> values, int jdbcType, Hint hint) {
        // Only text columns: a number or a date column cannot hold the formatting these shapes need.
        if (values.isEmpty() || !isText(jdbcType)) {
            return Optional.empty();
        }
        for (Kind kind : List.of(Kind.EMAIL, Kind.IP_ADDRESS, Kind.GOVERNMENT_ID, Kind.PHONE)) {
            Predicate<String> shaped = unmistakable(kind);
            List<String> matching = values.stream().filter(shaped).toList();
            if (!atLeast(DECIDING_PERCENT, matching.size(), values.size())) {
                continue;
            }
            String byValues = matching.size() + " of " + values.size() + " sampled values look like " + plural(kind);
            String reason;
            if (hint == null) {
                reason = byValues;
            } else if (hint.kind() == kind) {
                reason = hint.reason() + " and " + byValues;
            } else {
                reason = byValues + "; " + hint.reason();
            }
            return Optional.of(finding(kind, reason, mask(matching.get(0))));
        }
        return Optional.empty();
    }

    // ---- types ------------------------------------------------------------------------------------------------

    /** Whether a column of this type (and size) can hold the kind at all. */
    private static boolean holds(Kind kind, int jdbcType, int size) {
        return switch (kind) {
            case BIRTH_DATE -> jdbcType == Types.DATE || jdbcType == Types.TIMESTAMP
                    || jdbcType == Types.TIMESTAMP_WITH_TIMEZONE || isText(jdbcType);
            // A phone number stored as a number: only through a phone name, since values alone decide only in
            // text columns.
            case PHONE -> isText(jdbcType) || jdbcType == Types.BIGINT || jdbcType == Types.NUMERIC
                    || jdbcType == Types.DECIMAL;
            case FREE_TEXT -> isText(jdbcType) && isLongText(jdbcType, size);
            default -> isText(jdbcType);
        };
    }

    /** Text types; OTHER too, which is how PostgreSQL reports inet and citext. */
    private static boolean isText(int jdbcType) {
        return switch (jdbcType) {
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                    Types.CLOB, Types.NCLOB, Types.OTHER -> true;
            default -> false;
        };
    }

    private static boolean isLongText(int jdbcType, int size) {
        return isLob(jdbcType) || size <= 0 || size > SHORT_TEXT;
    }

    private static boolean isLob(int jdbcType) {
        return jdbcType == Types.LONGVARCHAR || jdbcType == Types.LONGNVARCHAR || jdbcType == Types.CLOB
                || jdbcType == Types.NCLOB;
    }

    private static String describeSize(int jdbcType, int size) {
        if (isLob(jdbcType) || size <= 0 || size >= NO_PRACTICAL_LIMIT) {
            return "no practical length limit";
        }
        return "up to " + size + " characters";
    }

    // ---- values -----------------------------------------------------------------------------------------------

    /** Shapes that decide a kind by the values alone. */
    private static Predicate<String> unmistakable(Kind kind) {
        return switch (kind) {
            case EMAIL -> PersonalColumns::isEmail;
            case IP_ADDRESS -> PersonalColumns::isIpAddress;
            case GOVERNMENT_ID -> value -> SSN_VALUE.matcher(value).matches();
            case PHONE -> value -> isPhone(value, true);
            default -> value -> false;
        };
    }

    /** Looser shapes that only confirm a name: a value that fails them contradicts the name. */
    private static Predicate<String> plausible(Kind kind) {
        return switch (kind) {
            case EMAIL -> PersonalColumns::isEmail;
            case IP_ADDRESS -> PersonalColumns::isIpAddress;
            case PHONE -> value -> isPhone(value, false);
            case BIRTH_DATE -> value -> DATE_VALUE.matcher(value).matches();
            case GOVERNMENT_ID -> value -> value.chars().anyMatch(Character::isDigit);
            case NAME, FREE_TEXT -> value -> value.chars().anyMatch(Character::isLetter);
            case POSTAL_ADDRESS -> value -> value.chars().anyMatch(Character::isLetterOrDigit);
        };
    }

    private static boolean isEmail(String value) {
        return value.length() <= MAX_TESTED_LENGTH && EMAIL_VALUE.matcher(value).matches();
    }

    private static boolean isIpAddress(String value) {
        return value.length() <= MAX_TESTED_LENGTH && (IPV4_VALUE.matcher(value).matches() || isIpv6(value));
    }

    /**
     * 7 to 15 digits (E.164 allows 15) in phone characters, and not a date, an IPv4 address or a decimal number.
     * With {@code formatted}, also a leading +, or a space, dash, parenthesis, dot or slash: bare digit strings
     * are order numbers as often as phone numbers, so alone they only confirm a phone name.
     */
    private static boolean isPhone(String value, boolean formatted) {
        if (value.length() > MAX_TESTED_LENGTH || !PHONE_VALUE.matcher(value).matches()) {
            return false;
        }
        long digits = value.chars().filter(Character::isDigit).count();
        if (digits < 7 || digits > 15) {
            return false;
        }
        if (DATE_VALUE.matcher(value).matches() || IPV4_VALUE.matcher(value).matches()
                || DECIMAL_VALUE.matcher(value).matches()) {
            return false;
        }
        return !formatted || value.startsWith("+") || value.chars().anyMatch(c -> " ()./-".indexOf(c) >= 0);
    }

    /**
     * IPv6 in text form: eight groups of 1 to 4 hex digits, or fewer around one {@code ::}; the last two groups may be
     * written as IPv4; an optional zone ({@code %eth0}) and prefix length ({@code /64}). Checked by hand because the
     * regular expression for it is long and hard to review.
     */
    private static boolean isIpv6(String value) {
        String text = value;
        int slash = text.indexOf('/');
        if (slash >= 0) {
            String prefix = text.substring(slash + 1);
            if (prefix.isEmpty() || prefix.length() > 3 || !prefix.chars().allMatch(Character::isDigit)) {
                return false;
            }
            text = text.substring(0, slash);
        }
        int zone = text.indexOf('%');
        if (zone >= 0) {
            text = text.substring(0, zone);
        }
        if (text.length() < 2 || text.length() > 45 || text.indexOf(':') < 0) {
            return false;
        }
        int lastColon = text.lastIndexOf(':');
        String tail = text.substring(lastColon + 1);
        if (tail.indexOf('.') >= 0) {
            if (!IPV4_VALUE.matcher(tail).matches() || tail.indexOf('/') >= 0) {
                return false;
            }
            text = text.substring(0, lastColon + 1) + "0:0"; // the IPv4 part counts as two groups
        }
        int gap = text.indexOf("::");
        if (gap < 0) {
            return groups(text) == 8;
        }
        if (text.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        int before = groups(text.substring(0, gap));
        int after = groups(text.substring(gap + 2));
        return before >= 0 && after >= 0 && before + after <= 7;
    }

    /** The number of hex groups separated by single colons, 0 for "", -1 when anything else is there. */
    private static int groups(String part) {
        if (part.isEmpty()) {
            return 0;
        }
        String[] groups = part.split(":", -1);
        for (String group : groups) {
            if (!HEX_GROUP.matcher(group).matches()) {
                return -1;
            }
        }
        return groups.length;
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** The column name in lower-case words joined by {@code _}: {@code customerEmail} → {@code customer_email}. */
    private static String words(String columnName) {
        List<String> words = new ArrayList<>();
        for (String part : NOT_A_WORD.split(columnName == null ? "" : columnName)) {
            for (String word : WORD_BOUNDARY.split(part)) {
                if (!word.isEmpty()) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        }
        return String.join("_", words);
    }

    /** The kind word(s) as the last word, then an optional qualifier and an optional number. */
    private static Pattern headWord(String kindWords) {
        return Pattern.compile("(?:^|_)(?:" + kindWords + ")(?:_(?:" + QUALIFIERS + "))?(?:_\\d+)?$");
    }

    private static Pattern comment(String words) {
        return Pattern.compile("\\b(?:" + words + ")\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The non-blank values, stripped, at most {@link #MAX_SAMPLE} of them. */
    private static List<String> usable(List<String> sample) {
        List<String> values = new ArrayList<>();
        if (sample == null) {
            return values;
        }
        for (String value : sample) {
            if (values.size() == MAX_SAMPLE) {
                break;
            }
            if (value != null && !value.isBlank()) {
                values.add(value.strip());
            }
        }
        return values;
    }

    private static boolean atLeast(int percent, int count, int total) {
        return total > 0 && count * 100 >= percent * total;
    }

    private static String plural(Kind kind) {
        return switch (kind) {
            case EMAIL -> "email addresses";
            case IP_ADDRESS -> "IP addresses";
            case GOVERNMENT_ID -> "US social security numbers";
            case PHONE -> "phone numbers";
            default -> kind.label() + " values";
        };
    }

    private static Finding finding(Kind kind, String reason, String maskedExample) {
        return new Finding(kind, kind.category(), reason, maskedExample);
    }

    private static String first(String text) {
        return text.substring(0, Character.charCount(text.codePointAt(0)));
    }

    private static String last(String text) {
        return text.substring(text.offsetByCodePoints(text.length(), -1));
    }
}
