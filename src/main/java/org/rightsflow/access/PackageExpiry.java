package org.rightsflow.access;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.rightsflow.audit.Actors;
import org.rightsflow.audit.Timeline;
import org.rightsflow.audit.TimelineKind;
import org.rightsflow.connector.SystemActions;
import org.rightsflow.support.SealedFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes each package when its link expires, together with the data gathered for it (what the systems returned,
 * what staff attached): once delivered, Rightsflow keeps no copy. Each package in a transaction of its own; one
 * that fails is tried again at the next sweep. Safe on several nodes: the version column lets one of them win.
 */
@Component
class PackageExpiry {

    private static final Logger log = LoggerFactory.getLogger(PackageExpiry.class);

    private final AccessPackages packages;
    private final SealedFiles files;
    private final SystemActions actions;
    private final Timeline timeline;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PackageExpiry(AccessPackages packages, SealedFiles files, SystemActions actions, Timeline timeline,
                  PlatformTransactionManager transactionManager, Clock clock) {
        this.packages = packages;
        this.files = files;
        this.actions = actions;
        this.timeline = timeline;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    // The value is in application.yml (declared by AccessPackageProperties): a placeholder default would be a second.
    @Scheduled(fixedDelayString = "${rightsflow.access-package.sweep-interval}",
            initialDelayString = "${rightsflow.access-package.sweep-interval}")
    @SchedulerLock(name = "access-package-expiry")
    void sweep() {
        deleteExpired();
    }

    /** Deletes every package whose link has expired; returns how many were deleted. */
    int deleteExpired() {
        Instant now = clock.instant();
        List<Long> due = packages.findByStatusAndExpiresAtLessThanEqual(PackageStatus.READY, now).stream()
                .map(AccessPackage::id).toList();
        int deleted = 0;
        for (Long id : due) {
            try {
                Boolean done = transactions.execute(status -> delete(id, now));
                deleted += Boolean.TRUE.equals(done) ? 1 : 0;
            } catch (RuntimeException e) {
                // Logged without content: the next sweep tries again.
                log.warn("Could not delete expired access package {}: {}", id, e.getClass().getSimpleName());
            }
        }
        return deleted;
    }

    private boolean delete(long id, Instant now) {
        AccessPackage pkg = packages.findById(id).orElse(null);
        if (pkg == null || pkg.status() != PackageStatus.READY) {
            return false;
        }
        try {
            files.delete(pkg.storageId());
        } catch (IOException e) {
            throw new IllegalStateException("The sealed package could not be deleted", e);
        }
        int gathered = actions.deleteAccessFiles(pkg.requestReference());
        pkg.deleted(now);
        timeline.record(pkg.requestReference(), Actors.SYSTEM, TimelineKind.PACKAGE_DELETED, "The download period "
                + "ended: the package and the " + gathered + " file(s) of data gathered for it were deleted.");
        return true;
    }
}
