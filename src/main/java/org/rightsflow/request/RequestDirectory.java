package org.rightsflow.request;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.rightsflow.connector.SystemOutcome;
import org.rightsflow.connector.SystemRegistry;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.StatutoryClock;
import org.rightsflow.deadline.RequestType;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to requests for the other modules and the web adapters. */
@Service
@Transactional(readOnly = true)
public class RequestDirectory {

    /** Most recent first; the id breaks ties, so that pages neither overlap nor skip a request. */
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("receivedAt"), Sort.Order.desc("id"));

    private static final Duration TOTALS_FRESH_FOR = Duration.ofSeconds(5);

    private final Requests requests;
    /**
     * The list's totals by filter, counted at most once per {@link #TOTALS_FRESH_FOR}: a count reads every request
     * (100,000 rows: 17 ms alone, 80 ms with 50 staff on the list, on every view; docs/performance.md), while the
     * page itself is read from the index and stops after 50 rows. A total a few seconds old only moves the last
     * page's link; the rows are always read fresh.
     */
    private final Cache<String, Long> totals =
            Caffeine.newBuilder().expireAfterWrite(TOTALS_FRESH_FOR).maximumSize(1_000).build();
    private final RequestMessages messages;
    private final RequestAppeals appeals;
    private final StatusTokens tokens;
    private final StatutoryClock statutoryClock;
    private final SealedCorrections sealedCorrections;
    private final PersonalFields fields;
    private final SystemRegistry systems;
    private final RequestSearchQuery searches;

    RequestDirectory(Requests requests, RequestMessages messages, RequestAppeals appeals, StatusTokens tokens,
                     StatutoryClock statutoryClock, SealedCorrections sealedCorrections, PersonalFields fields,
                     SystemRegistry systems, RequestSearchQuery searches) {
        this.searches = searches;
        this.fields = fields;
        this.systems = systems;
        this.appeals = appeals;
        this.requests = requests;
        this.messages = messages;
        this.sealedCorrections = sealedCorrections;
        this.tokens = tokens;
        this.statutoryClock = statutoryClock;
    }

    public Optional<RequestDetails> find(String reference) {
        return requests.findByReference(reference).map(this::details);
    }

    public RequestDetails get(String reference) {
        return find(reference).orElseThrow(() -> new UnknownRequestException(reference));
    }

    /** The name of the API key that submitted the request, if one did. */
    public Optional<String> submittedByApiKey(String reference) {
        return requests.findByReference(reference).map(DataSubjectRequest::submittedByApiKey);
    }

    /** Finds the request a status link points to. Any string may be passed: a forged token finds nothing. */
    public Optional<RequestDetails> findByStatusToken(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        return requests.findByStatusTokenHash(tokens.hash(token)).map(this::details);
    }

    /** The token of the request's status link, for the emails that carry it. */
    public String statusToken(String reference) {
        DataSubjectRequest request = requests.findByReference(reference)
                .orElseThrow(() -> new UnknownRequestException(reference));
        return tokens.derive(request.reference(), request.statusTokenSalt());
    }

    /** What a correction request asks: field → the value the subject says is right, in the order given. */
    public Map<String, String> requestedCorrections(String reference) {
        DataSubjectRequest request = requests.findByReference(reference)
                .orElseThrow(() -> new UnknownRequestException(reference));
        return sealedCorrections.open(request.sealedCorrections());
    }

    /**
     * A page of the requests list, most recent first: of every request, or of those of {@code types} only (a system
     * owner's, whose systems take part in those types). Paged and sorted by the database (index on received_at,
     * V20), and read without opening any personal data.
     *
     * @param types  the request types to list; null for all
     * @param number the page, from 0; a page past the end is empty
     */
    public Page<RequestSummary> page(Set<RequestType> types, int number, int size) {
        PageRequest page = PageRequest.of(Math.max(0, number), size, NEWEST_FIRST);
        if (types != null && types.isEmpty()) {
            return Page.empty(page);
        }
        List<DataSubjectRequest> rows = types == null ? requests.listPage(page) : requests.listPageOfTypes(types, page);
        String filter = types == null ? "all" : new TreeSet<>(types).toString();
        long total = totals.get(filter, key -> types == null ? requests.count() : requests.countOfTypes(types));
        return new PageImpl<>(rows.stream().map(DataSubjectRequest::toSummary).toList(), page, total);
    }

    /**
     * A page of the requests list narrowed to a search, in its order, paged by the database and read without opening
     * any personal data (the email is compared through its keyed hash). Totals are cached as for {@link #page}.
     *
     * @param number the page, from 0; a page past the end is empty
     */
    public Page<RequestSummary> search(RequestSearch search, int number, int size) {
        PageRequest page = PageRequest.of(Math.max(0, number), size);
        if (search.findsNothing()) {
            return Page.empty(page);
        }
        List<DataSubjectRequest> rows = searches.page(search, (int) page.getOffset(), size);
        long total = totals.get("search" + searches.totalKey(search), key -> searches.count(search));
        return new PageImpl<>(rows.stream().map(DataSubjectRequest::toSummary).toList(), page, total);
    }

    /**
     * The requests received in [from, to), for the request records and metrics (CCPA §7101, §7102): their type, when
     * they came and were answered, and how they ended. No personal data.
     */
    public List<RequestRecord> receivedBetween(java.time.Instant from, java.time.Instant to) {
        return requests.findByReceivedAtGreaterThanEqualAndReceivedAtLessThan(from, to).stream()
                .map(DataSubjectRequest::toRecord)
                .toList();
    }

    /** The secure messages about the request, oldest first. */
    public List<MessageView> messages(String reference) {
        return messages.findByReferenceOrderByIdAsc(reference).stream().map(message -> message.toView(fields)).toList();
    }

    /** Since when the request's clock stands still waiting for the subject, if it does. */
    public Optional<java.time.Instant> pausedSince(String reference) {
        return requests.findByReference(reference).flatMap(DataSubjectRequest::pausedSince);
    }

    /** The days the clock stood still so far (finished pauses). */
    public int pausedDays(String reference) {
        return requests.findByReference(reference).map(DataSubjectRequest::pausedDays).orElse(0);
    }

    /** The appeal against the decision on the request, if the subject appealed. */
    public Optional<AppealView> appeal(String reference) {
        return appeals.findByReference(reference).map(appeal -> appeal.toView(fields));
    }

    /** The refusal of the request as a whole, if it was refused. */
    public Optional<Refusal> refusal(String reference) {
        return requests.findByReference(reference).flatMap(DataSubjectRequest::refusal);
    }

    /**
     * Who took the decision an appeal is against: the author of the refusal, and whoever completed a system's part as
     * not done. None of them may decide the appeal ({@link RequestLifecycle#decideAppeal}).
     */
    public Set<String> originalDeciders(String reference) {
        Set<String> deciders = new TreeSet<>();
        refusal(reference).ifPresent(refusal -> deciders.add(refusal.refusedBy()));
        systems.resultsFor(reference).stream().filter(result -> result.outcome() == SystemOutcome.NOT_DONE)
                .forEach(result -> deciders.add(result.completedBy()));
        return deciders;
    }

    /** The request's extension, if it was extended. */
    public Optional<Extension> extension(String reference) {
        return requests.findByReference(reference).flatMap(DataSubjectRequest::extension);
    }

    private RequestDetails details(DataSubjectRequest request) {
        return request.toDetails(statutoryClock.policy(request.regime()).requiresVerification(request.type()), fields);
    }

    /**
     * How many requests stand where, for operators' metrics: per status and regime, and of those not yet answered,
     * how many are due within {@code daysAhead} days from {@code today} (inclusive) and how many are overdue.
     */
    public RequestCounts counts(LocalDate today, int daysAhead) {
        List<RequestCounts.Count> byStatusAndRegime = requests.countByStatusAndRegime().stream()
                .map(row -> new RequestCounts.Count((RequestStatus) row[0], (Regime) row[1],
                        (Long) row[2]))
                .toList();
        List<RequestStatus> awaiting = RequestStatus.awaitingAnswer();
        long dueSoon = requests.countByStatusInAndDueGreaterThanEqualAndDueLessThan(awaiting, today,
                today.plusDays(daysAhead + 1L));
        long overdue = requests.countByStatusInAndDueLessThan(awaiting, today);
        return new RequestCounts(byStatusAndRegime, dueSoon, overdue);
    }
}
