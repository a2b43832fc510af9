package org.rightsflow.staff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rightsflow.audit.TimelineKind;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.request.Channel;
import org.rightsflow.request.RefusalGround;
import org.rightsflow.request.RequestOutcome;
import org.rightsflow.request.RequestStatus;
import org.rightsflow.support.EnumNames;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The words staff pages show for the application's codes: laws, statuses, outcomes, refusal grounds, request types,
 * channels and timeline entries, available in templates as {@code @labels} ({@code ${@labels.of(r.regime())}}). The
 * texts live in i18n/staff.properties (the shared words, such as law names, in messages.properties) under the keys
 * of {@link #KEYS}; LabelsTest checks that every constant has one.
 * Staff read the status of a request in the third person ("Awaiting verification"), where the subject's status page
 * speaks to them ("Waiting for you to confirm it is you"): hence keys of their own.
 */
@Component("labels")
public class Labels {

    /** Per vocabulary, the message key of a constant ({@code %s} its name). */
    static final Map<Class<? extends Enum<?>>, String> KEYS = Map.of(
            Regime.class, "law.%s",
            RequestStatus.class, "staff.status.%s",
            RequestOutcome.class, "staff.outcome.%s",
            RefusalGround.class, "staff.ground.%s",
            RequestType.class, "type.%s.name",
            Channel.class, "staff.channel.%s",
            TimelineKind.class, "staff.timeline.%s");

    private final MessageSource messages;

    Labels(MessageSource messages) {
        this.messages = messages;
    }

    /** The label of a constant; its name where the vocabulary has none (a gap LabelsTest keeps from shipping). */
    public String of(Enum<?> value) {
        if (value == null) {
            return "";
        }
        String key = KEYS.get(value.getDeclaringClass());
        if (key == null) {
            return value.name();
        }
        return messages.getMessage(String.format(Locale.ROOT, key, value.name()), null, value.name(), locale());
    }

    /** The label of a request: its outcome once closed with one, else its status. */
    public String status(RequestStatus status, RequestOutcome outcome) {
        return outcome != null ? of(outcome) : of(status);
    }

    /** A law named by its code, as process variables carry it (the inbox's rows). */
    public String law(String code) {
        return EnumNames.parse(Regime.class, code).map(this::of).orElse(code == null ? "" : code);
    }

    /** Laws in a staff select: grouped as the privacy center groups places, each group in the order of its labels. */
    public record LawGroup(String label, List<Regime> laws) {
    }

    /** The 32 laws in three groups (US states, Canada, elsewhere), so that a select of them can be read. */
    public List<LawGroup> lawGroups() {
        Comparator<Regime> byLabel = Comparator.comparing(this::of, String.CASE_INSENSITIVE_ORDER);
        List<LawGroup> groups = new ArrayList<>();
        for (String country : List.of("United States", "Canada", "")) {
            List<Regime> laws = Arrays.stream(Regime.values()).filter(regime -> regime.country().equals(country))
                    .sorted(byLabel).toList();
            groups.add(new LawGroup(country.isEmpty() ? "Other countries and regions" : country, laws));
        }
        return groups;
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
