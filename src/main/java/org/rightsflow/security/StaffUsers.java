package org.rightsflow.security;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface StaffUsers extends JpaRepository<StaffUser, String> {

    @Query("select distinct u from StaffUser u join u.groups g where g = ?1 and u.enabled = true")
    List<StaffUser> findEnabledInGroup(String group);

    @Query("select distinct u from StaffUser u join u.roles r where r = ?1 and u.enabled = true")
    List<StaffUser> findEnabledWithRole(StaffRole role);

    /** A new password starts the sign-in back-off ({@link LoginLockout}) afresh. */
    @Modifying
    @Query(value = "update staff_user set failed_logins = 0, locked_until = null where username = ?1", nativeQuery = true)
    void clearLockout(String username);
}
