package org.iommuc.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A trace that keeps every event, for tests, differential runs and reports. */
public final class RecordingTrace implements Trace {

    private final List<Event> events = new ArrayList<>();

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public void add(Event event) {
        events.add(event);
    }

    public List<Event> events() {
        return Collections.unmodifiableList(events);
    }

    public void clear() {
        events.clear();
    }

    /** One event per line, numbered from 1. */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < events.size(); i++) {
            out.append(i + 1).append(": ").append(events.get(i)).append('\n');
        }
        return out.toString();
    }

    /**
     * The first difference from another trace, as "event N: expected X, got Y" with the events
     * before it for context; empty when the traces are equal.
     */
    public String firstDifference(RecordingTrace expected, int context) {
        List<Event> mine = events;
        List<Event> theirs = expected.events;
        int n = Math.min(mine.size(), theirs.size());
        int i = 0;
        while (i < n && mine.get(i).equals(theirs.get(i))) {
            i++;
        }
        if (i == n && mine.size() == theirs.size()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int k = Math.max(0, i - context); k < i; k++) {
            out.append("  ").append(k + 1).append(": ").append(mine.get(k)).append('\n');
        }
        out.append("first difference at event ").append(i + 1).append(":\n");
        out.append("  expected: ").append(i < theirs.size() ? theirs.get(i) : "(end of trace)").append('\n');
        out.append("  got:      ").append(i < mine.size() ? mine.get(i) : "(end of trace)").append('\n');
        return out.toString();
    }
}
