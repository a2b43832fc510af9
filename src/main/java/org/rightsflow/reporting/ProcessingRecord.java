package org.rightsflow.reporting;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The record of processing activities (GDPR Art. 30(1)) as the registry of connected systems makes it: one activity
 * per system. A null text is a field the registry does not record; {@link #gaps()} counts them.
 *
 * @param controller the controller, from {@link RopaProperties}
 * @param activities one per connected system, by name
 */
public record ProcessingRecord(Controller controller, List<Activity> activities) {

    public ProcessingRecord {
        activities = List.copyOf(activities);
    }

    /** Every field of the record that is not recorded: the controller's and each activity's. */
    public int gaps() {
        return controller.gaps().size() + activities.stream().mapToInt(a -> a.gaps().size()).sum();
    }

    /** How many activities send data to a third country (or to a country the list does not know). */
    public long activitiesWithTransfers() {
        return activities.stream().filter(a -> !a.transfers().isEmpty()).count();
    }

    /**
     * @param name           null when not recorded
     * @param contact        null when not recorded
     * @param dpo            null when not recorded
     * @param representative null when there is none
     */
    public record Controller(String name, String contact, String dpo, String representative) {

        /** The fields not recorded, by what the record calls them. The representative is needed only by some. */
        public List<String> gaps() {
            return Stream.of(name == null ? "controller's name" : null,
                    contact == null ? "controller's contact" : null,
                    dpo == null ? "data protection officer" : null).filter(Objects::nonNull).toList();
        }
    }

    /**
     * One processing activity: a connected system and what its definition says of the data.
     *
     * @param inScope            whether the system is active (requests reach it); an inactive system is still listed
     * @param source             where the data comes from; null when the definition names no other source than the
     *                           subject (not a gap: the registry reads null as "from the subject")
     * @param automatedDecisions automated decision-making and its logic; null when none is recorded (not a gap)
     * @param gaps               the fields not recorded, by what the record calls them
     */
    public record Activity(String key, String system, String description, String ownerGroup, boolean inScope,
                           List<String> categories, List<String> purposes, List<Recipient> recipients,
                           String retention, String source, String automatedDecisions, List<String> gaps) {

        public Activity {
            categories = List.copyOf(categories);
            purposes = List.copyOf(purposes);
            recipients = List.copyOf(recipients);
            gaps = List.copyOf(gaps);
        }

        /** The recipients in a third country, or in a country the list does not know. */
        public List<Recipient> transfers() {
            return recipients.stream().filter(r -> r.transfer() != null && r.transfer().isTransfer()).toList();
        }
    }

    /**
     * A recipient as the definition names it.
     *
     * @param name     null when not recorded
     * @param country  null when not recorded
     * @param role     what it does with the data (processor, carrier …); null when not recorded
     * @param transfer what sending data to its country asks for; null when the country is not recorded
     */
    public record Recipient(String name, String country, String role, TransferRule transfer) {

        /** Whether the role says it processes on the controller's behalf (Art. 28), else a third party. */
        public boolean processor() {
            return role != null && role.toLowerCase(Locale.ROOT).contains("processor");
        }
    }
}
