package org.rightsflow.connector.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A sql system's connection settings and dataset mapping, validated (read by {@link MappingReader}).
 *
 * @param tables every table, parents before their children (pre-order from the identity table)
 */
record SqlMapping(ConnectionSettings connection, MappedTable identityTable, List<MappedTable> tables) {

    SqlMapping {
        tables = List.copyOf(tables);
    }

    /** Children before their parents: the order in which deletes keep every foreign key intact. */
    List<MappedTable> childrenFirst() {
        List<MappedTable> reversed = new ArrayList<>(tables);
        // The reverse of a pre-order visits every table after all of its descendants.
        Collections.reverse(reversed);
        return reversed;
    }

    boolean usesHash() {
        return tables.stream().flatMap(t -> t.erasure().columns().stream())
                .anyMatch(rule -> rule.strategy() == Strategy.HASH);
    }
}
