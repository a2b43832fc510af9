package org.rightsflow.staff;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The paged staff lists ({@code rightsflow.staff-pages.*}).
 *
 * @param pageSize how many tasks a page of the inbox and how many requests a page of the requests list holds; each
 *                 page is read from the database on its own, so a view costs the same whatever the backlog
 */
@Validated
@ConfigurationProperties("rightsflow.staff-pages")
public record StaffPagesProperties(@Min(1) @Max(500) int pageSize) {
}
