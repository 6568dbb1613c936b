package org.iommuc.dsl.model;

import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;

/**
 * Name lookups of one description in constant time. {@link Description}'s
 * {@code register(name)}, {@code format(name)}, ... were linear searches, called once per
 * reference by the resolver and the checks, so a description with thousands of registers cost
 * quadratic time. A description is immutable, so its index is built once; the index of the last
 * description used on a thread is kept (weakly, compared by identity), which is what the
 * pipeline's phases and checks need as they go over one description after another.
 */
final class DescriptionIndex {

    private static final ThreadLocal<DescriptionIndex> LAST = new ThreadLocal<>();

    private final WeakReference<Description> owner;
    private final Map<String, Register> registers = new HashMap<>();
    private final Map<String, Format> formats = new HashMap<>();
    private final Map<String, Sequence> sequences = new HashMap<>();
    private final Map<String, Constant> constants = new HashMap<>();
    private final Map<String, Buffer> buffers = new HashMap<>();
    private final Map<String, DtOption> options = new HashMap<>();

    private DescriptionIndex(Description d) {
        owner = new WeakReference<>(d);
        for (Register r : d.registers()) {
            registers.putIfAbsent(r.name().text(), r);
        }
        for (Format f : d.formats()) {
            formats.putIfAbsent(f.name().text(), f);
        }
        for (Sequence s : d.sequences()) {
            sequences.putIfAbsent(s.name().text(), s);
        }
        for (Constant c : d.constants()) {
            constants.putIfAbsent(c.name().text(), c);
        }
        for (Buffer b : d.buffers()) {
            buffers.putIfAbsent(b.name().text(), b);
        }
        for (DtOption o : d.options()) {
            options.putIfAbsent(o.name().text(), o);
        }
    }

    /** The index of a description (the first declaration of a name wins, as a search finds it). */
    static DescriptionIndex of(Description d) {
        DescriptionIndex last = LAST.get();
        if (last != null && last.owner.get() == d) {
            return last;
        }
        DescriptionIndex index = new DescriptionIndex(d);
        LAST.set(index);
        return index;
    }

    Register register(String name) {
        return registers.get(name);
    }

    Format format(String name) {
        return formats.get(name);
    }

    Sequence sequence(String name) {
        return sequences.get(name);
    }

    Constant constant(String name) {
        return constants.get(name);
    }

    Buffer buffer(String name) {
        return buffers.get(name);
    }

    DtOption option(String name) {
        return options.get(name);
    }
}
