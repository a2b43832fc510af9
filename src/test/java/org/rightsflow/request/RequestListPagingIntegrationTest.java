package org.rightsflow.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rightsflow.audit.Actors;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;
import org.rightsflow.testsupport.RightsflowIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The staff requests list read page by page from the database: pages are full, continue one another most recent
 * first with nothing missing or twice (requests received at the same instant included), and a system owner's list
 * holds only the types asked for. The context is shared with other tests, which add requests of their own: the
 * checks hold for whatever else is there.
 */
@RightsflowIntegrationTest
class RequestListPagingIntegrationTest {

    @Autowired
    RequestIntake intake;

    @Autowired
    RequestDirectory directory;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void pagesContinueOneAnotherMostRecentFirst() {
        Instant sameInstant = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            mine.add(submit(RequestType.ACCESS, i < 4 ? sameInstant : sameInstant.minus(i, ChronoUnit.HOURS)));
        }

        List<RequestSummary> all = new ArrayList<>();
        Page<RequestSummary> page = directory.page(null, 0, 3);
        long total = page.getTotalElements();
        while (true) {
            assertThat(page.getContent().size()).isLessThanOrEqualTo(3);
            all.addAll(page.getContent());
            if (!page.hasNext()) {
                break;
            }
            assertThat(page.getContent()).as("every page but the last is full").hasSize(3);
            page = directory.page(null, page.getNumber() + 1, 3);
        }

        Integer rows = jdbc.queryForObject("select count(*) from dsr_request", Integer.class);
        assertThat(all).hasSize(rows).hasSize((int) total);
        assertThat(new HashSet<>(all.stream().map(RequestSummary::reference).toList())).hasSize(rows);
        assertThat(all).extracting(RequestSummary::reference).containsAll(mine);
        assertThat(all).extracting(RequestSummary::receivedAt)
                .isSortedAccordingTo(Comparator.<Instant>naturalOrder().reversed());
        assertThat(directory.page(null, 1_000, 3).getContent()).as("past the end").isEmpty();
    }

    /**
     * A searched list's later pages read their ids first, then the rows (RequestSearchQuery.page): in every order,
     * the pages of three continue one another exactly as the single page of ten that is read in one query, ties
     * (four requests received at the same instant, so due the same day) broken by the id the same way.
     */
    @Test
    void searchedPagesReadIdsFirstAndContinueOneAnotherInEveryOrder() {
        String email = "paging-search-" + UUID.randomUUID() + "@example.com";
        Instant sameInstant = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 7; i++) {
            intake.submit(new NewRequest(RequestType.ACCESS, Regime.GDPR, new SubjectIdentity(email, "Pat Paging", null),
                    "", org.rightsflow.request.Channel.POST, i < 4 ? sameInstant : sameInstant.minus(i, ChronoUnit.DAYS),
                    Actors.SUBJECT, null));
        }
        for (RequestSearch.Sort sort : RequestSearch.Sort.values()) {
            RequestSearch search = new RequestSearch(null, email.toUpperCase(), null, null, null, null, null, null,
                    null, false, null, sort);
            List<String> whole = directory.search(search, 0, 10).getContent().stream()
                    .map(RequestSummary::reference).toList();
            List<String> paged = new ArrayList<>();
            for (int number = 0; number < 3; number++) {
                paged.addAll(directory.search(search, number, 3).getContent().stream()
                        .map(RequestSummary::reference).toList());
            }
            assertThat(whole).as(sort.name()).hasSize(7);
            assertThat(paged).as(sort + ": pages of three").isEqualTo(whole);
            assertThat(directory.search(search, 5, 3).getContent()).as("past the end").isEmpty();
        }
    }

    @Test
    void anOwnersListHoldsOnlyTheTypesTheirSystemsTakePartIn() {
        String correction = submit(RequestType.CORRECTION, null);
        submit(RequestType.ACCESS, null);

        Page<RequestSummary> corrections = directory.page(Set.of(RequestType.CORRECTION), 0, 500);

        assertThat(corrections.getContent()).extracting(RequestSummary::type).containsOnly(RequestType.CORRECTION);
        assertThat(corrections.getContent()).extracting(RequestSummary::reference).contains(correction);
        assertThat(directory.page(Set.of(), 0, 50).getTotalElements()).as("no system: no request").isZero();
    }

    private String submit(RequestType type, Instant receivedAt) {
        return intake.submit(new NewRequest(type, Regime.GDPR,
                new SubjectIdentity("paging-" + UUID.randomUUID() + "@example.com", "Pat Paging", null), "",
                org.rightsflow.request.Channel.WEB_FORM, receivedAt, Actors.SUBJECT,
                type == RequestType.CORRECTION ? java.util.Map.of("last_name", "Paging") : null))
                .request().reference();
    }
}
