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

    /** Written in demo/systems.yml where the demo shop's JDBC URL goes. */
    static final String SHOP_URL_PLACEHOLDER = "${demo-shop-url}";

    private final SystemRegistry registry;
    private final DemoShop shop;

    DemoSystems(SystemRegistry registry, DemoShop shop) {
        this.registry = registry;
        this.shop = shop;
    }

    @Override
    public void run(ApplicationArguments args) {
        String definitions = read(DEFINITIONS).replace(SHOP_URL_PLACEHOLDER, shop.url());
        for (SystemDefinition system : SystemDefinitions.parseDocument(DEFINITIONS, definitions)) {
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
