package org.iommuc.sim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.iommuc.runtime.Event;
import org.iommuc.runtime.IommuModel;
import org.iommuc.runtime.RecordingTrace;
import org.iommuc.runtime.Trace;

/**
 * Applies one list of operations to two models and compares their traces event for event: a
 * generated model against the interpreter of its description, or two versions of one model.
 * The comparison runs operation by operation, so memory stays small on long runs and the report
 * names the operation that led to the first difference.
 *
 * <pre>{@code
 * List<Operation> ops = Operations.random(description, seed, 100_000);
 * Differential.Result r = Differential.run(generated, Interpreter.model(description), ops);
 * assertThat(r.same()).as(r.report()).isTrue();
 * }</pre>
 */
public final class Differential {

    /** Operations and events shown before the difference. */
    private static final int CONTEXT = 6;

    private Differential() {}

    /**
     * The outcome of a run.
     *
     * @param same whether the traces were equal to the end
     * @param operations operations applied (up to and including the one that diverged)
     * @param events events compared
     * @param operationIndex the index of the operation that led to the first difference, or -1
     * @param report empty when the traces are equal; else a short text: the operation, the ones
     *     before it, the events before the difference, and the two events that differ
     */
    public record Result(boolean same, int operations, long events, int operationIndex, String report) {
        @Override
        public String toString() {
            return same ? "same traces: " + operations + " operations, " + events + " events" : report;
        }
    }

    /**
     * Applies the operations to {@code a} (the expected side, e.g. the interpreter) and {@code b}
     * and stops at the first operation after which their traces differ. Both models' traces are
     * replaced for the run and switched off after it.
     */
    public static Result run(IommuModel a, IommuModel b, List<Operation> operations) {
        RecordingTrace expected = new RecordingTrace();
        RecordingTrace actual = new RecordingTrace();
        a.setTrace(expected);
        b.setTrace(actual);
        Deque<String> recentOperations = new ArrayDeque<>();
        Deque<Event> recentEvents = new ArrayDeque<>();
        long events = 0;
        try {
            for (int i = 0; i < operations.size(); i++) {
                Operation op = operations.get(i);
                String failure = apply(op, a, "a") + apply(op, b, "b");
                int difference = firstDifference(expected.events(), actual.events());
                if (!failure.isEmpty() || difference >= 0) {
                    String report = report(i, op, recentOperations, recentEvents, expected, actual, difference, failure);
                    return new Result(false, i + 1, events + Math.max(0, difference), i, report);
                }
                events += expected.events().size();
                remember(recentOperations, i + ": " + op);
                for (Event e : expected.events()) {
                    remember(recentEvents, e);
                }
                expected.clear();
                actual.clear();
            }
        } finally {
            a.setTrace(Trace.OFF);
            b.setTrace(Trace.OFF);
        }
        return new Result(true, operations.size(), events, -1, "");
    }

    private static String apply(Operation op, IommuModel model, String side) {
        try {
            op.applyTo(model);
            return "";
        } catch (RuntimeException | StackOverflowError e) {
            return "  model " + side + " threw " + e + "\n";
        }
    }

    /** The index of the first differing event, or -1 when the lists are equal. */
    private static int firstDifference(List<Event> a, List<Event> b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            if (!a.get(i).equals(b.get(i))) {
                return i;
            }
        }
        return a.size() == b.size() ? -1 : n;
    }

    private static <T> void remember(Deque<T> recent, T item) {
        recent.addLast(item);
        if (recent.size() > CONTEXT) {
            recent.removeFirst();
        }
    }

    private static String report(int index, Operation op, Deque<String> recentOperations, Deque<Event> recentEvents,
            RecordingTrace expected, RecordingTrace actual, int difference, String failure) {
        StringBuilder out = new StringBuilder();
        out.append("operation ").append(index).append(" (").append(op).append(") led to the first difference\n");
        out.append("operations before it:\n");
        for (String o : recentOperations) {
            out.append("  ").append(o).append('\n');
        }
        out.append(failure);
        if (difference < 0) {
            return out.toString();
        }
        out.append("events before it:\n");
        for (Event e : recentEvents) {
            out.append("  ").append(e).append('\n');
        }
        List<Event> a = expected.events();
        List<Event> b = actual.events();
        for (int k = 0; k < difference; k++) {
            out.append("  ").append(a.get(k)).append('\n');
        }
        out.append("first difference:\n");
        out.append("  a: ").append(difference < a.size() ? a.get(difference) : "(no more events)").append('\n');
        out.append("  b: ").append(difference < b.size() ? b.get(difference) : "(no more events)").append('\n');
        return out.toString();
    }
}
