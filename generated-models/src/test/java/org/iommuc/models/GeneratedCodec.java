package org.iommuc.models;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The static methods of one generated codec class, called by name, so that one test can run
 * over the codecs of every example. Field accessors are found by the field's name without its
 * underscores ({@code override_cache} is {@code overrideCache}), setters with {@code with}
 * before it.
 */
final class GeneratedCodec {

    private static final Set<String> FIXED = Set.of("matches", "address", "packaddress", "encode", "withaddress");
    private static final MethodType LONG_LONG = MethodType.methodType(long.class, long.class);
    private static final MethodType LONG_LONG_LONG = MethodType.methodType(long.class, long.class, long.class);

    private final Class<?> type;
    private final Map<String, MethodHandle> handles = new HashMap<>();

    GeneratedCodec(Class<?> type) {
        this.type = type;
    }

    Class<?> type() {
        return type;
    }

    boolean matches(long entry) {
        return (boolean) call("matches", MethodType.methodType(boolean.class, long.class), entry);
    }

    long encode(long oa, boolean read, boolean write) {
        return (long) call("encode", MethodType.methodType(long.class, long.class, boolean.class, boolean.class), oa, read,
                write);
    }

    long address(long entry) {
        return (long) call("address", LONG_LONG, entry);
    }

    long packAddress(long oa) {
        return (long) call("packAddress", LONG_LONG, oa);
    }

    long withAddress(long entry, long oa) {
        return (long) call("withAddress", LONG_LONG_LONG, entry, oa);
    }

    boolean hasAddress() {
        return hasMethod("address");
    }

    /** Field {@code name} of {@code entry}. */
    long field(String name, long entry) {
        return (long) call(method(name, ""), LONG_LONG, entry);
    }

    /** True when the field can be set (tags cannot). */
    boolean hasSetter(String name) {
        return findMethod(name, "with") != null;
    }

    long with(String name, long entry, long value) {
        return (long) call(method(name, "with"), LONG_LONG_LONG, entry, value);
    }

    /** A public static constant of the class, as a long. */
    long constant(String name) {
        try {
            return ((Number) type.getField(name).get(null)).longValue();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(type.getSimpleName() + " has no constant " + name, e);
        }
    }

    private String method(String field, String prefix) {
        String found = findMethod(field, prefix);
        if (found == null) {
            throw new AssertionError(type.getSimpleName() + " has no method for field " + field);
        }
        return found;
    }

    private String findMethod(String field, String prefix) {
        String wanted = (prefix + field).replace("_", "").toLowerCase(Locale.ROOT);
        for (Method m : type.getMethods()) {
            String name = m.getName().toLowerCase(Locale.ROOT);
            if (Modifier.isStatic(m.getModifiers()) && name.equals(wanted) && !FIXED.contains(name)) {
                return m.getName();
            }
        }
        return null;
    }

    private boolean hasMethod(String name) {
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private Object call(String name, MethodType methodType, Object... args) {
        try {
            MethodHandle handle = handles.get(name + methodType);
            if (handle == null) {
                handle = MethodHandles.publicLookup().findStatic(type, name, methodType);
                handles.put(name + methodType, handle);
            }
            return handle.invokeWithArguments(args);
        } catch (Throwable e) {
            throw new AssertionError(type.getSimpleName() + "." + name, e);
        }
    }

    @Override
    public String toString() {
        return type.getSimpleName();
    }
}
