package org.rightsflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who sees, works on and releases which task. */
class StaffMemberTest {

    private static final StaffMember OWNER = member("owner", Set.of(StaffRole.SYSTEM_OWNER), Set.of("crm-owners"));
    private static final StaffMember OFFICER = member("dpo", Set.of(StaffRole.PRIVACY_OFFICER), Set.of());
    private static final StaffMember ADMIN = member("admin", Set.of(StaffRole.ADMIN), Set.of());

    @Test
    void anOwnerSeesTheTasksOfTheirGroupsAndThoseAssignedToThem() {
        assertThat(OWNER.maySeeTask(null, List.of("crm-owners"))).isTrue();
        assertThat(OWNER.maySeeTask("someone", List.of("crm-owners"))).as("claimed by a colleague").isTrue();
        assertThat(OWNER.maySeeTask("owner", List.of())).as("assigned to them").isTrue();
        assertThat(OWNER.maySeeTask(null, List.of("billing-owners"))).as("another group's").isFalse();
        assertThat(OWNER.maySeeTask("someone", List.of())).isFalse();
    }

    @Test
    void officersAndAdminsSeeEveryTask() {
        assertThat(OFFICER.maySeeTask("someone", List.of("billing-owners"))).isTrue();
        assertThat(ADMIN.maySeeTask(null, List.of())).isTrue();
    }

    @Test
    void onlyAnUnclaimedTaskOrOnesOwnIsWorkedOn() {
        assertThat(OWNER.mayWorkOnTask(null)).isTrue();
        assertThat(OWNER.mayWorkOnTask("owner")).isTrue();
        assertThat(OWNER.mayWorkOnTask("someone")).isFalse();
        assertThat(OFFICER.mayWorkOnTask("owner")).as("an officer claims it first too").isFalse();
    }

    @Test
    void theAssigneeOrAnOfficerReleasesATask() {
        assertThat(OWNER.mayReleaseTask("owner")).isTrue();
        assertThat(OWNER.mayReleaseTask("someone")).isFalse();
        assertThat(OWNER.mayReleaseTask(null)).isFalse();
        assertThat(OFFICER.mayReleaseTask("owner")).isTrue();
        assertThat(ADMIN.mayReleaseTask("owner")).isTrue();
    }

    private static StaffMember member(String username, Set<StaffRole> roles, Set<String> groups) {
        return new StaffMember(username, username, username + "@example.com", roles, groups);
    }
}
