package org.rightsflow.support;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the portal is reached from outside ({@code rightsflow.public-url}), the start of every link Rightsflow
 * emails ({@link PublicLinks}).
 *
 * @param publicUrl the portal's address as customers reach it, e.g. {@code https://privacy.example.com}; behind a
 *                  proxy, the proxy's address (RIGHTSFLOW_PUBLIC_URL)
 */
@Validated
@ConfigurationProperties("rightsflow")
public record PublicLinksProperties(
        @Pattern(regexp = "https?://\\S+", message = "must be an http or https address, e.g. https://privacy.example.com")
        String publicUrl) {
}
