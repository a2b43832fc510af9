package org.rightsflow.request;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The staff list's search as JPQL: a fixed condition per criterion given, each value a bound parameter, so the
 * statement text takes one of a few shapes and Hibernate's cache of translated queries keeps them (a criteria tree
 * would be translated again on every view; see {@link Requests}). The database sorts and cuts the page.
 */
@Component
class RequestSearchQuery {

    private final EntityManager entities;
    private final PersonalFields fields;

    RequestSearchQuery(EntityManager entities, PersonalFields fields) {
        this.entities = entities;
        this.fields = fields;
    }

    /**
     * A page of the search. The first page is one query. A later one reads the page's ids first, then their rows: the
     * database skips the rows before the page in the index alone (an index-only scan of the sort's index where no
     * filter needs the table), instead of reading every skipped row from the table. Measured in PostgreSQL with
     * 100,000 requests, page 1,900 of the list by due date: 227 ms in one query, 76 ms ids first
     * (docs/performance.md).
     */
    List<DataSubjectRequest> page(RequestSearch search, int offset, int size) {
        Condition condition = condition(search);
        if (offset == 0) {
            TypedQuery<DataSubjectRequest> query = entities.createQuery(
                    "select r from DataSubjectRequest r" + condition.where() + search.sort().orderBy(),
                    DataSubjectRequest.class);
            condition.parameters().forEach(query::setParameter);
            return query.setMaxResults(size).getResultList();
        }
        TypedQuery<Long> ids = entities.createQuery(
                "select r.id from DataSubjectRequest r" + condition.where() + search.sort().orderBy(), Long.class);
        condition.parameters().forEach(ids::setParameter);
        List<Long> page = ids.setFirstResult(offset).setMaxResults(size).getResultList();
        if (page.isEmpty()) {
            return List.of();
        }
        return entities.createQuery("select r from DataSubjectRequest r where r.id in :ids" + search.sort().orderBy(),
                DataSubjectRequest.class).setParameter("ids", page).getResultList();
    }

    long count(RequestSearch search) {
        Condition condition = condition(search);
        TypedQuery<Long> query = entities.createQuery(
                "select count(r) from DataSubjectRequest r" + condition.where(), Long.class);
        condition.parameters().forEach(query::setParameter);
        return query.getSingleResult();
    }

    /** The key under which a search's total may be cached: its conditions and values, never an address in clear. */
    String totalKey(RequestSearch search) {
        Condition condition = condition(search);
        return condition.where() + condition.parameters();
    }

    private Condition condition(RequestSearch search) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (search.reference() != null) {
            and(where, "r.reference = :reference");
            parameters.put("reference", search.reference());
        }
        if (search.email() != null) {
            // The address is sealed; its keyed hash is the same for any case of it (PersonalFields.emailHash).
            and(where, "r.subjectEmailHash = :emailHash");
            parameters.put("emailHash", fields.emailHash(search.email()));
        }
        if (search.status() != null) {
            and(where, "r.status = :status");
            parameters.put("status", search.status());
        }
        if (search.type() != null) {
            and(where, "r.type = :type");
            parameters.put("type", search.type());
        }
        if (search.regime() != null) {
            and(where, "r.regime = :regime");
            parameters.put("regime", search.regime());
        }
        if (search.types() != null) {
            and(where, "r.type in :types");
            parameters.put("types", List.copyOf(new java.util.TreeSet<>(search.types())));
        }
        if (search.references() != null) {
            and(where, "r.reference in :references");
            parameters.put("references", List.copyOf(new java.util.TreeSet<>(search.references())));
        }
        if (search.dueFrom() != null) {
            and(where, "r.due >= :dueFrom");
            parameters.put("dueFrom", search.dueFrom());
        }
        if (search.dueTo() != null) {
            and(where, "r.due <= :dueTo");
            parameters.put("dueTo", search.dueTo());
        }
        if (search.overdue()) {
            // The rule of RequestCounts' overdue figure: not yet answered, due before today.
            and(where, "r.status in :awaiting and r.due < :today");
            parameters.put("awaiting", RequestStatus.awaitingAnswer());
            parameters.put("today", search.today());
        }
        return new Condition(where.toString(), parameters);
    }

    private static void and(StringBuilder where, String condition) {
        where.append(where.isEmpty() ? " where " : " and ").append(condition);
    }

    private record Condition(String where, Map<String, Object> parameters) {
    }
}
