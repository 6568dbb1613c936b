package org.iommuc.generator.java;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.iommuc.dsl.Compilation;
import org.iommuc.dsl.Frontend;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostic;
import org.iommuc.generator.JavaOptions;
import org.iommuc.runtime.IommuEngine;
import org.iommuc.runtime.IommuModel;
import org.iommuc.runtime.RecordingTrace;
import org.junit.jupiter.api.Test;

/**
 * The walk fills the caches in the order docs/model-semantics.md gives: a table entry into the
 * walk cache, an empty entry into the TLB and the walk cache when they cache invalid entries, a
 * leaf into the TLB, then the other entries of its TLB line in index order. And what Java cannot
 * express is an E0700 diagnostic, not an exception.
 */
class CacheFillTest {

    private static final String LINES = """
            iommu lines {
                iova 32;
                oa 32;
                translation on;
                registers { ROOT 0x0 rw; }
                format pde : u32 { valid 0 = 1; table 31:12 -> 31:12; }
                format pte : u32 { valid 0 = 1; page 31:12 -> 31:12; }
                walk {
                    root ROOT;
                    level l1 index iova 31:22 : pde table;
                    level l2 index iova 21:12 : pte leaf 4K;
                }
                tlb { caches leaf, invalid; line 4; }
                walkcache { caches l1, invalid; }
            }
            """;

    private static IommuEngine model(String text) {
        return Compiled.ofText("test.iommu", text).model(true);
    }

    @Test
    void aLeafFillsItsTlbLineInIndexOrderAndEmptyEntriesAreCachedEmpty() {
        IommuEngine m = model(LINES);
        m.mmioWrite(0, 32, 0x10_0000);
        m.cpuWrite(0x10_0000, 4, 0x20_0001);
        m.cpuWrite(0x20_0000 + 4 * 4, 4, 0xA000_0001L);
        m.cpuWrite(0x20_0000 + 5 * 4, 4, 0xB000_0001L);
        m.cpuWrite(0x20_0000 + 7 * 4, 4, 0xC000_0001L);
        RecordingTrace trace = new RecordingTrace();
        m.setTrace(trace);
        assertThat(m.translate(0, 0x5123, false)).isEqualTo(0xB000_0123L);
        assertThat(trace.text()).isEqualTo("""
                1: walk level 0 read 0x100000 = 0x200001
                2: walkcache fill m0 0x0/4096K -> 0x200000
                3: walk level 1 read 0x200014 = 0xB0000001
                4: tlb fill m0 0x5000/4K -> 0xB0000000
                5: walk level 1 read 0x200010 = 0xA0000001
                6: tlb fill m0 0x4000/4K -> 0xA0000000
                7: walk level 1 read 0x200018 = 0x0
                8: tlb fill m0 0x6000/4K empty
                9: walk level 1 read 0x20001C = 0xC0000001
                10: tlb fill m0 0x7000/4K -> 0xC0000000
                11: dma m0 read 0x5123 -> 0xB0000123 (walk)
                """);
        trace.clear();
        assertThat(m.translate(0, 0x4008, true)).isEqualTo(0xA000_0008L);
        assertThat(m.translate(0, 0x6000, false)).isEqualTo(IommuModel.FAULT);
        assertThat(m.translate(0, 0x40_0000, false)).isEqualTo(IommuModel.FAULT);
        assertThat(m.translate(0, 0x40_1000, false)).isEqualTo(IommuModel.FAULT);
        assertThat(trace.text()).isEqualTo("""
                1: dma m0 write 0x4008 -> 0xA0000008 (tlb)
                2: dma m0 read 0x6000 -> translation fault at level 1, unhandled
                3: walk level 0 read 0x100004 = 0x0
                4: tlb fill m0 0x400000/4096K empty
                5: walkcache fill m0 0x400000/4096K empty
                6: dma m0 read 0x400000 -> translation fault at level 0, unhandled
                7: dma m0 read 0x401000 -> translation fault at level 0, unhandled
                """);
    }

    @Test
    void aRuleOnAnArrayElementChosenAtRunTimeIsRefusedBeforeGeneration() {
        Compilation c = Frontend.compileText("dynamic.iommu", """
                iommu dynamic {
                    iova 32;
                    oa 32;
                    registers { ROOT 0x0 rw; SEL 0x4 rw; ARR[4] 0x10 rw; }
                    format pte : u32 { valid 0 = 1; page 31:12 -> 31:12; }
                    walk { root ROOT; level l1 index iova 31:12 : pte leaf 4K; }
                    behaviour { on write ARR[SEL] { translation on; } }
                }
                """);
        assertThat(c.diagnostics()).extracting(Diagnostic::code).containsExactly(Code.E0505);
        assertThat(c.descriptions()).as("nothing reaches a generator").isEmpty();
    }
}
