package org.rightsflow.reporting;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.rightsflow.connector.PersonalDataDescription;
import org.rightsflow.connector.SystemDefinition;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.connector.SystemView;
import org.rightsflow.support.SpreadsheetCsv;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Builds the record of processing activities (GDPR Art. 30(1)) from the registry of connected systems as it stands:
 * nothing is kept beside the definitions, so the record is never older than the registry. It holds no data of any
 * person, only what the definitions say of the systems.
 */
@Service
public class ProcessingRecords {

    /** How a field the registry does not hold reads on the page and in the CSV file. */
    public static final String NOT_RECORDED = "not recorded";

    private final SystemRegistry registry;
    private final RopaProperties properties;
    private final MessageSource messages;

    ProcessingRecords(SystemRegistry registry, RopaProperties properties, MessageSource messages) {
        this.registry = registry;
        this.properties = properties;
        this.messages = messages;
    }

    public ProcessingRecord current() {
        String name = properties.controllerName() != null ? properties.controllerName()
                : messages.getMessage("portal.company", null, null, Locale.ROOT);
        ProcessingRecord.Controller controller = new ProcessingRecord.Controller(name,
                properties.controllerContact(), properties.dpoContact(), properties.representative());
        List<ProcessingRecord.Activity> activities = new ArrayList<>();
        for (SystemView system : registry.all()) {
            activities.add(activity(system, registry.definition(system.id())));
        }
        return new ProcessingRecord(controller, activities);
    }

    private static ProcessingRecord.Activity activity(SystemView system, SystemDefinition definition) {
        PersonalDataDescription data = definition.personalData() == null ? PersonalDataDescription.none()
                : definition.personalData();
        List<String> gaps = new ArrayList<>();
        List<String> categories = texts(data.categories());
        List<String> purposes = texts(data.purposes());
        if (categories.isEmpty()) {
            gaps.add("categories of data");
        }
        if (purposes.isEmpty()) {
            gaps.add("purposes");
        }
        List<ProcessingRecord.Recipient> recipients = new ArrayList<>();
        for (PersonalDataDescription.Recipient recipient : data.recipients()) {
            String recipientName = text(recipient.name());
            String country = text(recipient.country());
            String role = text(recipient.role());
            String called = recipientName == null ? "a recipient" : recipientName;
            if (recipientName == null) {
                gaps.add("name of a recipient");
            }
            if (country == null) {
                gaps.add("country of " + called);
            }
            if (role == null) {
                gaps.add("role of " + called);
            }
            recipients.add(new ProcessingRecord.Recipient(recipientName, country, role, ThirdCountries.of(country)));
        }
        String retention = text(data.retention());
        if (retention == null) {
            gaps.add("retention");
        }
        return new ProcessingRecord.Activity(system.key(), system.name(), text(system.description()),
                text(system.ownerGroup()), system.active(), categories, purposes, recipients, retention,
                text(data.source()), text(data.automatedDecisions()), gaps);
    }

    private static List<String> texts(List<String> values) {
        return values.stream().map(ProcessingRecords::text).filter(v -> v != null).toList();
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * The record as CSV for a spreadsheet, one row per activity, the controller's fields on every row so each row
     * stands alone when filtered; lists joined with "; ". Closes {@code out}.
     */
    public static void csv(ProcessingRecord record, Writer out) throws IOException {
        ProcessingRecord.Controller controller = record.controller();
        try (SpreadsheetCsv csv = new SpreadsheetCsv(out)) {
            csv.row(List.of("controller", "controller_contact", "dpo_contact", "representative", "system",
                    "owner_group", "in_scope_of_requests", "categories_of_data", "purposes", "recipients",
                    "transfers_to_third_countries", "retention", "source", "automated_decisions", "gaps"));
            for (ProcessingRecord.Activity activity : record.activities()) {
                csv.row(List.of(orNotRecorded(controller.name()), orNotRecorded(controller.contact()),
                        orNotRecorded(controller.dpo()), controller.representative() == null ? "none"
                                : controller.representative(),
                        activity.system(), orNotRecorded(activity.ownerGroup()), activity.inScope(),
                        listOrNotRecorded(activity.categories()), listOrNotRecorded(activity.purposes()),
                        activity.recipients().isEmpty() ? "none recorded" : activity.recipients().stream()
                                .map(ProcessingRecords::recipient).collect(Collectors.joining("; ")),
                        activity.transfers().isEmpty() ? "none" : activity.transfers().stream()
                                .map(r -> orNotRecorded(r.name()) + " in " + r.country() + ": " + r.transfer().label())
                                .collect(Collectors.joining("; ")),
                        orNotRecorded(activity.retention()),
                        activity.source() == null ? "the data subject" : activity.source(),
                        activity.automatedDecisions() == null ? "none recorded" : activity.automatedDecisions(),
                        activity.gaps().size()));
            }
        }
    }

    private static String recipient(ProcessingRecord.Recipient recipient) {
        return orNotRecorded(recipient.name()) + " (" + (recipient.processor() ? "processor" : "third party") + "; "
                + "role: " + orNotRecorded(recipient.role()) + "; country: " + orNotRecorded(recipient.country()) + ")";
    }

    private static String orNotRecorded(String value) {
        return value == null ? NOT_RECORDED : value;
    }

    private static String listOrNotRecorded(List<String> values) {
        return values.isEmpty() ? NOT_RECORDED : String.join("; ", values);
    }
}
