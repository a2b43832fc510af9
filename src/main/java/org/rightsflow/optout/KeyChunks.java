package org.rightsflow.optout;

import java.util.Collections;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Reads by many subject keys at once without one query per key and without an IN list no database accepts: the
 * distinct keys in chunks, each with its placeholders ({@code ?,?,?}) ready for {@code where subject_key in (...)}.
 */
final class KeyChunks {

    /** Keys per IN list. */
    static final int SIZE = 500;

    private KeyChunks() {
    }

    /** Calls {@code query} with each chunk of the distinct keys and its placeholders. */
    static void forEach(List<String> keys, BiConsumer<List<String>, String> query) {
        List<String> distinct = keys.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += SIZE) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + SIZE));
            query.accept(chunk, String.join(",", Collections.nCopies(chunk.size(), "?")));
        }
    }
}
