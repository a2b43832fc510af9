package org.rightsflow.staff;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.rightsflow.notification.MailKind;
import org.rightsflow.notification.Outbox;
import org.rightsflow.notification.OutgoingMail;
import org.rightsflow.security.StaffDirectory;
import org.rightsflow.security.StaffMember;
import org.rightsflow.support.PublicLinks;
import org.rightsflow.workflow.InboxTask;
import org.rightsflow.workflow.StaffTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every working morning, each staff member gets one email with the tasks they can act on that are due within the
 * week or overdue, earliest first: nobody learns of a date only from the reminder two days before it. Nothing is
 * sent to someone with no such task. No personal data of subjects: references, task names and dates. Each person's
 * tasks are their inbox ({@link StaffTasks#dueWithin} asks the inbox's query), so the digest lists exactly what they can open.
 */
@Component
public class MorningDigest {

    /** Tasks due within this many days (and overdue ones) are in the digest. */
    static final int DAYS_AHEAD = 7;
    private static final Logger log = LoggerFactory.getLogger(MorningDigest.class);

    private final StaffDirectory staff;
    private final StaffTasks tasks;
    private final Outbox outbox;
    private final PublicLinks links;
    private final TransactionTemplate transaction;

    MorningDigest(StaffDirectory staff, StaffTasks tasks, Outbox outbox, PublicLinks links,
                  TransactionTemplate transaction) {
        this.staff = staff;
        this.tasks = tasks;
        this.outbox = outbox;
        this.links = links;
        this.transaction = transaction;
    }

    /** In the clock's zone, read from the display dates ({@code @dates}), whose zone is the statutory clock's. */
    @Scheduled(cron = "${rightsflow.digest.cron}", zone = "#{@dates.zone().id}")
    // Once per cluster: two nodes would each send everyone their digest. Every node fires at the same second; the lock
    // is held a while (DigestProperties), so a node whose trigger comes late finds the turn taken, not a lock released.
    @SchedulerLock(name = "morning-digest", lockAtMostFor = "PT30M",
            lockAtLeastFor = "${rightsflow.digest.lock-at-least-for}")
    void sendOnSchedule() {
        int sent = send().size();
        if (sent > 0) {
            log.info("Morning digest sent to {} staff member(s)", sent);
        }
    }

    /**
     * Writes the digests to the outbox now, one transaction per person.
     *
     * @return username → the references of the tasks in their digest, for those who got one
     */
    public Map<String, List<String>> send() {
        Map<String, List<String>> sent = new LinkedHashMap<>();
        for (StaffMember member : staff.everyone()) {
            if (member.email() == null || member.email().isBlank()) {
                continue;
            }
            List<InboxTask> dueSoon = tasks.dueWithin(member, DAYS_AHEAD);
            if (dueSoon.isEmpty()) {
                continue;
            }
            Map<String, Object> model = new HashMap<>();
            model.put("staffName", member.displayName());
            model.put("tasks", dueSoon);
            model.put("overdue", dueSoon.stream().filter(InboxTask::overdue).count());
            model.put("inboxUrl", links.staffInbox());
            transaction.executeWithoutResult(status -> outbox.queue(new OutgoingMail(null, MailKind.STAFF_DIGEST,
                    member.email(), model)));
            sent.put(member.username(), dueSoon.stream().map(InboxTask::reference).toList());
        }
        return sent;
    }
}
