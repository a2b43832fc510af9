package org.rightsflow.demo;

import static org.rightsflow.deadline.RequestType.ACCESS;
import static org.rightsflow.deadline.RequestType.CORRECTION;
import static org.rightsflow.deadline.RequestType.DELETION;
import static org.rightsflow.deadline.RequestType.LIMIT_SENSITIVE;
import static org.rightsflow.deadline.RequestType.OBJECTION;
import static org.rightsflow.deadline.RequestType.OPT_OUT;
import static org.rightsflow.deadline.RequestType.PORTABILITY;
import static org.rightsflow.deadline.RequestType.RESTRICTION;

import java.util.EnumSet;
import org.rightsflow.connector.ConnectorKind;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.deadline.RequestType;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The demo company's systems, seeded once in the default (demo) profile. */
@Component
@Order(10)
@ConditionalOnProperty(name = "rightsflow.demo.enabled", havingValue = "true")
class DemoSystems implements ApplicationRunner {

    private final SystemRegistry registry;

    DemoSystems(SystemRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!registry.exists("shop-db")) {
            registry.register("shop-db", "Shop customer database",
                    "Customer accounts, addresses, orders and order lines of the web shop.", "shop-team",
                    ConnectorKind.MANUAL, EnumSet.allOf(RequestType.class),
                    "Look the customer up by email in the shop admin (Customers → Search). Access: export the "
                            + "account, addresses and orders. Deletion: anonymise the account; keep invoices "
                            + "(tax law, 10 years) and say so. Opt-out: untick 'share with partners'.");
        }
        if (!registry.exists("support-desk")) {
            registry.register("support-desk", "Support desk",
                    "Support tickets and chat transcripts.", "support-team", ConnectorKind.MANUAL,
                    EnumSet.of(ACCESS, PORTABILITY, DELETION, CORRECTION, RESTRICTION, OBJECTION),
                    "Search tickets by the requester's email. Access: attach the ticket history. Deletion: use "
                            + "'Delete requester' (removes tickets and attachments).");
        }
        if (!registry.exists("marketing")) {
            registry.register("marketing", "Marketing platform",
                    "Newsletter subscriptions, campaign audiences and the advertising partner sync.",
                    "marketing-team", ConnectorKind.MANUAL,
                    EnumSet.of(ACCESS, DELETION, CORRECTION, OPT_OUT, LIMIT_SENSITIVE, OBJECTION),
                    "Find the contact by email. Opt-out: add to the 'do not sell/share' suppression segment and "
                            + "remove from partner audiences. Deletion: delete the contact and suppress the address.");
        }
    }
}
