package org.iommuc.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.EmptyRule;
import org.iommuc.dsl.model.EntryField;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.Level;
import org.iommuc.dsl.model.Shared;
import org.iommuc.dsl.model.Var;
import org.iommuc.dsl.semantics.CodecException;
import org.iommuc.dsl.semantics.EntryCodec;
import org.iommuc.dsl.semantics.Evaluator;

/**
 * Page tables as a driver builds them for the random operations: the harness's own record of
 * what it wrote (never the model's state), and the {@link Operation.CpuWrite}s and
 * {@link Operation.Clean}s that build them, with entries encoded by {@link EntryCodec} for the
 * description's own formats.
 *
 * <p>Mappings live in a small <b>universe</b> of IOVAs: a few regions, each a window of 64
 * consecutive last-level slots at a random place of the aperture, so that DMA meets the same
 * pages again (TLB hits) and tables stay few. Only the slots the universe uses are filled with a
 * level's empty entry ({@code empty LEVEL = ...}).
 */
final class ShadowTables {

    private static final long TABLE_AREA = 0x0100_0000L;
    private static final int REGIONS = 6;
    private static final int WINDOW = 64;

    /** Where a walk of the shadow tables stopped: the entry's level, address and kind (null: empty). */
    record Slot(int level, long table, long index, long address, long entry, CompiledDescription.KindPlan kind) {}

    private final CompiledDescription d;
    private final Random random;
    private final CompiledDescription.LevelPlan[] levels;
    private final long[] tableSize;
    private final long[] tableAlign;
    private final long[] emptyEntry;
    private final boolean[] emptyIsEntry;
    private final long[] clearMask;
    private final List<Set<Long>> usedIndices = new ArrayList<>();
    private final long tableLimit;
    private final int oaBits;
    private final Map<Long, Long> memory = new HashMap<>();
    private final Map<Long, Integer> tables = new HashMap<>();
    /** The prot a leaf was encoded with, by entry address. */
    private final Map<Long, String> prots = new HashMap<>();
    private final Map<String, Long> shared = new LinkedHashMap<>();
    private final long[] universe;
    private long next = TABLE_AREA;
    private long rootTable;

    ShadowTables(CompiledDescription d, Random random) {
        this.d = d;
        this.random = random;
        this.levels = d.levels;
        int n = levels.length;
        this.tableSize = new long[n];
        this.tableAlign = new long[n];
        this.emptyEntry = new long[n];
        this.emptyIsEntry = new boolean[n];
        this.clearMask = new long[n];
        Description description = d.description;
        this.oaBits = description.oaBitsValue();
        this.tableLimit = limit(Math.min(oaBits, description.tableOaBitsValue()));
        for (int i = 0; i < n; i++) {
            geometry(i, description.levels().get(i));
        }
        this.universe = universe(description);
        for (int i = 0; i < n; i++) {
            Set<Long> used = new TreeSet<>(Long::compareUnsigned);
            for (long iova : universe) {
                used.add(levels[i].index(iova));
            }
            usedIndices.add(used);
        }
    }

    private void geometry(int i, Level level) {
        CompiledDescription.LevelPlan plan = levels[i];
        long entries = plan.fixed() ? plan.fixedIndex() + 1 : plan.entries();
        long size = level.size().map(e -> Exprs.constant(e).orElse(0)).orElse(0L);
        if (size == 0) {
            size = entries * plan.entryBytes();
        }
        long align = level.align().map(e -> Exprs.constant(e).orElse(0)).orElse(size);
        long pointerAlign = 1;
        if (i > 0) {
            for (CompiledDescription.KindPlan k : levels[i - 1].kinds()) {
                if (!k.leaf()) {
                    pointerAlign = Math.max(pointerAlign, 1L << Math.min(62, lowestAddressBit(k.codec())));
                }
            }
        }
        tableSize[i] = Math.max(size, plan.entryBytes());
        tableAlign[i] = Math.max(4096, Math.max(Long.highestOneBit(Math.max(1, align)), pointerAlign));
        clearMask[i] = -1;
        EmptyRule rule = d.description.walk().get().emptyOf(level.name().text()).orElse(null);
        if (rule != null && rule.clearField().isPresent()) {
            for (CompiledDescription.KindPlan k : plan.kinds()) {
                k.codec().entryField(rule.clearField().get().text()).map(EntryField::bits)
                        .ifPresent(b -> clearMask[i] = b.mask());
            }
        }
        emptyIsEntry[i] = rule != null && rule.entry().isPresent();
    }

    private static int lowestAddressBit(EntryCodec codec) {
        long mask = codec.addressMask();
        return mask == 0 ? 0 : Long.numberOfTrailingZeros(mask);
    }

    private long[] universe(Description description) {
        CompiledDescription.LevelPlan last = levels[levels.length - 1];
        int low = last.low();
        long window = last.entries() == 0 ? WINDOW : Math.min(WINDOW, last.entries());
        long span = low + Long.numberOfTrailingZeros(window) >= 63 ? Long.MIN_VALUE : window << low;
        long first = description.apertureFirst();
        long lastIova = description.apertureLast();
        long[] pages = new long[REGIONS * (int) window];
        for (int r = 0; r < REGIONS; r++) {
            long range = lastIova - first + 1;
            long base = range == 0 ? random.nextLong() : first + Long.remainderUnsigned(random.nextLong(), range);
            base &= -span;
            if (Long.compareUnsigned(base, first) < 0) {
                base += span;
            }
            for (int k = 0; k < window; k++) {
                pages[r * (int) window + k] = base + ((long) k << low);
            }
        }
        return pages;
    }

    private static long limit(int bits) {
        return bits >= 64 ? -1L : 1L << bits;
    }

    // ---------------------------------------------------------------------------------------
    // Setup

    /** Allocates the shared pages and tables and the root table, filled as a driver fills them. */
    void init(List<Operation> out) {
        for (Shared s : d.description.walk().get().shared()) {
            if (s.isPage()) {
                long size = Math.max(4096, s.pageSize().get().value());
                shared.put(s.name().text(), allocate(size, size));
            }
        }
        computeEmptyEntries();
        for (Shared s : d.description.walk().get().shared()) {
            if (!s.isPage() && s.level().isPresent()) {
                int level = levelIndex(s.level().get().text());
                if (level >= 0) {
                    shared.put(s.name().text(), allocate(tableSize[level], tableAlign[level]));
                }
            }
        }
        computeEmptyEntries();
        for (Shared s : d.description.walk().get().shared()) {
            if (!s.isPage() && s.level().isPresent()) {
                int level = levelIndex(s.level().get().text());
                if (level >= 0) {
                    fill(shared.get(s.name().text()), level, out);
                }
            }
        }
        rootTable = newTable(0, out);
    }

    private int levelIndex(String name) {
        for (int i = 0; i < levels.length; i++) {
            if (levels[i].name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private void computeEmptyEntries() {
        Evaluator.Env env = new Evaluator.Env() {
            @Override
            public long register(String name, long index) {
                return 0;
            }

            @Override
            public long variable(String name, Var kind) {
                return shared.getOrDefault(name, 0L);
            }
        };
        for (int i = 0; i < levels.length; i++) {
            EmptyRule rule = d.description.walk().get().emptyOf(d.description.levels().get(i).name().text()).orElse(null);
            if (rule != null && rule.entry().isPresent()) {
                emptyEntry[i] = d.evaluator.eval(rule.entry().get(), env);
            }
        }
    }

    long rootTable() {
        return rootTable;
    }

    private long allocate(long size, long align) {
        long address = (next + align - 1) & -align;
        if (Long.compareUnsigned(address + size, tableLimit) > 0 && tableLimit != -1L) {
            address = (TABLE_AREA + align - 1) & -align;
        }
        next = address + size;
        return address;
    }

    private long newTable(int level, List<Operation> out) {
        long address = allocate(tableSize[level], tableAlign[level]);
        tables.put(address, level);
        fill(address, level, out);
        return address;
    }

    /** Writes the level's empty entry into the slots the universe uses (0 needs no write). */
    private void fill(long table, int level, List<Operation> out) {
        if (!emptyIsEntry[level] || emptyEntry[level] == 0) {
            return;
        }
        int bytes = levels[level].entryBytes();
        for (long index : usedIndices.get(level)) {
            write(table + index * bytes, bytes, emptyEntry[level], out);
        }
        out.add(new Operation.Clean(table, tableSize[level]));
    }

    // ---------------------------------------------------------------------------------------
    // The universe

    long randomPage() {
        return universe[random.nextInt(universe.length)];
    }

    /** A universe page the shadow tables map, or a random one after a few tries. */
    long randomMappedPage() {
        for (int tries = 0; tries < 8; tries++) {
            long page = randomPage();
            if (find(page).kind() != null) {
                return page;
            }
        }
        return randomPage();
    }

    /**
     * Whether an access may fault as far as the harness knows: the page is not mapped, or its
     * leaf was encoded without the access's direction. (Permission rules that read registers,
     * stale entries and cached empty entries are not predicted.)
     */
    boolean mayFault(long iova, boolean write) {
        Slot slot = find(iova);
        if (slot.kind() == null || !slot.kind().leaf()) {
            return true;
        }
        String prot = prots.getOrDefault(slot.address(), "");
        return !prot.contains(write ? "w" : "r");
    }

    /** The page size of the leaf kinds of the last level, for offsets within a page. */
    long smallestPage() {
        long smallest = Long.MAX_VALUE;
        for (CompiledDescription.LevelPlan l : levels) {
            for (CompiledDescription.KindPlan k : l.kinds()) {
                if (k.leaf() && k.pageShift() < 63) {
                    smallest = Math.min(smallest, 1L << k.pageShift());
                }
            }
        }
        return smallest == Long.MAX_VALUE ? 4096 : smallest;
    }

    // ---------------------------------------------------------------------------------------
    // Walking and changing the shadow tables

    /** Walks the shadow tables as the hardware would walk what the CPU wrote. */
    Slot find(long iova) {
        long table = rootTable;
        for (int i = 0; i < levels.length; i++) {
            CompiledDescription.LevelPlan level = levels[i];
            long index = level.index(iova);
            long address = table + index * level.entryBytes();
            long entry = memory.getOrDefault(address, 0L);
            CompiledDescription.KindPlan kind = ourKind(i, entry);
            if (kind == null || kind.leaf()) {
                return new Slot(i, table, index, address, entry, kind);
            }
            table = kind.codec().address(entry);
        }
        return new Slot(levels.length - 1, table, 0, table, 0, null);
    }

    /** The kind of an entry, null when it is empty, the level's empty entry, or links a table not ours. */
    private CompiledDescription.KindPlan ourKind(int level, long entry) {
        if (emptyIsEntry[level] && entry == emptyEntry[level]) {
            return null;
        }
        CompiledDescription.KindPlan kind = levels[level].kindOf(entry);
        if (kind == null || kind.leaf()) {
            return kind;
        }
        Integer linked = tables.get(kind.codec().address(entry));
        return linked != null && linked == level + 1 ? kind : null;
    }

    /**
     * Maps a page: links new tables where the walk meets no table, then writes a leaf of a random
     * kind of the level where it stops (sometimes a large leaf at an upper level).
     *
     * @param prot "r", "w", "rw" or "" for the prot rules, or null for a random choice
     */
    void map(long iova, String prot, boolean clean, List<Operation> out) {
        long table = rootTable;
        for (int i = 0; i < levels.length; i++) {
            CompiledDescription.LevelPlan level = levels[i];
            long index = level.index(iova);
            long address = table + index * level.entryBytes();
            CompiledDescription.KindPlan kind = ourKind(i, memory.getOrDefault(address, 0L));
            if (kind != null && !kind.leaf()) {
                table = kind.codec().address(memory.get(address));
                continue;
            }
            List<CompiledDescription.KindPlan> leaves = kinds(level, true);
            List<CompiledDescription.KindPlan> links = kinds(level, false);
            boolean last = i == levels.length - 1;
            if (!leaves.isEmpty() && (links.isEmpty() || last || random.nextInt(100) < 15)) {
                writeLeaf(level, table, index, leaves.get(random.nextInt(leaves.size())), prot, clean, out);
                return;
            }
            if (links.isEmpty() || last) {
                return;
            }
            long newTable = newTable(i + 1, out);
            CompiledDescription.KindPlan link = links.get(random.nextInt(links.size()));
            write(address, level.entryBytes(), encode(link.codec(), newTable, null), out);
            cleanMaybe(address, level.entryBytes(), clean, out);
            table = newTable;
        }
    }

    private static List<CompiledDescription.KindPlan> kinds(CompiledDescription.LevelPlan level, boolean leaf) {
        List<CompiledDescription.KindPlan> out = new ArrayList<>();
        for (CompiledDescription.KindPlan k : level.kinds()) {
            if (k.leaf() == leaf) {
                out.add(k);
            }
        }
        return out;
    }

    private void writeLeaf(CompiledDescription.LevelPlan level, long table, long index, CompiledDescription.KindPlan kind,
            String prot, boolean clean, List<Operation> out) {
        long pageSize = kind.pageShift() >= 63 ? Long.MIN_VALUE : 1L << kind.pageShift();
        long bits = Math.min(oaBits, 64 - Long.numberOfLeadingZeros(kind.codec().addressMask()));
        long page = (random.nextLong() & (bits >= 64 ? -1L : (1L << bits) - 1)) & -pageSize;
        String directions = prot == null ? randomProt() : prot;
        long entry = encode(kind.codec(), page, directions);
        int n = kind.contiguous();
        long first = index & -(long) n;
        int bytes = level.entryBytes();
        for (long j = first; j < first + n; j++) {
            write(table + j * bytes, bytes, entry, out);
            prots.put(table + j * bytes, directions);
        }
        cleanMaybe(table + first * bytes, (long) n * bytes, clean, out);
    }

    private String randomProt() {
        int r = random.nextInt(100);
        return r < 50 ? "rw" : r < 70 ? "r" : r < 85 ? "w" : "";
    }

    private static long encode(EntryCodec codec, long address, String prot) {
        try {
            return codec.encode(address, prot == null ? null
                    : EntryCodec.directions(prot.contains("r"), prot.contains("w")), Map.of());
        } catch (CodecException e) {
            return codec.build(Map.of());
        }
    }

    /** Unmaps the leaf that maps a page, as the level's empty rule says (all slots of a contiguous leaf). */
    void unmap(long iova, boolean clean, List<Operation> out) {
        Slot slot = find(iova);
        if (slot.kind() == null || !slot.kind().leaf()) {
            return;
        }
        int i = slot.level();
        int bytes = levels[i].entryBytes();
        long value;
        if (emptyIsEntry[i]) {
            value = emptyEntry[i];
        } else if (clearMask[i] != -1) {
            value = slot.entry() & ~clearMask[i];
        } else {
            value = 0;
        }
        int n = slot.kind().contiguous();
        long first = slot.index() & -(long) n;
        for (long j = first; j < first + n; j++) {
            write(slot.table() + j * bytes, bytes, value, out);
        }
        cleanMaybe(slot.table() + first * bytes, (long) n * bytes, clean, out);
    }

    /** Cleans every entry on the walk of a page, as a driver that forgot a clean would fix it. */
    void cleanPath(long iova, List<Operation> out) {
        long table = rootTable;
        for (int i = 0; i < levels.length; i++) {
            CompiledDescription.LevelPlan level = levels[i];
            long address = table + level.index(iova) * level.entryBytes();
            out.add(new Operation.Clean(address, level.entryBytes()));
            CompiledDescription.KindPlan kind = ourKind(i, memory.getOrDefault(address, 0L));
            if (kind == null || kind.leaf()) {
                return;
            }
            table = kind.codec().address(memory.get(address));
        }
    }

    /** Writes a random value where the walk of a page stops: a tag the level does not know, a wild address. */
    void garbage(long iova, boolean clean, List<Operation> out) {
        Slot slot = find(iova);
        int bytes = levels[slot.level()].entryBytes();
        long value = random.nextLong() & (bytes >= 8 ? -1L : (1L << (8 * bytes)) - 1);
        write(slot.address(), bytes, value, out);
        cleanMaybe(slot.address(), bytes, clean, out);
    }

    private void write(long address, int bytes, long value, List<Operation> out) {
        memory.put(address, value);
        prots.remove(address);
        out.add(new Operation.CpuWrite(address, bytes, value));
    }

    private static void cleanMaybe(long address, long length, boolean clean, List<Operation> out) {
        if (clean) {
            out.add(new Operation.Clean(address, length));
        }
    }
}
