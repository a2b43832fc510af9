package org.rightsflow.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * The application as {@link RightsflowIntegrationTest} makes it, with the transparency page published, requests
 * datable three years back (so a test can make the requests of a past calendar year) and the controller's contact
 * for the record of processing; the data protection officer is left out, a gap the record must show. The reporting
 * tests share this one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@RightsflowIntegrationTest
@TestPropertySource(properties = {
        "rightsflow.transparency.enabled=true",
        "rightsflow.intake.max-backdating=P3Y",
        "rightsflow.ropa.controller-contact=" + ReportingContext.CONTROLLER_CONTACT})
public @interface ReportingContext {

    String CONTROLLER_CONTACT = "Demo Shop Ltd, 1 Example Street, Dublin; privacy@demo-shop.example";
}
