package org.rightsflow.reporting;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The controller's part of the record of processing activities (GDPR Art. 30(1)(a), {@code rightsflow.ropa.*}). Each
 * left empty shows as "not recorded" on the record and counts as a gap.
 *
 * @param controllerName    the controller's name; empty means the privacy center's company name
 *                          ({@code portal.company} in messages.properties)
 * @param controllerContact how to reach the controller (postal address, email)
 * @param dpoContact        the data protection officer's name and contact, where one is designated (Art. 37)
 * @param representative    the representative in the Union of a controller established outside it (Art. 27);
 *                          empty when there is none
 */
@ConfigurationProperties("rightsflow.ropa")
public record RopaProperties(String controllerName, String controllerContact, String dpoContact,
                             String representative) {

    public RopaProperties {
        controllerName = blankAsNull(controllerName);
        controllerContact = blankAsNull(controllerContact);
        dpoContact = blankAsNull(dpoContact);
        representative = blankAsNull(representative);
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
