package org.rightsflow.database;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Marks the thread of a servlet request while it is served, so that {@link PoolRoutingDataSource} hands it
 * connections of the web pool. First of all filters, so that the session store's writes at the end of a request
 * count as the request's too.
 */
final class WebThreads extends OncePerRequestFilter {

    private static final ThreadLocal<Boolean> SERVING = new ThreadLocal<>();

    static boolean servingRequest() {
        return SERVING.get() != null;
    }

    /** Runs {@code work} on this thread as a servlet request would: for tests of the pools. */
    static <E extends Exception> void asRequest(ThrowingRunnable<E> work) throws E {
        Boolean before = SERVING.get();
        SERVING.set(Boolean.TRUE);
        try {
            work.run();
        } finally {
            if (before == null) {
                SERVING.remove();
            }
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (servingRequest()) { // a forward or include inside the request
            chain.doFilter(request, response);
            return;
        }
        SERVING.set(Boolean.TRUE);
        try {
            chain.doFilter(request, response);
        } finally {
            SERVING.remove();
        }
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @FunctionalInterface
    interface ThrowingRunnable<E extends Exception> {
        void run() throws E;
    }
}
