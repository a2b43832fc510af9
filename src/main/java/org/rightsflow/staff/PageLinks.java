package org.rightsflow.staff;

import java.util.ArrayList;
import java.util.List;

/**
 * The page navigation under a paged list: the first and last page, and two on either side of the current one, with
 * gaps between. Pages count from 1.
 *
 * @param items the page numbers to link, in order, with null where pages are left out
 */
public record PageLinks(int current, int last, List<Integer> items) {

    static PageLinks of(int current, int last) {
        int top = Math.max(1, last);
        int page = Math.min(Math.max(current, 1), top);
        List<Integer> items = new ArrayList<>();
        for (int n = 1; n <= top; n++) {
            if (n == 1 || n == top || Math.abs(n - page) <= 2) {
                items.add(n);
            } else if (!items.isEmpty() && items.get(items.size() - 1) != null) {
                items.add(null);
            }
        }
        return new PageLinks(page, top, items);
    }

    /** The page asked for in a link; anything that is not a page number is the first page. */
    static int number(String requested) {
        try {
            return Math.max(1, Integer.parseInt(requested.strip()));
        } catch (NumberFormatException | NullPointerException e) {
            return 1;
        }
    }

    /** Navigation is shown only when there is more than one page. */
    public boolean needed() {
        return last > 1;
    }

    public boolean hasPrevious() {
        return current > 1;
    }

    public boolean hasNext() {
        return current < last;
    }
}
