package org.rightsflow.demo;

import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.connector.SystemView;
import org.rightsflow.security.NewStaffMember;
import org.rightsflow.security.StaffDirectory;
import org.rightsflow.security.StaffRole;
import org.rightsflow.support.PublicLinksProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The three demo logins: admin/admin (ADMIN), dpo/dpo (PRIVACY_OFFICER) and owner/owner (SYSTEM_OWNER of every
 * demo system). Runs after the demo systems are registered, so the owner gets every system's group.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "rightsflow.demo.enabled", havingValue = "true")
class DemoStaff implements ApplicationRunner {

    static final String PRIVACY_OFFICERS = "privacy-officers"; // the candidate group of the officers' own tasks
    private static final Logger log = LoggerFactory.getLogger(DemoStaff.class);

    private final StaffDirectory staff;
    private final SystemRegistry systems;
    private final String publicUrl;

    DemoStaff(StaffDirectory staff, SystemRegistry systems, PublicLinksProperties links) {
        this.staff = staff;
        this.systems = systems;
        this.publicUrl = links.publicUrl();
    }

    @Override
    public void run(ApplicationArguments args) {
        Set<String> systemGroups = new TreeSet<>();
        systems.all().stream().map(SystemView::ownerGroup).forEach(systemGroups::add);
        createIfMissing(new NewStaffMember("admin", "admin", "Ada Admin", "admin@rightsflow.example",
                EnumSet.of(StaffRole.ADMIN), Set.of(PRIVACY_OFFICERS)));
        createIfMissing(new NewStaffMember("dpo", "dpo", "Dana Privacy-Officer", "dpo@rightsflow.example",
                EnumSet.of(StaffRole.PRIVACY_OFFICER), Set.of(PRIVACY_OFFICERS)));
        createIfMissing(new NewStaffMember("owner", "owner", "Oscar Owner", "owner@rightsflow.example",
                EnumSet.of(StaffRole.SYSTEM_OWNER), systemGroups));
        log.info("""

                ──────────────────────────────────────────────────────────────────────
                 Rightsflow demo is running: {}
                   privacy center  {}/
                   staff inbox     {}/staff     (admin/admin, dpo/dpo, owner/owner)
                   Camunda         {}/camunda   (admin/admin)
                   API key         demo-api-key
                ──────────────────────────────────────────────────────────────────────""",
                publicUrl, publicUrl, publicUrl, publicUrl);
    }

    private void createIfMissing(NewStaffMember member) {
        if (!staff.exists(member.username())) {
            staff.create(member);
        }
    }
}
