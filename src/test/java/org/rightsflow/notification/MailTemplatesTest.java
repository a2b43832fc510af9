package org.rightsflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rightsflow.connector.DataInPlainWords;
import org.rightsflow.connector.SystemOutcome;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.deadline.StatutoryClock;
import org.rightsflow.deadline.StatutoryDeadline;
import org.rightsflow.request.Channel;
import org.rightsflow.request.AppealOutcome;
import org.rightsflow.request.AppealView;
import org.rightsflow.request.Extension;
import org.rightsflow.request.Refusal;
import org.rightsflow.request.RefusalGround;
import org.rightsflow.request.RequestDetails;
import org.rightsflow.request.RequestStatus;
import org.rightsflow.request.SubjectIdentity;
import org.rightsflow.support.DisplayDates;
import org.rightsflow.support.Languages;
import org.rightsflow.support.MessageBundles;
import org.springframework.context.MessageSource;

/**
 * Every mail template, rendered with the model its sender gives it (workflow/SubjectMail.java and StaffMail.java):
 * a subject line, no unresolved expression or missing message, the right link, and personal data only where it
 * belongs.
 */
class MailTemplatesTest {

    private static final String REFERENCE = "DSR-2027-000042";
    private static final String SUBJECT_EMAIL = "jo.bloggs@example.com";
    private static final String SUBJECT_NAME = "Jo Bloggs";
    private static final String ACCOUNT_ID = "CUST-778899";
    private static final String DETAILS = "My card ends in 4242 and I moved to 1 Secret Lane.";
    private static final String STATUS_URL = "https://privacy.shop.example/status/Zm9vYmFyYmF6cXV4cXV1eGZvb2JhcmJhenF1eHF1dXg";
    private static final String VERIFY_URL = "https://privacy.shop.example/verify/dmVyaWZ5LXRva2VuLWZvci10ZXN0cy0xMjM0NTY3ODk";
    private static final String REQUEST_URL = "https://privacy.shop.example/staff/requests/" + REFERENCE;
    private static final String INBOX_URL = "https://privacy.shop.example/staff";
    private static final Instant RECEIVED = Instant.parse("2027-01-31T10:00:00Z");
    private static final StatutoryClock CLOCK = StatutoryClock.shipped(ZoneOffset.UTC);
    private static final EnumSet<MailKind> STAFF_KINDS = EnumSet.of(MailKind.STAFF_REMINDER, MailKind.STAFF_ESCALATION,
            MailKind.STAFF_CALLBACK_LATE, MailKind.STAFF_PROCESSOR_OVERDUE, MailKind.STAFF_APPEAL_OVERDUE);
    private static final EnumSet<MailKind> PROCESSOR_KINDS = EnumSet.of(MailKind.PROCESSOR_REQUEST,
            MailKind.PROCESSOR_REMINDER);
    private static final String CONFIRM_URL = "https://privacy.shop.example/processors/confirm/c0nf1rm";
    /** The emails that are not about one request: an opt-out batch, an opt-out or a preference-center link. */
    private static final EnumSet<MailKind> NOT_ABOUT_A_REQUEST = EnumSet.of(MailKind.STAFF_BATCH_REMINDER,
            MailKind.STAFF_BATCH_OVERDUE, MailKind.OPT_OUT_CONFIRMATION, MailKind.PREFERENCES_LINK,
            MailKind.STAFF_DIGEST, MailKind.STAFF_SET_PASSWORD);
    private static final String SET_PASSWORD_URL = "https://privacy.shop.example/staff/set-password/c2V0LXBhc3N3b3Jk";
    private static final String PREFERENCES_URL = "https://privacy.shop.example/preferences/cHJlZmVyZW5jZXM";
    private static final String DOWNLOAD_CODE = "482913";
    /** What someone typed into the form as the name, hoping the company's mail would carry it (issue 10). */
    private static final String TYPED_NAME = "Victim\n\nURGENT: your account is locked, visit http://evil.example/reset now";

    private final MailTemplates templates = new MailTemplates(messages(), new DisplayDates(ZoneOffset.UTC));

    private static MessageSource messages() {
        return MessageBundles.create();
    }

    static RequestDetails request(Regime regime, RequestType type, boolean verificationRequired) {
        StatutoryDeadline deadline = CLOCK.deadline(regime, type, RECEIVED);
        return new RequestDetails(REFERENCE, type, regime, new SubjectIdentity(SUBJECT_EMAIL, SUBJECT_NAME, ACCOUNT_ID),
                DETAILS, Channel.WEB_FORM, RECEIVED, RECEIVED, deadline.due(), deadline.extendedDue(),
                deadline.acknowledgeBy(), deadline.statutoryRight(), verificationRequired, RequestStatus.IN_PROGRESS,
                null, null);
    }

    static RequestDetails gdprAccess() {
        return request(Regime.GDPR, RequestType.ACCESS, true);
    }

    /** As SubjectMail builds it: the kind's extras, plus request and statusUrl (no name: the mail greets nobody). */
    static Map<String, Object> subjectModel(MailKind kind, RequestDetails request) {
        Map<String, Object> model = new HashMap<>();
        switch (kind) {
            case VERIFICATION -> {
                model.put("verifyUrl", MailSecret.verificationLink(VERIFY_URL));
                model.put("validUntil", LocalDate.of(2027, 2, 7));
            }
            case DOWNLOAD_CODE -> {
                model.put("code", MailSecret.downloadCode(DOWNLOAD_CODE));
                model.put("minutes", 15L);
            }
            case APPEAL_RECEIVED, APPEAL_DECISION -> model.put("appeal", appeal(AppealOutcome.DENIED, null));
            case DUPLICATE_NOTICE -> {
                model.put("originalReference", "DSR-2027-000040");
                model.put("originalDue", LocalDate.of(2027, 2, 26));
            }
            case REFUSAL -> model.put("refusal", new Refusal(RefusalGround.LEGAL_EXCEPTION,
                    "The data is subject to legal privilege.", null, "dpo"));
            case EXTENSION_NOTICE -> model.put("extension", new Extension(request.due(), request.extendedDue(),
                    RECEIVED.plusSeconds(86_400 * 10), "dpo", "Your data sits in three archives we must restore first.",
                    request.regime() == Regime.PIPA_KR || request.regime() == Regime.PDPA_SG));
            case RESPONSE -> {
                model.put("preferencesUrl", PREFERENCES_URL.substring(0, PREFERENCES_URL.lastIndexOf('/')));
                model.put("answers", answers());
            }
            default -> {
            }
        }
        model.put("request", request);
        model.put("statusUrl", MailSecret.statusLink(STATUS_URL));
        return model;
    }

    /**
     * The systems' parts of an answer as connector.DataInPlainWords gives them: a deletion with each fate, a system
     * that held nothing, and a manual system's own words.
     */
    static List<DataInPlainWords.SystemAnswer> answers() {
        DataInPlainWords.Reason invoices = new DataInPlainWords.Reason("GDPR_ART_17_3_B", "10 years, for tax",
                List.of(), "");
        DataInPlainWords.Reason amounts = new DataInPlainWords.Reason("GDPR_ART_17_3_B", "invoices, 10 years",
                List.of("the amounts paid"), "the amounts paid");
        return List.of(
                new DataInPlainWords.SystemAnswer(1, "Web shop", SystemOutcome.DONE, null, List.of(
                        new DataInPlainWords.DataLine("your contact details", "your delivery addresses", 2,
                                DataInPlainWords.Fate.DELETED, List.of(), "", List.of()),
                        new DataInPlainWords.DataLine("your purchases", "your orders", 3,
                                DataInPlainWords.Fate.DETAILS_REMOVED, List.of("your name", "your email address"),
                                "your name and your email address", List.of(amounts)),
                        new DataInPlainWords.DataLine("your purchases", "your invoices", 4,
                                DataInPlainWords.Fate.KEPT, List.of(), "", List.of(invoices)),
                        new DataInPlainWords.DataLine(null, null, 1, DataInPlainWords.Fate.DELETED, List.of(), "",
                                List.of()))),
                new DataInPlainWords.SystemAnswer(2, "Newsletter", SystemOutcome.NO_DATA_FOUND, null, List.of()),
                new DataInPlainWords.SystemAnswer(3, "Accounting", SystemOutcome.NOT_DONE,
                        "Invoices are kept for 10 years under tax law.", List.of()));
    }

    /**
     * As StaffMail builds it, plus the whole request: a template must not print the subject's personal data even
     * where a sender hands it over.
     */
    static Map<String, Object> staffModel(MailKind kind, RequestDetails request) {
        Map<String, Object> model = new HashMap<>();
        switch (kind) {
            case STAFF_REMINDER -> {
                model.put("taskName", "Delete the data in Web shop");
                model.put("due", request.due());
                model.put("daysLeft", 2L);
                model.put("inboxUrl", INBOX_URL);
            }
            case STAFF_ESCALATION -> {
                model.put("daysOverdue", 3L);
                model.put("openTasks", 2);
            }
            case STAFF_APPEAL_OVERDUE -> {
                model.put("appealDue", LocalDate.of(2027, 5, 3));
                model.put("daysOverdue", 1L);
            }
            default -> {
                // As SystemFollowUp builds them for late systems and processors.
                model.put("systemName", "Billing service");
                model.put("typeLabel", "Access");
                model.put("action", "ACCESS");
                model.put("since", java.util.Date.from(RECEIVED));
            }
        }
        model.put("staffName", "Sam Owner");
        model.put("reference", request.reference());
        model.put("requestType", request.type().name());
        model.put("regime", request.regime().lawName());
        model.put("requestDue", request.due());
        model.put("requestUrl", REQUEST_URL);
        model.put("request", request);
        model.put("name", request.subject().name());
        return model;
    }

    /** As SystemFollowUp builds it for the email to a processor. */
    static Map<String, Object> processorModel(RequestDetails request) {
        Map<String, Object> model = new HashMap<>();
        model.put("request", request);
        model.put("processorName", "Agency privacy team");
        model.put("typeLabel", "Deletion");
        model.put("confirmUrl", MailSecret.processorConfirmationLink(CONFIRM_URL));
        model.put("systemName", "Mailing agency");
        return model;
    }

    static Map<String, Object> model(MailKind kind, RequestDetails request) {
        if (PROCESSOR_KINDS.contains(kind)) {
            return processorModel(request);
        }
        return STAFF_KINDS.contains(kind) ? staffModel(kind, request) : subjectModel(kind, request);
    }

    private static void assertFullyRendered(RenderedMail mail) {
        String whole = mail.subject() + "\n" + mail.body();
        assertThat(whole).doesNotContain("[(", "[#", "[/]", "${", "#{", "??", "null");
        assertThat(mail.body()).doesNotStartWith("Subject:").isNotBlank();
    }

    static EnumSet<MailKind> requestKinds() {
        return EnumSet.complementOf(NOT_ABOUT_A_REQUEST);
    }

    @ParameterizedTest
    @MethodSource("requestKinds")
    void everyTemplateRendersCompletelyWithASubjectLine(MailKind kind) {
        RenderedMail mail = templates.render(kind, model(kind, gdprAccess()), Locale.ENGLISH);

        assertFullyRendered(mail);
        assertThat(mail.subject()).contains(REFERENCE).doesNotContain("\n");
    }

    static Stream<Arguments> subjectMailsForEveryRequestType() {
        return subjectKinds().stream().flatMap(kind -> Stream.of(RequestType.values())
                .map(type -> Arguments.of(kind, type)));
    }

    static EnumSet<MailKind> subjectKinds() {
        EnumSet<MailKind> kinds = EnumSet.allOf(MailKind.class);
        kinds.removeAll(STAFF_KINDS);
        kinds.removeAll(PROCESSOR_KINDS);
        kinds.removeAll(NOT_ABOUT_A_REQUEST);
        return kinds;
    }

    @ParameterizedTest
    @EnumSource(value = MailKind.class, names = {"STAFF_BATCH_REMINDER", "STAFF_BATCH_OVERDUE"})
    void batchAlertsNameTheBatchItsDateAndTheSystemsStillOpen(MailKind kind) {
        Map<String, Object> model = new HashMap<>();
        model.put("staffName", "Dana Privacy-Officer");
        model.put("reference", "OPT-2027-000012");
        model.put("what", "opt-outs of sale and sharing");
        model.put("size", 12_345);
        model.put("due", LocalDate.of(2027, 2, 22));
        model.put("daysLeft", 2L);
        model.put("daysOverdue", 1L);
        model.put("openSystems", "Mailing agency, Partner feed");
        model.put("batchUrl", "https://privacy.shop.example/staff/opt-outs/OPT-2027-000012");

        RenderedMail mail = templates.render(kind, model, Locale.ENGLISH);

        assertFullyRendered(mail);
        assertThat(mail.subject()).contains("OPT-2027-000012", "batch");
        assertThat(mail.body()).contains("12,345 opt-outs of sale and sharing", "22 February 2027",
                "Not yet applied in: Mailing agency, Partner feed", "/staff/opt-outs/OPT-2027-000012");
        assertThat(mail.body()).contains(kind == MailKind.STAFF_BATCH_OVERDUE ? "1 day(s) overdue" : "2 day(s) left");
    }

    @ParameterizedTest
    @CsvSource({"SALE_SHARING, false, We will not sell or share your personal information, we will not sell or share",
            "SENSITIVE_USE, true, We will limit the use of your sensitive personal information, This address was already"})
    void theOptOutConfirmationSaysWhatWasRecordedAndLinksThePreferenceCenter(String purpose, boolean already,
                                                                           String subject, String says) {
        Map<String, Object> model = new HashMap<>();
        model.put("purpose", purpose);
        model.put("alreadyOptedOut", already);
        model.put("dueOn", already ? null : LocalDate.of(2027, 2, 22));
        model.put("preferencesUrl", MailSecret.preferenceLink(PREFERENCES_URL));
        model.put("validHours", 24L);

        RenderedMail mail = templates.render(MailKind.OPT_OUT_CONFIRMATION, model, Locale.ENGLISH);

        assertFullyRendered(mail);
        assertThat(mail.subject()).isEqualTo(subject);
        assertThat(mail.body()).contains(says, "You did not need an account or any proof", PREFERENCES_URL,
                "24 hours");
        assertThat(mail.body().contains("22 February 2027")).isEqualTo(!already);
    }

    @ParameterizedTest
    @CsvSource({"OPT_OUT, We no longer sell or share your personal information",
            "LIMIT_SENSITIVE, We now use your sensitive personal information only for what our service needs"})
    void theAnswerToAnOptOutOrLimitSaysWhatChangedAndWhereToChangeItAgain(RequestType type, String says) {
        RenderedMail mail = templates.render(MailKind.RESPONSE, subjectModel(MailKind.RESPONSE,
                request(Regime.CCPA, type, false)), Locale.ENGLISH);

        assertThat(mail.body()).contains(says, "preference center: https://privacy.shop.example/preferences");
    }

    @ParameterizedTest
    @CsvSource({"GDPR, right to complain to a data protection authority and to seek a judicial remedy",
            "CCPA, ",
            "PIPEDA, right to complain to the Privacy Commissioner of Canada"})
    void theExtensionNoticeGivesTheReasonTheNewDateAndTheRemediesTheLawNames(Regime regime, String remedy) {
        RequestDetails request = request(regime, RequestType.ACCESS, true);
        DisplayDates dates = new DisplayDates(ZoneOffset.UTC);
        String originalDue = dates.longDate(request.due());
        String newDue = dates.longDate(request.extendedDue());
        RenderedMail mail = templates.render(MailKind.EXTENSION_NOTICE, subjectModel(MailKind.EXTENSION_NOTICE,
                request), Locale.ENGLISH);

        assertFullyRendered(mail);
        assertThat(mail.subject()).isEqualTo("We need more time for your request " + REFERENCE);
        assertThat(mail.body()).contains("Your data sits in three archives we must restore first.",
                "We will answer by " + newDue + " at the latest, instead of " + originalDue + ".",
                regime.lawName() + " allows us to extend the period once");
        if (remedy == null) {
            assertThat(mail.body()).doesNotContain("right to complain");
        } else {
            assertThat(mail.body()).contains(remedy);
        }
    }

    static AppealView appeal(AppealOutcome outcome, String followUp) {
        return new AppealView(REFERENCE, "I never got my order history.", RECEIVED.plusSeconds(86_400 * 50),
                LocalDate.of(2027, 5, 21), outcome, "The order history is kept by the carrier, not by us.", "admin",
                RECEIVED.plusSeconds(86_400 * 60), followUp);
    }

    @Test
    void theAppealDecisionSaysTheOutcomeAndOnDenialWhereToComplain() {
        RequestDetails virginia = request(Regime.VCDPA, RequestType.ACCESS, true);
        Map<String, Object> denied = subjectModel(MailKind.APPEAL_DECISION, virginia);
        Map<String, Object> granted = subjectModel(MailKind.APPEAL_DECISION, virginia);
        granted.put("appeal", appeal(AppealOutcome.GRANTED, "DSR-2027-000077"));

        String deniedBody = templates.render(MailKind.APPEAL_DECISION, denied, Locale.ENGLISH).body();
        String grantedBody = templates.render(MailKind.APPEAL_DECISION, granted, Locale.ENGLISH).body();

        assertThat(deniedBody).contains("Your appeal is denied", "The order history is kept by the carrier",
                "submit a complaint to the Virginia Attorney General");
        assertThat(grantedBody).contains("Your appeal is granted", "as reference DSR-2027-000077")
                .doesNotContain("Attorney General");
        assertThat(templates.render(MailKind.APPEAL_RECEIVED, subjectModel(MailKind.APPEAL_RECEIVED, virginia), Locale.ENGLISH)
                .body()).contains("by Friday 21 May 2027", "Someone who did not take the original decision");
    }

    @Test
    void theReminderOnTheDueDaySaysItIsDueTodayAndWhatHappensNext() {
        RequestDetails request = gdprAccess();
        Map<String, Object> model = staffModel(MailKind.STAFF_REMINDER, request);
        model.put("daysLeft", 0L);

        String body = templates.render(MailKind.STAFF_REMINDER, model, Locale.ENGLISH).body();

        assertThat(body).contains("due today: tomorrow the privacy officers are alerted").doesNotContain("0 day(s)");
    }

    @Test
    void thePreferenceLinkMailCarriesTheLinkAndSaysWhatToDoIfUnasked() {
        RenderedMail mail = templates.render(MailKind.PREFERENCES_LINK, Map.of("preferencesUrl",
                MailSecret.preferenceLink(PREFERENCES_URL), "validHours", 24L), Locale.ENGLISH);

        assertFullyRendered(mail);
        assertThat(mail.body()).contains(PREFERENCES_URL, "If you did not ask for it, ignore this email");
    }

    @ParameterizedTest(name = "{0} for {1}")
    @MethodSource("subjectMailsForEveryRequestType")
    void everySubjectMailCarriesTheStatusLinkAndNamesWhatWasAskedFor(MailKind kind, RequestType type) {
        RequestDetails request = request(Regime.CCPA, type, type != RequestType.OPT_OUT);

        RenderedMail mail = templates.render(kind, subjectModel(kind, request), Locale.ENGLISH);

        assertFullyRendered(mail);
        assertThat(mail.body()).contains(STATUS_URL).startsWith("Hello,\n").doesNotContain(SUBJECT_NAME);
        assertThat(mail.redactedBody()).contains("[private status link]").doesNotContain(STATUS_URL);
    }

    @ParameterizedTest
    @EnumSource(value = MailKind.class, names = {"ACKNOWLEDGEMENT", "VERIFICATION", "UNVERIFIABLE", "RESPONSE"})
    void subjectMailsShowNoneOfTheSubjectsOtherDataAndNoStaffLink(MailKind kind) {
        RenderedMail mail = templates.render(kind, subjectModel(kind, gdprAccess()), Locale.ENGLISH);

        assertThat(mail.subject() + mail.body())
                .doesNotContain(SUBJECT_EMAIL, ACCOUNT_ID, "4242", "Secret Lane", "/staff");
    }

    @ParameterizedTest
    @EnumSource(value = MailKind.class, names = {"PROCESSOR_REQUEST", "PROCESSOR_REMINDER"})
    void processorMailsCarryWhatIsNeededToFindThePersonAndTheConfirmationLinkOnly(MailKind kind) {
        RenderedMail mail = templates.render(kind, processorModel(gdprAccess()), Locale.ENGLISH);

        String whole = mail.subject() + "\n" + mail.body();
        assertThat(whole).contains(REFERENCE, SUBJECT_NAME, SUBJECT_EMAIL, CONFIRM_URL);
        assertThat(whole).as("nothing the processor does not need").doesNotContain("4242", "Secret Lane");
        assertThat(whole).as("no link into the subject's or the staff's pages").doesNotContain("/status/", "/staff");
    }

    @ParameterizedTest
    @EnumSource(value = MailKind.class, names = {"STAFF_REMINDER", "STAFF_ESCALATION", "STAFF_CALLBACK_LATE",
            "STAFF_PROCESSOR_OVERDUE"})
    void staffMailsLinkToTheStaffPageAndCarryNoPersonalDataOfTheSubject(MailKind kind) {
        RenderedMail mail = templates.render(kind, staffModel(kind, gdprAccess()), Locale.ENGLISH);

        String whole = mail.subject() + "\n" + mail.body();
        assertThat(whole).contains(REQUEST_URL, "Hello Sam Owner,");
        assertThat(whole).doesNotContain(SUBJECT_EMAIL, SUBJECT_NAME, ACCOUNT_ID, "4242", "Secret Lane");
        assertThat(whole).as("the secret status link belongs to the subject alone").doesNotContain("/status/");
    }

    @Test
    void theAcknowledgementGivesTheDatesAndAnnouncesTheConfirmationEmail() {
        RenderedMail mail = templates.render(MailKind.ACKNOWLEDGEMENT, subjectModel(MailKind.ACKNOWLEDGEMENT, gdprAccess()), Locale.ENGLISH);

        assertThat(mail.subject()).isEqualTo("We received your request DSR-2027-000042");
        assertThat(mail.body())
                .contains("We received your request to give you a copy of your personal data on Sunday 31 January 2027.")
                .contains("We will answer by Monday 1 March 2027, as GDPR requires.")
                .contains("the law allows us to take until Friday 30 April 2027")
                .contains("second email with a confirmation link");
    }

    @Test
    void theAcknowledgementOfAnOptOutPromisesNoExtensionAndAsksForNoConfirmation() {
        // CCPA opt-out: 15 business days from Sunday 31 Jan 2027, Presidents' Day (15 Feb) skipped -> 22 Feb.
        RequestDetails optOut = request(Regime.CCPA, RequestType.OPT_OUT, false);

        RenderedMail mail = templates.render(MailKind.ACKNOWLEDGEMENT, subjectModel(MailKind.ACKNOWLEDGEMENT, optOut), Locale.ENGLISH);

        assertThat(mail.body())
                .contains("We will answer by Monday 22 February 2027, as CCPA/CPRA requires.")
                .doesNotContain("the law allows us to take until")
                .doesNotContain("confirmation link");
    }

    @Test
    void theVerificationMailCarriesTheOneTimeLinkAndItsLastDay() {
        RenderedMail mail = templates.render(MailKind.VERIFICATION, subjectModel(MailKind.VERIFICATION, gdprAccess()), Locale.ENGLISH);

        assertThat(mail.subject()).isEqualTo("Please confirm your request DSR-2027-000042");
        assertThat(mail.body()).contains(VERIFY_URL).contains("until Sunday 7 February 2027");
    }

    @Test
    void theResponseListsWhatWasDoneInEachSystem() {
        RequestDetails deletion = request(Regime.GDPR, RequestType.DELETION, true);

        RenderedMail mail = templates.render(MailKind.RESPONSE, subjectModel(MailKind.RESPONSE, deletion), Locale.ENGLISH);

        assertThat(mail.subject()).isEqualTo("Our answer to your request DSR-2027-000042");
        assertThat(mail.body())
                .contains("""
                        - Web shop: done
                          your contact details:
                          - your delivery addresses (2): deleted
                          your purchases:
                          - your orders (3): we removed your name and your email address; we keep the amounts paid \
                        because the law requires us to keep it: invoices, 10 years
                          - your invoices (4): kept because the law requires us to keep it: 10 years, for tax
                          Other data:
                          - other personal data (1): deleted

                        - Newsletter: we hold no data about you there
                        """)
                .contains("- Accounting: not done. Invoices are kept for 10 years under tax law.")
                .contains("the law sometimes requires us to keep records")
                .contains("right to lodge a complaint with a data protection supervisory authority",
                        "to seek a judicial remedy");
    }

    @ParameterizedTest
    @EnumSource(Regime.class)
    void theRefusalNamesTheGroundTheReasonsAndTheRemediesOfTheSubjectsLaw(Regime regime) {
        RequestDetails request = request(regime, RequestType.ACCESS, true);
        Map<String, Object> model = subjectModel(MailKind.REFUSAL, request);
        model.put("refusal", new Refusal(RefusalGround.EXCESSIVE, "This is the fifth identical request this month.",
                "Requests DSR-1, DSR-2, DSR-3 and DSR-4 of March.", "dpo"));

        RenderedMail mail = templates.render(MailKind.REFUSAL, model, Locale.ENGLISH);

        assertFullyRendered(mail);
        assertThat(mail.subject()).isEqualTo("Our decision on your request " + REFERENCE);
        assertThat(mail.body()).contains("because the request is excessive",
                "This is the fifth identical request this month.").doesNotContain("DSR-1, DSR-2")
                .contains(switch (regime) {
                    case GDPR -> "supervisory authority";
                    case UK_GDPR -> "Information Commissioner's Office";
                    case CCPA -> "California Privacy Protection Agency";
                    case VCDPA -> "Virginia Attorney General";
                    case CPA -> "Colorado Attorney General";
                    case CTDPA -> "Connecticut Attorney General";
                    case TDPSA -> "Texas Attorney General";
                    case OCPA -> "Oregon Attorney General";
                    case UCPA -> "Utah Division of Consumer Protection";
                    case LGPD -> "ANPD";
                    case PIPEDA -> "Privacy Commissioner of Canada";
                    case QUEBEC_LAW25 -> "Commission d'accès à l'information";
                    case MTCDPA -> "Montana Attorney General";
                    case IACDPA -> "Iowa Attorney General";
                    case DPDPA -> "Delaware Department of Justice";
                    case NEDPA -> "Nebraska Attorney General";
                    case NHPA -> "New Hampshire Attorney General";
                    case NJDPA -> "New Jersey Division of Consumer Affairs";
                    case TIPA -> "Tennessee Attorney General";
                    case MNCDPA -> "Minnesota Attorney General";
                    case MODPA -> "Maryland Attorney General";
                    case INCDPA -> "Indiana Attorney General";
                    case KCDPA -> "Kentucky Attorney General";
                    case RIDTPPA -> "Rhode Island Attorney General";
                    case FADP -> "Federal Data Protection and Information Commissioner";
                    case PIPA_KR -> "Personal Information Protection Commission (PIPC";
                    case PDPA_SG -> "Personal Data Protection Commission (PDPC";
                    case POPIA -> "Information Regulator";
                    case KVKK -> "Personal Data Protection Board (KVKK";
                    case PDPA_TH -> "Personal Data Protection Committee";
                    case PRIVACY_ACT_AU -> "Australian Information Commissioner";
                    case APPI -> "Personal Information Protection Commission (PPC";
                });
        // docs/legal-rules.md#us-state-refusal, #new-us-regimes: every US state but California and Utah gives an appeal.
        if (EnumSet.of(Regime.VCDPA, Regime.CPA, Regime.CTDPA, Regime.TDPSA, Regime.OCPA).contains(regime)
                || EnumSet.range(Regime.MTCDPA, Regime.RIDTPPA).contains(regime)) {
            assertThat(mail.body()).contains("You can appeal this decision", "Appeal this decision", STATUS_URL);
        } else {
            assertThat(mail.body()).doesNotContain("appeal");
        }
    }

    @Test
    void aResponseWithoutSystemsSaysThereWasNothingToDo() {
        Map<String, Object> model = subjectModel(MailKind.RESPONSE, request(Regime.CCPA, RequestType.OPT_OUT, false));
        model.put("answers", List.of());

        RenderedMail mail = templates.render(MailKind.RESPONSE, model, Locale.ENGLISH);

        assertThat(mail.body())
                .contains("None of our systems takes part in this kind of request")
                .doesNotContain("system by system")
                .contains("We no longer sell or share your personal information");
    }

    @Test
    void theUnverifiableMailSaysNothingWasSharedChangedOrDeleted() {
        RenderedMail mail = templates.render(MailKind.UNVERIFIABLE, subjectModel(MailKind.UNVERIFIABLE, gdprAccess()), Locale.ENGLISH);

        assertThat(mail.subject()).isEqualTo("We could not act on your request DSR-2027-000042");
        assertThat(mail.body()).contains("closed it without sharing, changing or deleting anything");
    }

    @Test
    void theReminderTellsTheTaskItsDueDateAndTheDaysLeft() {
        RenderedMail mail = templates.render(MailKind.STAFF_REMINDER, staffModel(MailKind.STAFF_REMINDER, gdprAccess()), Locale.ENGLISH);

        assertThat(mail.subject())
                .isEqualTo("Reminder: Delete the data in Web shop for DSR-2027-000042 is due Monday 1 March 2027");
        assertThat(mail.body()).contains("Due Monday 1 March 2027 — 2 day(s) left").contains(INBOX_URL);
    }

    @Test
    void theEscalationSaysHowLateTheRequestIs() {
        RenderedMail mail = templates.render(MailKind.STAFF_ESCALATION,
                staffModel(MailKind.STAFF_ESCALATION, gdprAccess()), Locale.ENGLISH);

        assertThat(mail.subject()).isEqualTo("OVERDUE: request DSR-2027-000042 passed its statutory due date");
        assertThat(mail.body()).contains("(ACCESS, GDPR) was due on Monday 1 March 2027 and is 3 day(s) overdue, "
                + "with 2 task(s) still open.");
    }

    static Stream<Arguments> everyKindWithItsSecrets() {
        return EnumSet.complementOf(EnumSet.of(MailKind.STAFF_BATCH_REMINDER, MailKind.STAFF_BATCH_OVERDUE,
                MailKind.STAFF_DIGEST, MailKind.OPT_OUT_CONFIRMATION)).stream().map(kind -> Arguments.of(kind,
                kind == MailKind.PREFERENCES_LINK
                        ? Map.of("preferencesUrl", MailSecret.preferenceLink(PREFERENCES_URL), "validHours", 24L)
                        : kind == MailKind.STAFF_SET_PASSWORD ? setPasswordModel(true)
                        : model(kind, gdprAccess())));
    }

    private static Map<String, Object> setPasswordModel(boolean newAccount) {
        return Map.of("staffName", "Bea Billing", "username", "bea", "newAccount", newAccount, "validHours", 72L,
                "setPasswordUrl", MailSecret.setPasswordLink(SET_PASSWORD_URL),
                "loginUrl", "https://privacy.shop.example/login");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void theSetPasswordMailNamesTheAccountAndCarriesTheLinkOnlyInTheDeliveredCopy(boolean newAccount) {
        RenderedMail mail = templates.render(MailKind.STAFF_SET_PASSWORD, setPasswordModel(newAccount), Locale.ENGLISH);

        assertFullyRendered(mail);
        assertThat(mail.subject()).isEqualTo(newAccount ? "Your Rightsflow staff account" : "Set your Rightsflow password");
        assertThat(mail.body()).contains("Hello Bea Billing,", "bea", SET_PASSWORD_URL, "works once, for 72 hours",
                "https://privacy.shop.example/login");
        assertThat(mail.redactedBody()).contains("[set-password link]").doesNotContain(SET_PASSWORD_URL,
                "/staff/set-password/");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKindWithItsSecrets")
    void theStaffCopyShowsEachSecretAsItsLabelAndTheDeliveredMailCarriesIt(MailKind kind, Map<String, Object> model) {
        RenderedMail mail = templates.render(kind, model, Locale.ENGLISH);

        List<MailSecret> secrets = model.values().stream().filter(MailSecret.class::isInstance)
                .map(MailSecret.class::cast).toList();
        for (MailSecret secret : secrets) {
            assertThat(mail.redactedBody()).contains(secret.placeholder());
            assertThat(mail.body()).contains(secret.value()).doesNotContain(secret.placeholder());
        }
        assertThat(mail.redactedBody()).doesNotContain(STATUS_URL, VERIFY_URL, CONFIRM_URL, PREFERENCES_URL,
                DOWNLOAD_CODE, "/status/", "/verify/", "/processors/confirm/", "/preferences/");
        assertThat(mail.subject()).doesNotContain("/status/", DOWNLOAD_CODE);
    }

    @Test
    void theLabelsSayWhatEachSecretIs() {
        Map<String, Object> verification = subjectModel(MailKind.VERIFICATION, gdprAccess());
        Map<String, Object> download = subjectModel(MailKind.DOWNLOAD_CODE, gdprAccess());

        assertThat(templates.render(MailKind.VERIFICATION, verification, Locale.ENGLISH).redactedBody())
                .contains("Open this link and press \"Confirm my request\":\n\n[one-time verification link]\n",
                        "Follow your request:\n[private status link]");
        assertThat(templates.render(MailKind.DOWNLOAD_CODE, download, Locale.ENGLISH).redactedBody()).contains("    [download code]\n");
        assertThat(templates.render(MailKind.PROCESSOR_REQUEST, processorModel(gdprAccess()), Locale.ENGLISH).redactedBody())
                .contains("[processor confirmation link]");
        assertThat(templates.render(MailKind.PREFERENCES_LINK, Map.of("preferencesUrl",
                MailSecret.preferenceLink(PREFERENCES_URL), "validHours", 24L), Locale.ENGLISH).redactedBody())
                .contains("[preference-center link]");
    }

    @Test
    void aSecretLinkTheSenderForgotToMarkStopsTheMessage() {
        Map<String, Object> model = subjectModel(MailKind.ACKNOWLEDGEMENT, gdprAccess());
        model.put("statusUrl", STATUS_URL);

        org.assertj.core.api.Assertions.assertThatIllegalStateException()
                .isThrownBy(() -> templates.render(MailKind.ACKNOWLEDGEMENT, model, Locale.ENGLISH))
                .withMessageContaining("private status link");
    }

    @Test
    void aSecretPrintedOutsideTheTemplateShowsItsLabel() {
        assertThat(String.valueOf(MailSecret.downloadCode(DOWNLOAD_CODE))).isEqualTo("[download code]");
    }

    @ParameterizedTest(name = "{0} for {1}")
    @MethodSource("subjectMailsForEveryRequestType")
    void nothingTheRequesterTypedReachesTheSubjectsMail(MailKind kind, RequestType type) {
        RequestDetails typed = new RequestDetails(REFERENCE, type, Regime.GDPR,
                new SubjectIdentity(SUBJECT_EMAIL, TYPED_NAME, ACCOUNT_ID), "Call +1 555 0100 or visit http://evil.example",
                Channel.WEB_FORM, RECEIVED, RECEIVED, LocalDate.of(2027, 3, 1), LocalDate.of(2027, 4, 30),
                LocalDate.of(2027, 2, 10), true, true, RequestStatus.IN_PROGRESS, null, null);
        Map<String, Object> model = subjectModel(kind, typed);
        if (kind == MailKind.RESPONSE && type == RequestType.CORRECTION) {
            model.put("corrections", List.of(
                    new org.rightsflow.correction.ClaimedCorrection("last_name", "http://evil.example/reset",
                            new org.rightsflow.correction.FieldDecision(true, "Checked", "dpo", RECEIVED)),
                    new org.rightsflow.correction.ClaimedCorrection("phone", "URGENT call 555 0100",
                            new org.rightsflow.correction.FieldDecision(false, "We hold no phone number.", "dpo",
                                    RECEIVED))));
            model.put("toldRecipients", List.of("Mailing agency"));
        }

        RenderedMail mail = templates.render(kind, model, Locale.ENGLISH);

        assertFullyRendered(mail);
        assertThat(mail.subject() + "\n" + mail.body()).doesNotContain("Victim", "URGENT", "evil.example", "555 0100",
                SUBJECT_EMAIL, ACCOUNT_ID);
    }

    @Test
    void theAnswerToACorrectionSaysWhichFieldsWereCorrectedWithoutRepeatingTheValues() {
        Map<String, Object> model = subjectModel(MailKind.RESPONSE, request(Regime.GDPR, RequestType.CORRECTION, true));
        model.put("corrections", List.of(
                new org.rightsflow.correction.ClaimedCorrection("last_name", "Goble Johnson",
                        new org.rightsflow.correction.FieldDecision(true, "Checked", "dpo", RECEIVED)),
                new org.rightsflow.correction.ClaimedCorrection("phone", "+1 757 555 0143",
                        new org.rightsflow.correction.FieldDecision(false, "We hold no phone number.", "dpo",
                                RECEIVED))));
        model.put("toldRecipients", List.of("Mailing agency"));

        RenderedMail mail = templates.render(MailKind.RESPONSE, model, Locale.ENGLISH);

        assertThat(mail.body()).contains("- Last name: corrected in each of our systems that holds it",
                "- Phone: not corrected. Why: We hold no phone number.", "- Web shop: done\n",
                "We passed the corrections on to those who process your data for us: Mailing agency.")
                .doesNotContain("Goble Johnson", "757 555 0143");
    }

    @Test
    void theAnswerToACorrectionNamesEachFieldByItsLabelInTheSubjectsLanguage() {
        Map<String, Object> model = subjectModel(MailKind.RESPONSE, request(Regime.GDPR, RequestType.CORRECTION, true));
        model.put("corrections", List.of(
                new org.rightsflow.correction.ClaimedCorrection("last_name", "Goble Johnson",
                        new org.rightsflow.correction.FieldDecision(true, "Checked", "dpo", RECEIVED)),
                new org.rightsflow.correction.ClaimedCorrection("nickname", "Kat", null)));
        model.put("fieldLabels", Map.of("last_name", "Ihr Nachname"));
        model.put("toldRecipients", List.of());

        RenderedMail mail = templates.render(MailKind.RESPONSE, model, Locale.GERMAN);

        assertThat(mail.body()).contains("- Ihr Nachname: ", "- Nickname: ").doesNotContain("Last name", "Goble");
    }

    /** The greeting and the signature each language's mail opens and closes with (i18n/mail). */
    private static final Map<Locale, List<String>> KNOWN_WORDS = Map.of(
            Locale.ENGLISH, List.of("Hello,", "The Demo Shop privacy team"),
            Locale.GERMAN, List.of("Guten Tag,", "Ihr Datenschutz-Team von Demo Shop"),
            Locale.FRENCH, List.of("Bonjour,", "L’équipe protection des données de Demo Shop"),
            Locale.forLanguageTag("es"), List.of("Hola:", "El equipo de privacidad de Demo Shop"),
            Languages.BRAZILIAN_PORTUGUESE, List.of("Olá,", "Equipe de privacidade da Demo Shop"));

    /** Every email a subject reads, with the model its sender gives it, in every language the subject can choose. */
    static Stream<Arguments> subjectMailsInEveryLanguage() {
        List<MailKind> kinds = new java.util.ArrayList<>(subjectKinds());
        kinds.add(MailKind.OPT_OUT_CONFIRMATION);
        kinds.add(MailKind.PREFERENCES_LINK);
        return kinds.stream().flatMap(kind -> Languages.SUPPORTED.stream().map(language -> Arguments.of(kind,
                language)));
    }

    private static Map<String, Object> modelInEveryLanguage(MailKind kind) {
        Map<String, Object> model = new HashMap<>();
        switch (kind) {
            case OPT_OUT_CONFIRMATION -> {
                model.put("purpose", "SALE_SHARING");
                model.put("alreadyOptedOut", false);
                model.put("dueOn", LocalDate.of(2027, 2, 22));
                model.put("preferencesUrl", MailSecret.preferenceLink(PREFERENCES_URL));
                model.put("validHours", 24L);
            }
            case PREFERENCES_LINK -> {
                model.put("preferencesUrl", MailSecret.preferenceLink(PREFERENCES_URL));
                model.put("validHours", 24L);
            }
            case RESPONSE -> {
                // A correction with a package: the response's every optional paragraph but the opt-out's.
                model.putAll(subjectModel(kind, request(Regime.GDPR, RequestType.CORRECTION, true)));
                model.put("corrections", List.of(
                        new org.rightsflow.correction.ClaimedCorrection("last_name", "Goble Johnson",
                                new org.rightsflow.correction.FieldDecision(true, "Checked", "dpo", RECEIVED)),
                        new org.rightsflow.correction.ClaimedCorrection("phone", "+1 757 555 0143", null)));
                model.put("toldRecipients", List.of("Mailing agency"));
                model.put("accessPackage", new org.rightsflow.access.PackageView(REFERENCE, null, 2_500_000, 7,
                        "abc", null, RECEIVED, RECEIVED.plusSeconds(86_400 * 30), null));
            }
            default -> model.putAll(subjectModel(kind, gdprAccess()));
        }
        return model;
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("subjectMailsInEveryLanguage")
    void everySubjectMailIsWrittenInTheSubjectsLanguage(MailKind kind, Locale language) {
        RenderedMail mail = templates.render(kind, modelInEveryLanguage(kind), language);
        RenderedMail english = templates.render(kind, modelInEveryLanguage(kind), Locale.ENGLISH);

        assertFullyRendered(mail);
        List<String> known = KNOWN_WORDS.get(language);
        assertThat(mail.body()).startsWith(known.get(0) + "\n").contains(known.get(1));
        if (!language.equals(Locale.ENGLISH)) {
            assertThat(mail.subject()).isNotEqualTo(english.subject());
            assertThat(mail.body()).doesNotContain("Hello,", "The Demo Shop privacy team", "Your request:",
                    "Follow your request");
        }
    }

    /** How each language says "deleted", "we removed" and "the law requires us to keep it" (i18n/mail). */
    private static final Map<Locale, List<String>> FATE_WORDS = Map.of(
            Locale.ENGLISH, List.of("(2): deleted", "(3): we removed your name and your email address",
                    "because the law requires us to keep it: 10 years, for tax"),
            Locale.GERMAN, List.of("(2): gelöscht", "(3): wir haben your name and your email address entfernt",
                    ", weil das Gesetz uns verpflichtet, sie aufzubewahren: 10 years, for tax"),
            Locale.FRENCH, List.of("(2) : supprimé", "(3) : nous avons retiré your name",
                    "car la loi nous oblige à les conserver\u00a0: 10 years, for tax"),
            Locale.forLanguageTag("es"), List.of("(2): eliminado", "(3): eliminamos your name",
                    "porque la ley nos obliga a conservarlos: 10 years, for tax"),
            Languages.BRAZILIAN_PORTUGUESE, List.of("(2): excluído", "(3): removemos your name",
                    "porque a lei nos obriga a mantê-los: 10 years, for tax"));

    static Stream<Locale> everyLanguage() {
        return Languages.SUPPORTED.stream();
    }

    @ParameterizedTest
    @MethodSource("everyLanguage")
    void whatHappenedToTheDataIsSaidInTheSubjectsLanguage(Locale language) {
        // The labels are the registry's (English here); the words around them are the answer's language.
        Map<String, Object> model = subjectModel(MailKind.RESPONSE, request(Regime.GDPR, RequestType.DELETION, true));

        RenderedMail mail = templates.render(MailKind.RESPONSE, model, language);

        assertFullyRendered(mail);
        assertThat(mail.body()).contains(FATE_WORDS.get(language)).doesNotContain("GDPR_ART", "mail.kept", "mail.data");
    }
}
