package org.iommuc.generator.java;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iommuc.dsl.model.Binary;
import org.iommuc.dsl.model.BinaryOp;
import org.iommuc.dsl.model.Decode;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Direction;
import org.iommuc.dsl.model.Effect;
import org.iommuc.dsl.model.EntryKind;
import org.iommuc.dsl.model.Expr;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.Field;
import org.iommuc.dsl.model.Format;
import org.iommuc.dsl.model.Level;
import org.iommuc.dsl.model.RegRead;
import org.iommuc.dsl.model.Register;
import org.iommuc.dsl.model.Rule;
import org.iommuc.dsl.model.Setting;
import org.iommuc.dsl.model.TranslationMode;
import org.iommuc.dsl.semantics.CodecException;
import org.iommuc.dsl.semantics.EntryCodec;
import org.iommuc.dsl.semantics.WalkGeometry;
import org.iommuc.runtime.IommuEngine;

/**
 * A minimal driver for any description, working from the description alone: it sets the root
 * register by inverting the root expression, turns translation on by writing what the first
 * unguarded {@code translation on} rule compares, and maps pages by writing entries built with
 * {@link EntryCodec} into memory (cleaned for a non-coherent walker).
 */
final class Driver {

    final Description d;
    final IommuEngine model;
    private final Map<Long, Long> written = new HashMap<>();
    private long nextTable = 0x10_0000;

    Driver(Description d, IommuEngine model) {
        this.d = d;
        this.model = model;
    }

    /** Allocates an aligned table for a level. */
    long allocateTable(Level level) {
        long align = Math.max(1L << 20, Long.highestOneBit(Math.max(1, tableBytes(level)) * 2 - 1));
        long table = (nextTable + align - 1) & -align;
        nextTable = table + align;
        return table;
    }

    long tableBytes(Level level) {
        return level.size().map(e -> Exprs.constant(e).orElse(0)).orElse(WalkGeometry.entries(level) * entryBytes(level));
    }

    int entryBytes(Level level) {
        return d.format(level.kinds().get(0).format().text()).orElseThrow().widthValue() / 8;
    }

    /** Writes the root register(s) so that the root expression gives {@code table}. */
    void setRoot(long table) {
        Expr root = d.walk().get().root().get();
        if (root instanceof RegRead r) {
            writeRegister(r, table);
        } else if (root instanceof Binary b && b.op() == BinaryOp.SHL && b.left() instanceof RegRead r) {
            writeRegister(r, table >>> Exprs.constant(b.right()).getAsLong());
        } else if (root instanceof Decode dec && dec.value() instanceof RegRead r) {
            writeRegister(r, encode(d.format(dec.format()).orElseThrow(), table, EnumSet.noneOf(Direction.class)));
        } else {
            throw new AssertionError("the test cannot invert the root " + Exprs.text(root));
        }
    }

    private void writeRegister(RegRead r, long value) {
        Register register = d.register(r.register()).orElseThrow();
        long v = value;
        if (r.field().isPresent()) {
            Field f = register.field(r.field().get()).orElseThrow();
            v = (value << f.bits().low()) & f.bits().mask();
        }
        model.mmioWrite(register.offsetValue(), register.widthValue(), v);
    }

    /** The first unguarded rule that turns translation on, if any. */
    Optional<Rule> enableRule() {
        for (Rule r : d.rules()) {
            if (r.trigger() == Direction.WRITE && r.guard().isEmpty() && r.target().index().isEmpty()
                    && r.compare().map(op -> op == BinaryOp.EQ).orElse(true) && turnsOn(r.effects())) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    private static boolean turnsOn(List<Effect> effects) {
        for (Effect e : effects) {
            if (e instanceof Effect.Translation t && t.mode() == TranslationMode.ON) {
                return true;
            }
        }
        return false;
    }

    /** Turns translation on through the description's own rule; false when it has none. */
    boolean enable() {
        Optional<Rule> rule = enableRule();
        if (rule.isEmpty()) {
            return false;
        }
        Rule r = rule.get();
        Register register = d.register(r.target().register().text()).orElseThrow();
        long value = r.value().map(e -> Exprs.constant(e).orElse(0)).orElse(0L);
        if (r.target().field().isPresent()) {
            Field f = register.field(r.target().field().get().text()).orElseThrow();
            value = (value << f.bits().low()) & f.bits().mask();
        }
        model.mmioWrite(register.offsetValue(), register.widthValue(), value);
        return true;
    }

    /** The table of each level on the way to {@code iova}'s leaf, after {@link #map}. */
    List<Long> map(long root, long iova, long pa) {
        List<Long> tables = new ArrayList<>();
        long table = root;
        List<Level> levels = d.levels();
        for (int i = 0; i < levels.size(); i++) {
            Level level = levels.get(i);
            tables.add(table);
            long index = level.isFixed() ? level.fixedIndex().map(Setting::value).orElse(0L)
                    : WalkGeometry.split(d, iova).get(i).index();
            long address = table + index * entryBytes(level);
            if (i == levels.size() - 1) {
                EntryKind leaf = smallestLeaf(level);
                Format format = d.format(leaf.format().text()).orElseThrow();
                write(address, entryBytes(level), encode(format, pa, EnumSet.of(Direction.READ, Direction.WRITE)));
                return tables;
            }
            EntryKind kind = tableKind(level);
            EntryCodec codec = EntryCodec.of(d.format(kind.format().text()).orElseThrow());
            Long existing = written.get(address);
            if (existing != null && codec.matches(existing)) {
                table = codec.address(existing);
                continue;
            }
            long next = allocateTable(levels.get(i + 1));
            write(address, entryBytes(level), encode(codec.format(), next, EnumSet.noneOf(Direction.class)));
            table = next;
        }
        return tables;
    }

    EntryKind smallestLeaf(Level level) {
        EntryKind best = null;
        for (EntryKind k : level.kinds()) {
            if (k.leaf() && (best == null || k.pageSizeValue() < best.pageSizeValue())) {
                best = k;
            }
        }
        return best;
    }

    private static EntryKind tableKind(Level level) {
        for (EntryKind k : level.kinds()) {
            if (!k.leaf()) {
                return k;
            }
        }
        throw new AssertionError("level " + level.name().text() + " has no table kind");
    }

    void write(long address, int bytes, long value) {
        written.put(address, value);
        model.cpuWrite(address, bytes, value);
        model.clean(address, bytes);
    }

    static long encode(Format format, long address, EnumSet<Direction> prot) {
        try {
            return EntryCodec.of(format).encode(address, prot, Map.of());
        } catch (CodecException e) {
            throw new AssertionError(e);
        }
    }
}
