package org.rightsflow.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.rightsflow.connector.SystemDefinition;
import org.rightsflow.connector.SystemDefinitions;
import org.rightsflow.connector.SystemRegistry;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The demo company's systems (classpath demo/systems.yml), registered once in the default (demo) profile. A system
 * staff have since edited keeps their version.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "rightsflow.demo.enabled", havingValue = "true")
class DemoSystems implements ApplicationRunner {

    static final String DEFINITIONS = "demo/systems.yml";

    private final SystemRegistry registry;

    DemoSystems(SystemRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (SystemDefinition system : SystemDefinitions.parseDocument(DEFINITIONS, read(DEFINITIONS))) {
            if (!registry.exists(system.key())) {
                registry.save(system);
            }
        }
    }

    static String read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Demo resource " + resource + " is missing", e);
        }
    }
}
