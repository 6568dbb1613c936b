package org.iommuc.sim;

import java.util.List;
import org.iommuc.runtime.Event;
import org.iommuc.runtime.RecordingTrace;

/** Trace helpers for the walk tests. */
final class WalkTesting {

    private WalkTesting() {}

    /** The events from index {@code from} on, as text lines. */
    static List<String> lines(RecordingTrace trace, int from) {
        return trace.events().subList(from, trace.events().size()).stream().map(Event::toString).toList();
    }
}
