package org.rightsflow.reporting;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.rightsflow.deadline.StatutoryClock;
import org.springframework.stereotype.Service;

/**
 * The figures the public transparency page publishes: for a past calendar year, per right (access, deletion,
 * correction, opt-out), the requests received, complied with in whole or in part, denied, and the median days to
 * respond. They are the §7102 rows of {@link RequestFigures}, all laws together, with no reference or anything else
 * of a person; each year's are counted at most once per {@link TransparencyProperties#cacheFor()}.
 */
@Service
public class Transparency {

    /** The rights the page names, in its order. */
    public static final Set<RequestMetrics.Kind> RIGHTS = Set.of(RequestMetrics.Kind.KNOW,
            RequestMetrics.Kind.DELETE, RequestMetrics.Kind.CORRECT, RequestMetrics.Kind.OPT_OUT);

    /** How many past years the page offers: the last calendar year and the one before. */
    static final int YEARS_OFFERED = 2;

    private final RequestFigures figures;
    private final StatutoryClock statutoryClock;
    private final Clock clock;
    private final TransparencyProperties properties;
    private final Cache<Integer, Figures> cache;

    Transparency(RequestFigures figures, StatutoryClock statutoryClock, Clock clock,
                 TransparencyProperties properties) {
        this.figures = figures;
        this.statutoryClock = statutoryClock;
        this.clock = clock;
        this.properties = properties;
        this.cache = Caffeine.newBuilder().maximumSize(YEARS_OFFERED).expireAfterWrite(properties.cacheFor()).build();
    }

    /**
     * The figures of one year.
     *
     * @param year   the calendar year, in the statutory clock's zone
     * @param rows   one per right of {@link #RIGHTS}, in the order of {@link RequestMetrics.Kind}
     * @param counted when they were counted (the page may show figures up to {@code cacheFor} old)
     */
    public record Figures(int year, List<RequestMetrics.Row> rows, Instant counted) {
    }

    public boolean enabled() {
        return properties.enabled();
    }

    /** The years the page offers, the last calendar year first. */
    public List<Integer> years() {
        int last = statutoryClock.dateOf(clock.instant()).getYear() - 1;
        return IntStream.range(0, YEARS_OFFERED).mapToObj(i -> last - i).toList();
    }

    /** The figures of {@code year}; empty when the page does not offer that year. */
    public Optional<Figures> of(int year) {
        if (!years().contains(year)) {
            return Optional.empty();
        }
        return Optional.of(cache.get(year, y -> new Figures(y, figures.year(y, Optional.empty()).stream()
                .filter(row -> RIGHTS.contains(row.kind())).toList(), clock.instant())));
    }
}
