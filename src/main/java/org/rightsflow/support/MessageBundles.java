package org.rightsflow.support;

import java.util.List;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where every text lives, one bundle family per audience and feature (English in the base file, then
 * {@code _de}, {@code _fr}, {@code _es}, {@code _pt_BR}). A key lives in one family only: a translation is looked
 * up in the family that holds its English text.
 */
@Configuration(proxyBeanMethods = false)
public class MessageBundles {

    /** What subjects read, in every language of {@link Languages}. */
    public static final List<String> SUBJECT_FAMILIES = List.of("messages", "i18n/portal", "i18n/followup",
            "i18n/mail");

    /** What staff read: English only (staff pages stay English; they show the subject's language). */
    public static final List<String> STAFF_FAMILIES = List.of("i18n/staff");

    @Bean
    MessageSource messageSource() {
        return create();
    }

    /** Every family, formatted by ICU: the application's bean, and what unit tests of one template render with. */
    public static MessageSource create() {
        return new IcuMessageSource(Stream.concat(SUBJECT_FAMILIES.stream(), STAFF_FAMILIES.stream())
                .toArray(String[]::new));
    }
}
