package org.rightsflow.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who saw a request's personal data (GDPR Art. 5(2) and 32: accountability for access, not only for changes). One
 * insert per view, in the caller's transaction where there is one. What is recorded is the kind of view and the
 * reference, never the data that was shown.
 */
@Service
public class AccessLog {

    private static final int MAX_DETAIL = 200;
    private static final int MAX_ADDRESS = 64;

    private final AccessLogEntries entries;
    private final Clock clock;

    AccessLog(AccessLogEntries entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /**
     * Records one view by {@code actor} (a staff username, or {@link Actors#api} for an API key) from the client of
     * the current HTTP request.
     *
     * @param reference the request or opt-out batch; null for an export of a period
     * @param detail    what exactly, if it helps and is no personal data (a task id, a table name); may be null
     */
    @Transactional
    public void record(String actor, AccessKind kind, String reference, String detail) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(kind, "kind");
        entries.save(new AccessLogEntry(now(), truncate(actor, 100), kind, truncate(reference, 40),
                truncate(detail, MAX_DETAIL), truncate(clientAddress(), MAX_ADDRESS)));
    }

    /**
     * Records a view only the first time this actor makes it ({@code detail} tells the views apart, e.g. a task
     * id): reloading a page, or coming back to it after a form, is not a new look at the data.
     */
    @Transactional
    public void recordFirst(String actor, AccessKind kind, String reference, String detail) {
        if (!entries.existsByActorAndKindAndDetail(truncate(actor, 100), kind, truncate(detail, MAX_DETAIL))) {
            record(actor, kind, reference, detail);
        }
    }

    /** Newest first, a page at a time (page numbers from 0). */
    @Transactional(readOnly = true)
    public Page<AccessRecord> ofReference(String reference, int page, int size) {
        return entries.findByReferenceOrderByOccurredAtDescIdDesc(reference, PageRequest.of(page, size))
                .map(AccessLogEntry::toRecord);
    }

    /** Newest first, a page at a time (page numbers from 0). */
    @Transactional(readOnly = true)
    public Page<AccessRecord> ofActor(String actor, int page, int size) {
        return entries.findByActorOrderByOccurredAtDescIdDesc(actor, PageRequest.of(page, size))
                .map(AccessLogEntry::toRecord);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The client as the servlet container reports it (after the forwarded-headers handling of server.*). */
    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
