package org.rightsflow.request;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import org.rightsflow.deadline.Regime;
import org.rightsflow.deadline.RequestType;

/**
 * What the staff requests list is narrowed to. Every criterion is optional (null: any); the ones given must all
 * hold. Values arrive already checked (staff.RequestSearchForm): this record only carries them to the query, where
 * each is a bound parameter.
 *
 * @param reference  the exact reference
 * @param email      the subject's exact address, in any case: compared through its keyed hash, never in clear
 * @param status     the request's status
 * @param type       the request's type
 * @param regime     the law it is handled under
 * @param types      only requests of these types: what a system owner may see, or what a connected system takes
 *                   part in (an empty set finds nothing)
 * @param references only these requests (those with a task held by the assignee asked for; empty finds nothing)
 * @param dueFrom    due on or after this day
 * @param dueTo      due on or before this day
 * @param overdue    only requests not yet answered whose due date has passed ({@code today} says which day it is)
 * @param sort       the order of the list
 */
public record RequestSearch(String reference, String email, RequestStatus status, RequestType type, Regime regime,
                            Set<RequestType> types, Collection<String> references, LocalDate dueFrom,
                            LocalDate dueTo, boolean overdue, LocalDate today, Sort sort) {

    /** The list as it was before searching: everything the caller may see, most recent first. */
    public static RequestSearch everything(Set<RequestType> types) {
        return new RequestSearch(null, null, null, null, null, types, null, null, null, false, null,
                Sort.RECEIVED_DESC);
    }

    public RequestSearch {
        sort = sort == null ? Sort.RECEIVED_DESC : sort;
        if (overdue && today == null) {
            throw new IllegalArgumentException("Overdue needs today's date");
        }
    }

    /** Whether the search can find nothing without asking the database. */
    boolean findsNothing() {
        return (types != null && types.isEmpty()) || (references != null && references.isEmpty())
                || (dueFrom != null && dueTo != null && dueFrom.isAfter(dueTo));
    }

    /** The orders the list offers; the id always breaks ties, so that pages neither overlap nor skip a request. */
    public enum Sort {
        RECEIVED_DESC("receivedAt", false),
        RECEIVED_ASC("receivedAt", true),
        DUE_ASC("due", true),
        DUE_DESC("due", false);

        private final String property;
        private final boolean ascending;

        Sort(String property, boolean ascending) {
            this.property = property;
            this.ascending = ascending;
        }

        String orderBy() {
            String direction = ascending ? " asc" : " desc";
            return " order by r." + property + direction + ", r.id" + direction;
        }
    }
}
