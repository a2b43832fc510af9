package org.rightsflow.connector;

import java.util.List;

/**
 * What a system holds and why, for the GDPR Art. 15 supplementary information in an access answer.
 *
 * @param categories         categories of personal data ("contact details", "order history")
 * @param purposes           why the data is processed
 * @param recipients         who receives it, with the country where outside the subject's own
 * @param retention          how long it is kept, or the criteria
 * @param source             where it comes from when not from the subject; null when from the subject
 * @param automatedDecisions automated decision-making and its logic; null when there is none
 * @param labels             the subject's words for the categories, tables and columns (in their languages)
 */
public record PersonalDataDescription(List<String> categories, List<String> purposes, List<Recipient> recipients,
                                      String retention, String source, String automatedDecisions,
                                      DataLabels labels) {

    public PersonalDataDescription {
        categories = categories == null ? List.of() : List.copyOf(categories);
        purposes = purposes == null ? List.of() : List.copyOf(purposes);
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        labels = labels == null ? DataLabels.none() : labels;
    }

    /** Without labels: the data is then named by its categories only. */
    public PersonalDataDescription(List<String> categories, List<String> purposes, List<Recipient> recipients,
                                   String retention, String source, String automatedDecisions) {
        this(categories, purposes, recipients, retention, source, automatedDecisions, DataLabels.none());
    }

    public static PersonalDataDescription none() {
        return new PersonalDataDescription(List.of(), List.of(), List.of(), null, null, null);
    }

    /** The categories in the subject's language, where the definition translates them. */
    public List<String> categoriesIn(java.util.Locale language) {
        return categories.stream().map(category -> labels.category(category, language)).toList();
    }

    /**
     * The description as the subject reads it: the company's sentences in the language where the definition writes
     * them in it ({@link DataLabels.SystemTexts}), otherwise as written. The categories stay keys
     * ({@link #categoriesIn}).
     */
    public PersonalDataDescription in(java.util.Locale language) {
        DataLabels.SystemTexts texts = labels.texts();
        List<String> localPurposes = new java.util.ArrayList<>(purposes);
        for (int i = 0; i < localPurposes.size() && i < texts.purposes().size(); i++) {
            localPurposes.set(i, texts.purposes().get(i).in(language));
        }
        List<Recipient> localRecipients = new java.util.ArrayList<>(recipients);
        for (int i = 0; i < localRecipients.size() && i < texts.recipientRoles().size(); i++) {
            Words role = texts.recipientRoles().get(i);
            Recipient recipient = localRecipients.get(i);
            if (role != null) {
                localRecipients.set(i, new Recipient(recipient.name(), recipient.country(), role.in(language)));
            }
        }
        return new PersonalDataDescription(categories, localPurposes, localRecipients,
                texts.retention() == null ? retention : texts.retention().in(language),
                texts.source() == null ? source : texts.source().in(language),
                texts.automatedDecisions() == null ? automatedDecisions : texts.automatedDecisions().in(language),
                labels);
    }

    /** The system's description in the language, where the definition writes one; else as written. */
    public String describe(String description, java.util.Locale language) {
        return labels.texts().description() == null ? description : labels.texts().description().in(language);
    }

    /** A recipient of the data. {@code country} is where it is processed (a third country matters under GDPR). */
    public record Recipient(String name, String country, String role) {
    }
}
