package org.iommuc.generator.java;

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
import org.iommuc.dsl.model.FaultHandler;
import org.iommuc.dsl.model.FaultKind;
import org.iommuc.dsl.model.Level;
import org.iommuc.dsl.model.TranslationMode;
import org.iommuc.dsl.semantics.EntryCodec;
import org.iommuc.runtime.Event;
import org.iommuc.runtime.IommuEngine;
import org.iommuc.runtime.IommuModel;
import org.iommuc.runtime.RecordingTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example's generated model runs a small scenario on the runtime, driven only by what its
 * description says: untranslated DMA while translation is off, the root register and a mapping
 * written as a driver writes them, translation turned on through the description's own rule, a
 * translated read and write, and a translation fault recorded in the described registers.
 */
class ModelScenarioTest {

    static final long IOVA = 0x1234_5678L;
    static final long UNMAPPED = 0x8765_4321L;
    static final long PA = 0x8_7654_3000L;

    static Stream<String> examples() throws IOException {
        return CodecConformanceTest.examples();
    }

    /** A model with IOVA mapped (read-write) to PA and translation on. */
    static final class Scenario {
        final Compiled compiled;
        final Description d;
        final IommuEngine model;
        final Driver driver;
        final long pageSize;
        final long pa;
        final List<Long> tables;

        Scenario(String file, long iova) {
            compiled = Compiled.compiledExample(file);
            d = compiled.description;
            model = compiled.model(true);
            driver = new Driver(d, model);
            List<Level> levels = d.levels();
            pageSize = driver.smallestLeaf(levels.get(levels.size() - 1)).pageSizeValue();
            long oaMask = d.oaBitsValue() >= 64 ? -1L : (1L << d.oaBitsValue()) - 1;
            pa = PA & oaMask & -pageSize;
            long root = driver.allocateTable(levels.get(0));
            tables = driver.map(root, iova, pa);
            driver.setRoot(root);
        }

        void enable() {
            if (d.resetTranslationValue() != TranslationMode.ON) {
                assertThat(driver.enable()).as("%s has a rule that turns translation on", d.name().text()).isTrue();
            }
            assertThat(model.translationMode()).isEqualTo(org.iommuc.runtime.TranslationMode.ON);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void bypassesWhileTranslationIsOff(String file) {
        Scenario s = new Scenario(file, IOVA);
        if (s.d.resetTranslationValue() == TranslationMode.BYPASS) {
            assertThat(s.model.translate(0, IOVA, false)).isEqualTo(IOVA);
            assertThat(s.model.translate(0, IOVA, true)).isEqualTo(IOVA);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void translatesAMappedPage(String file) {
        Scenario s = new Scenario(file, IOVA);
        s.enable();
        long expected = s.pa + (IOVA & (s.pageSize - 1));
        assertThat(s.model.translate(0, IOVA, false)).as("read by walk").isEqualTo(expected);
        assertThat(s.model.translate(0, IOVA, true)).as("write").isEqualTo(expected);
        assertThat(s.model.translate(0, IOVA + 8, false)).as("read again").isEqualTo(expected + 8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void recordsATranslationFault(String file) {
        Scenario s = new Scenario(file, IOVA);
        s.enable();
        if (!emptyEntryFaults(s.d)) {
            // every entry matches a kind of the first level (IPU3 has no valid bit): nothing can fault
            assertThat(s.model.translate(0, UNMAPPED, false)).isGreaterThanOrEqualTo(0);
            return;
        }
        long[] before = Compiled.registers(s.model);
        assertThat(s.model.translate(0, UNMAPPED, false)).isEqualTo(IommuModel.FAULT);
        assertThat(s.model.lastFaultKind()).isEqualTo(org.iommuc.runtime.FaultKind.TRANSLATION);
        if (handles(s.d, FaultKind.TRANSLATION)) {
            assertThat(Compiled.registers(s.model)).as("the fault handler records the fault").isNotEqualTo(before);
        }
    }

    /** True when an empty (all-zero) entry of the first indexed level matches none of its kinds. */
    private static boolean emptyEntryFaults(Description d) {
        for (Level level : d.levels()) {
            if (level.isFixed()) {
                continue;
            }
            for (EntryKind k : level.kinds()) {
                if (EntryCodec.of(d.format(k.format().text()).orElseThrow()).matches(0)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean handles(Description d, FaultKind kind) {
        for (FaultHandler h : d.faults()) {
            if (h.handles(kind) && h.guard().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    @Test
    void rockchipRecordsThePageFaultAndStalls() {
        Scenario s = new Scenario("rockchip-v2.iommu", IOVA);
        s.enable();
        s.model.mmioWrite(0x1C, 32, 0x3); // INT_MASK: both sources
        assertThat(s.model.translate(0, UNMAPPED, true)).isEqualTo(IommuModel.FAULT);
        assertThat(s.model.mmioRead(0x0C, 32)).as("PAGE_FAULT_ADDR").isEqualTo(UNMAPPED);
        long status = s.model.mmioRead(0x04, 32);
        assertThat(status & 0b10).as("STATUS.PAGE_FAULT_ACTIVE").isEqualTo(0b10);
        assertThat(status & 0b10_0000).as("STATUS.PAGE_FAULT_IS_WRITE").isEqualTo(0b10_0000);
        assertThat(s.model.mmioRead(0x20, 32)).as("INT_STATUS").isEqualTo(1);
        assertThat(s.model.interrupt(0)).as("irq").isTrue();
        assertThat(s.model.translate(0, IOVA, false)).as("held behind the stalled fault").isEqualTo(IommuModel.STALLED);
        s.model.mmioWrite(0x08, 32, 5); // COMMAND.CMD = PAGE_FAULT_DONE: the fault is retried and faults again
        assertThat(s.model.faultPending()).isTrue();
        s.model.mmioWrite(0x18, 32, 1); // INT_CLEAR
        assertThat(s.model.interrupt(0)).isFalse();
    }

    @Test
    void exynosV5RecordsReadAndWriteFaultsApart() {
        Scenario s = new Scenario("exynos-sysmmu-v5.iommu", IOVA);
        s.enable();
        assertThat(s.model.translate(0, UNMAPPED, false)).isEqualTo(IommuModel.FAULT);
        assertThat(s.model.mmioRead(0x70, 32)).as("FAULT_AR_VA").isEqualTo(UNMAPPED);
        assertThat(s.model.mmioRead(0x60, 32)).as("INT_STATUS.AR_PAGE").isEqualTo(1L << 1);
        assertThat(s.model.mmioRead(0x08, 32)).as("STATUS.BLOCKED").isEqualTo(1);
        assertThat(s.model.interrupt(0)).isTrue();
    }

    static Stream<TestVector> indexVectors() throws IOException {
        return TestVector.load(TestFiles.root().resolve("examples/test-vectors.txt")).stream()
                .filter(v -> v.verb().equals("index"));
    }

    /** The walk reads the entry each level's index selects, and the page offset survives. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("indexVectors")
    void walksTheIndexOfTheTestVector(TestVector vector) {
        long iova = TestVector.number(vector.command().get(1));
        Scenario s = new Scenario(vector.file(), iova);
        s.enable();
        RecordingTrace trace = new RecordingTrace();
        s.model.setTrace(trace);
        long oa = s.model.translate(0, iova, false);
        List<Event.WalkRead> reads = new ArrayList<>();
        for (Event e : trace.events()) {
            if (e instanceof Event.WalkRead r) {
                reads.add(r);
            }
        }
        List<Level> levels = s.d.levels();
        assertThat(reads).hasSize(levels.size());
        for (Map.Entry<String, String> pair : vector.expectedPairs().entrySet()) {
            if (pair.getKey().equals("offset")) {
                assertThat(oa - s.pa).as("offset").isEqualTo(TestVector.number(pair.getValue()));
                continue;
            }
            int level = levelNumber(levels, pair.getKey());
            long index = (reads.get(level).address() - s.tables.get(level)) / s.driver.entryBytes(levels.get(level));
            assertThat(index).as("index of level %s", pair.getKey()).isEqualTo(TestVector.number(pair.getValue()));
            assertThat(reads.get(level).level()).isEqualTo(level);
        }
    }

    private static int levelNumber(List<Level> levels, String name) {
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).name().text().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no level " + name);
    }
}
