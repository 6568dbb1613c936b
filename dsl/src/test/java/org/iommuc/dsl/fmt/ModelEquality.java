package org.iommuc.dsl.fmt;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iommuc.dsl.source.SourceFile;
import org.iommuc.dsl.source.Span;

/**
 * Structural equality of model values that ignores where things were written: records are
 * compared component by component, skipping {@link Span}s (and the {@link SourceFile} a file
 * declaration carries); lists, maps and optionals element by element; anything else by
 * {@code equals}.
 */
final class ModelEquality {

    private ModelEquality() {}

    /** Empty when equal apart from spans; else the path of the first difference and the two values. */
    static Optional<String> difference(Object a, Object b) {
        return difference(a, b, "model");
    }

    private static Optional<String> difference(Object a, Object b, String path) {
        if (a == b || a instanceof Span && b instanceof Span || a instanceof SourceFile && b instanceof SourceFile) {
            return Optional.empty();
        }
        if (a == null || b == null || a.getClass() != b.getClass()) {
            return Optional.of(path + ": " + a + " <> " + b);
        }
        if (a.getClass().isRecord()) {
            return recordDifference(a, b, path);
        }
        if (a instanceof List<?> left) {
            return listDifference(left, (List<?>) b, path);
        }
        if (a instanceof Optional<?> left) {
            Optional<?> right = (Optional<?>) b;
            if (left.isPresent() != right.isPresent()) {
                return Optional.of(path + ": " + left + " <> " + right);
            }
            return left.isPresent() ? difference(left.get(), right.get(), path + ".get()") : Optional.empty();
        }
        if (a instanceof Map<?, ?> left) {
            return mapDifference(left, (Map<?, ?>) b, path);
        }
        return a.equals(b) ? Optional.empty() : Optional.of(path + ": " + a + " <> " + b);
    }

    private static Optional<String> recordDifference(Object a, Object b, String path) {
        for (RecordComponent component : a.getClass().getRecordComponents()) {
            if (component.getType() == Span.class) {
                continue;
            }
            Optional<String> difference = difference(value(component, a), value(component, b),
                    path + "." + component.getName());
            if (difference.isPresent()) {
                return difference;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> listDifference(List<?> a, List<?> b, String path) {
        if (a.size() != b.size()) {
            return Optional.of(path + ": " + a.size() + " elements <> " + b.size());
        }
        for (int i = 0; i < a.size(); i++) {
            Optional<String> difference = difference(a.get(i), b.get(i), path + "[" + i + "]");
            if (difference.isPresent()) {
                return difference;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> mapDifference(Map<?, ?> a, Map<?, ?> b, String path) {
        if (!a.keySet().equals(b.keySet())) {
            return Optional.of(path + ": keys " + a.keySet() + " <> " + b.keySet());
        }
        Iterator<? extends Map.Entry<?, ?>> entries = a.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<?, ?> entry = entries.next();
            Optional<String> difference = difference(entry.getValue(), b.get(entry.getKey()), path + "[" + entry.getKey() + "]");
            if (difference.isPresent()) {
                return difference;
            }
        }
        return Optional.empty();
    }

    private static Object value(RecordComponent component, Object record) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }
}
