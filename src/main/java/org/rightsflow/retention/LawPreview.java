package org.rightsflow.retention;

import java.time.Instant;
import java.time.Period;
import org.rightsflow.deadline.Regime;

/** One law in the purge preview: its period, the moment before which a closed request is past it, and how many are. */
public record LawPreview(Regime law, Period period, Instant closedBefore, long requests) {
}
