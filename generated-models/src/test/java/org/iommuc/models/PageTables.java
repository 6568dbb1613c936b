package org.iommuc.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.EntryKind;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.Level;
import org.iommuc.dsl.semantics.WalkGeometry;
import org.iommuc.runtime.IommuModel;

/**
 * Page tables built in a model's memory as a driver builds them: entries encoded by the
 * generated codec classes, written with {@code cpuWrite} and cleaned for the walker. Where the
 * tables go and which slot an IOVA takes comes from the description (its levels, index bits,
 * entry kinds and page sizes), so the same code serves every example.
 */
final class PageTables {

    private final GeneratedExample example;
    private final Description d;
    private final IommuModel model;
    private final Map<Long, Long> written = new HashMap<>();
    private long nextTable = 0x10_0000;

    /** The first-level table. */
    final long root;

    PageTables(GeneratedExample example, IommuModel model) {
        this.example = example;
        this.d = example.description();
        this.model = model;
        this.root = allocate(d.levels().get(0));
    }

    /** A zeroed table for a level, aligned to its size (at least 1 MiB apart). */
    long allocate(Level level) {
        long bytes = Math.max(1, tableBytes(level));
        long align = Math.max(1L << 20, Long.highestOneBit(bytes * 2 - 1));
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

    /**
     * Maps the page of {@code leaf} (a kind of level {@code leafLevel}) that holds {@code iova}
     * to {@code pa}, writing table entries on the way where there are none yet and the leaf to
     * as many consecutive slots as the kind replicates.
     *
     * @return the table of each level walked, first level first
     */
    List<Long> map(long iova, long pa, int leafLevel, EntryKind leaf, boolean read, boolean write) {
        List<Level> levels = d.levels();
        List<WalkGeometry.LevelIndex> indices = WalkGeometry.split(d, iova);
        List<Long> tables = new ArrayList<>();
        long table = root;
        for (int i = 0; i < leafLevel; i++) {
            tables.add(table);
            table = nextTable(levels, i, table + indices.get(i).index() * entryBytes(levels.get(i)));
        }
        tables.add(table);
        Level level = levels.get(leafLevel);
        GeneratedCodec codec = example.codec(leaf.format().text());
        long entry = codec.encode(pa, read, write);
        assertThat(codec.address(entry)).as("%s holds the address 0x%X", codec, pa).isEqualTo(pa);
        int copies = leaf.contiguousValue();
        long first = indices.get(leafLevel).index() & -(long) copies;
        for (int c = 0; c < copies; c++) {
            write(table + (first + c) * entryBytes(level), entryBytes(level), entry);
        }
        return tables;
    }

    /** Maps a page of the leaf kind of format {@code format}, at the level that has it. */
    List<Long> map(long iova, long pa, String format, boolean read, boolean write) {
        List<Level> levels = d.levels();
        for (int i = 0; i < levels.size(); i++) {
            for (EntryKind k : levels.get(i).kinds()) {
                if (k.leaf() && k.format().text().equals(format)) {
                    return map(iova, pa, i, k, read, write);
                }
            }
        }
        throw new AssertionError(d.name().text() + " has no leaf of format " + format);
    }

    /** The table the entry at {@code address} of level {@code i} points at; written when empty. */
    private long nextTable(List<Level> levels, int i, long address) {
        EntryKind kind = tableKind(levels.get(i));
        GeneratedCodec codec = example.codec(kind.format().text());
        Long existing = written.get(address);
        if (existing != null && codec.matches(existing)) {
            return codec.address(existing);
        }
        long next = allocate(levels.get(i + 1));
        write(address, entryBytes(levels.get(i)), codec.encode(next, false, false));
        return next;
    }

    private static EntryKind tableKind(Level level) {
        for (EntryKind k : level.kinds()) {
            if (!k.leaf()) {
                return k;
            }
        }
        throw new AssertionError("level " + level.name().text() + " has no table kind");
    }

    /** A driver's table write: the CPU writes the entry, then cleans it for the walker. */
    void write(long address, int bytes, long value) {
        written.put(address, value);
        model.cpuWrite(address, bytes, value);
        model.clean(address, bytes);
    }
}
