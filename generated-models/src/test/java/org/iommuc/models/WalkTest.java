package org.iommuc.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.iommuc.dsl.TestFiles;
import org.iommuc.dsl.conformance.TestVector;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.EntryKind;
import org.iommuc.dsl.model.Level;
import org.iommuc.runtime.Event;
import org.iommuc.runtime.IommuEngine;
import org.iommuc.runtime.RecordingTrace;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated models walk every level and map every page size of their descriptions: a page
 * of each leaf kind (a 4K page, a 64K page written to 16 slots, a 1M section, ...) is mapped
 * by a driver through memory, the model is enabled through MMIO, and DMA to the first, a middle
 * and the last byte of the page, and to every slot of a replicated page, reaches the page's
 * output address; the first access walks exactly the levels down to the leaf, the next ones hit
 * the TLB. The index test vectors of examples/test-vectors.txt are checked on the slots the
 * walk reads.
 */
class WalkTest {

    /** Every leaf kind of every level of every example. */
    static Stream<Arguments> pages() {
        List<Arguments> out = new ArrayList<>();
        for (GeneratedExample e : GeneratedExample.ALL) {
            List<Level> levels = e.description().levels();
            int k = 0;
            for (int i = 0; i < levels.size(); i++) {
                for (EntryKind kind : levels.get(i).kinds()) {
                    if (kind.leaf()) {
                        String name = e.file() + " level " + levels.get(i).name().text() + " " + kind.format().text() + " "
                                + size(kind.pageSizeValue()) + (kind.contiguousValue() > 1 ? " x" + kind.contiguousValue() : "");
                        out.add(Arguments.of(Named.of(name, e), i, kind, k++));
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void translatesEveryPartOfAPageOfEverySize(GeneratedExample example, int level, EntryKind kind, int k) {
        Description d = example.description();
        IommuEngine model = example.newModel(true);
        PageTables tables = new PageTables(example, model);
        long size = kind.pageSizeValue();
        long iova = iovaFor(example, size, k);
        long pa = paFor(example, size, k);
        tables.map(iova, pa, level, kind, true, true);
        Drivers.enable(example, model, tables.root);
        RecordingTrace trace = new RecordingTrace();
        model.setTrace(trace);

        long middle = size / 2 + 0x18;
        assertDma(model, iova + middle, false, pa + middle, "read in the middle");
        List<Event.WalkRead> reads = walkReads(trace);
        assertThat(reads).as("the walk reads one entry per level down to %s", d.levels().get(level).name().text())
                .hasSize(level + 1);
        for (int j = 0; j <= level; j++) {
            assertThat(reads.get(j).level()).isEqualTo(j);
        }
        trace.clear();
        assertDma(model, iova, true, pa, "write to the first byte");
        assertDma(model, iova + size - 1, false, pa + size - 1, "read of the last byte");
        assertThat(walkReads(trace)).as("the TLB holds the page").isEmpty();
        assertThat(Outcomes.of(model.translate(0, iova + size, false))).as("the next page is not this one")
                .isNotEqualTo(Outcomes.of(pa + size));
    }

    /** A page written to several slots translates through each of them, from a cold TLB. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void everySlotOfAReplicatedPageTranslates(GeneratedExample example, int level, EntryKind kind, int k) {
        int copies = kind.contiguousValue();
        if (copies == 1) {
            return;
        }
        long size = kind.pageSizeValue();
        long slot = size / copies;
        long iova = iovaFor(example, size, k);
        long pa = paFor(example, size, k);
        for (int c = 0; c < copies; c++) {
            IommuEngine model = example.newModel(true);
            PageTables tables = new PageTables(example, model);
            tables.map(iova, pa, level, kind, true, true);
            Drivers.enable(example, model, tables.root);
            long offset = c * slot + 0x234;
            assertDma(model, iova + offset, c % 2 == 0, pa + offset, "slot " + c);
        }
    }

    static Stream<TestVector> indexVectors() throws IOException {
        return TestVector.load(TestFiles.root().resolve("examples/test-vectors.txt")).stream()
                .filter(v -> v.verb().equals("index"));
    }

    /** The walk reads the slot each level's index selects, and the page offset survives. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("indexVectors")
    void walksTheSlotsOfTheIndexTestVector(TestVector vector) {
        GeneratedExample example = GeneratedExample.of(vector.file());
        Description d = example.description();
        List<Level> levels = d.levels();
        int last = levels.size() - 1;
        EntryKind leaf = smallestLeaf(levels.get(last));
        long iova = TestVector.number(vector.command().get(1));
        long pa = paFor(example, leaf.pageSizeValue(), 0);
        IommuEngine model = example.newModel(true);
        PageTables tables = new PageTables(example, model);
        List<Long> walked = tables.map(iova, pa, last, leaf, true, true);
        Drivers.enable(example, model, tables.root);
        RecordingTrace trace = new RecordingTrace();
        model.setTrace(trace);
        long oa = model.translate(0, iova, false);
        List<Event.WalkRead> reads = walkReads(trace);
        assertThat(reads).hasSize(levels.size());
        for (Map.Entry<String, String> pair : vector.expectedPairs().entrySet()) {
            long expected = TestVector.number(pair.getValue());
            if (pair.getKey().equals("offset")) {
                assertThat(oa - pa).as("%s: offset", vector.name()).isEqualTo(expected);
                continue;
            }
            int n = levelNumber(levels, pair.getKey());
            long index = (reads.get(n).address() - walked.get(n)) / tables.entryBytes(levels.get(n));
            assertThat(index).as("%s: index of level %s", vector.name(), pair.getKey()).isEqualTo(expected);
        }
    }

    /** DMA of master 0 to {@code iova} reaches {@code expected}. */
    static void assertDma(IommuEngine model, long iova, boolean write, long expected, String what) {
        String access = (write ? "write " : "read ") + Outcomes.hex(iova);
        assertThat(Outcomes.of(model.translate(0, iova, write))).as("%s: %s", what, access).isEqualTo(Outcomes.of(expected));
    }

    /** Each page in its own first-level slot: the k-th slot after the aperture's start, mid-slot when smaller. */
    static long iovaFor(GeneratedExample example, long size, int k) {
        long span = 1L << firstIndexBit(example.description());
        long start = (example.config().apertureFirst() + span - 1) & -span;
        long within = size < span ? (span / 2) & -size : 0;
        return start + (k + 1) * span + within;
    }

    /** An output address in the upper half of the output width, aligned to the page. */
    static long paFor(GeneratedExample example, long size, int k) {
        int bits = example.config().oaBits();
        long upper = 1L << (bits - 1);
        return (upper + k * 0x0100_0000L) & -size;
    }

    private static int firstIndexBit(Description d) {
        for (Level level : d.levels()) {
            if (level.indexBits().isPresent()) {
                return level.indexBits().get().low();
            }
        }
        throw new AssertionError(d.name().text() + " has no indexed level");
    }

    static EntryKind smallestLeaf(Level level) {
        EntryKind best = null;
        for (EntryKind k : level.kinds()) {
            if (k.leaf() && (best == null || k.pageSizeValue() < best.pageSizeValue())) {
                best = k;
            }
        }
        return best;
    }

    static List<Event.WalkRead> walkReads(RecordingTrace trace) {
        List<Event.WalkRead> reads = new ArrayList<>();
        for (Event e : trace.events()) {
            if (e instanceof Event.WalkRead r) {
                reads.add(r);
            }
        }
        return reads;
    }

    private static int levelNumber(List<Level> levels, String name) {
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).name().text().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no level " + name);
    }

    private static String size(long bytes) {
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + "G";
        }
        if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + "M";
        }
        return (bytes >> 10) + "K";
    }
}
