package org.iommuc.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.iommuc.dsl.model.Access;
import org.iommuc.dsl.model.AddressField;
import org.iommuc.dsl.model.AllowRule;
import org.iommuc.dsl.model.Assignment;
import org.iommuc.dsl.model.Binary;
import org.iommuc.dsl.model.BinaryOp;
import org.iommuc.dsl.model.BitRange;
import org.iommuc.dsl.model.Cache;
import org.iommuc.dsl.model.Coherency;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Direction;
import org.iommuc.dsl.model.Effect;
import org.iommuc.dsl.model.EmptyRule;
import org.iommuc.dsl.model.Encode;
import org.iommuc.dsl.model.EntryField;
import org.iommuc.dsl.model.EntryKind;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.Field;
import org.iommuc.dsl.model.Format;
import org.iommuc.dsl.model.InvalidateScope;
import org.iommuc.dsl.model.Level;
import org.iommuc.dsl.model.Obligation;
import org.iommuc.dsl.model.ObligationCall;
import org.iommuc.dsl.model.ProtRule;
import org.iommuc.dsl.model.RegRead;
import org.iommuc.dsl.model.Register;
import org.iommuc.dsl.model.Rule;
import org.iommuc.dsl.model.Sequence;
import org.iommuc.dsl.model.Shared;
import org.iommuc.dsl.model.Slice;
import org.iommuc.dsl.model.Step;
import org.iommuc.dsl.model.TranslationMode;
import org.iommuc.dsl.model.Walk;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Structural and bit-exact facts of the Verisilicon IOMMU 1.2, Intel IPU3 MMU and MediaTek M4U v1
 * descriptions (hardware facts, sections 2, 3 and 6), so that an edit cannot silently break them.
 *
 * <p>Entries are encoded and decoded here with a small reference codec that reads only the model
 * (tags, defaults, slices, permission encodings), and compared with the facts' test vectors and,
 * for random inputs, with the drivers' arithmetic as the facts give it (vsi_mk_pte,
 * IPU3_ADDR2PTE, mtk_iommu_v1_map, ...).
 */
class VsiIpu3MtkExamplesTest {

    private static final long SEED = Long.getLong("iommuc.seed", 0x1_2_3L);
    private static final int CASES = 64;
    private static final Map<String, Description> LOADED = new ConcurrentHashMap<>();

    static Description load(String file, String name) {
        return LOADED.computeIfAbsent(file, f -> {
            Compilation c = Frontend.compile(List.of(TestFiles.root().resolve("examples").resolve(f)), TestFiles.root());
            assertThat(c.render()).as("diagnostics of " + f).isEmpty();
            return c.description(name).orElseThrow();
        });
    }

    static Description vsi() {
        return load("verisilicon-iommu-1.2.iommu", "verisilicon_iommu_1_2");
    }

    static Description ipu3() {
        return load("ipu3-mmu.iommu", "ipu3_mmu");
    }

    static Description mtk() {
        return load("mtk-m4u-v1.iommu", "mtk_m4u_v1");
    }

    // -------------------------------------------------------------------------------------------
    // Verisilicon (facts, section 2)

    @Nested
    class Verisilicon {

        @Test
        void widthsAndAperture() {
            Description d = vsi();
            assertThat(d.compatibles()).extracting(t -> t.value()).containsExactly("verisilicon,iommu-1.2");
            assertThat(d.iovaBitsValue()).isEqualTo(32);
            assertThat(d.oaBitsValue()).isEqualTo(40);
            assertThat(d.tableOaBitsValue()).isEqualTo(32);
            assertThat(d.apertureFirst()).isZero();
            assertThat(d.apertureLast()).isEqualTo(0xFFFF_FFFFL);
            assertThat(d.mastersValue()).isEqualTo(1);
        }

        @Test
        void registerMap() {
            Description d = vsi();
            assertRegister(d, "FLUSH", 0x184, Access.WO);
            assertField(d, "FLUSH", "FLUSH", 4, 4);
            assertRegister(d, "CONFIG1", 0x1AC, Access.RW);
            assertField(d, "CONFIG1", "OUT_OF_BOUND", 28, 28);
            assertRegister(d, "EXCEPTION", 0x380, Access.WO);
            assertField(d, "EXCEPTION", "ENABLE", 0, 0);
            assertRegister(d, "PAGE_FAULT_ADDR", 0x380, Access.RO);
            assertRegister(d, "STATUS", 0x384, Access.RW);
            assertField(d, "STATUS", "IRQ", 2, 0);
            assertRegister(d, "CONTROL", 0x388, Access.RW);
            assertField(d, "CONTROL", "ENABLE", 0, 0);
            assertRegister(d, "PTA_BASE", 0x38C, Access.RW);
            assertThat(d.registers()).hasSize(7);
        }

        @Test
        void offset0x380IsAReadWriteViewPair() {
            Description d = vsi();
            assertThat(register(d, "EXCEPTION").view()).map(i -> i.text()).contains("PAGE_FAULT_ADDR");
            assertThat(register(d, "PAGE_FAULT_ADDR").view()).map(i -> i.text()).contains("EXCEPTION");
        }

        @Test
        void threeStepWalkWithAFixedIndexPtaLevel() {
            Description d = vsi();
            Walk walk = d.walk().orElseThrow();
            assertThat(Exprs.text(walk.root().orElseThrow())).isEqualTo("PTA_BASE");
            assertThat(walk.levels()).extracting(l -> l.name().text()).containsExactly("pta", "dt", "pt");
            Level pta = level(d, "pta");
            assertThat(pta.fixedIndex()).map(s -> s.value()).contains(0L);
            assertThat(pta.indexBits()).isEmpty();
            assertTable(pta, 4096, 4096);
            assertOnlyKind(pta, "pta", false, 0);
            Level dt = level(d, "dt");
            assertIndex(dt, 31, 22);
            assertTable(dt, 4096, 4096);
            assertOnlyKind(dt, "dte", false, 0);
            Level pt = level(d, "pt");
            assertIndex(pt, 21, 12);
            assertTable(pt, 4096, 4096);
            assertOnlyKind(pt, "pte", true, 4096);
            assertThat(walk.coherency()).isEqualTo(Coherency.NONCOHERENT);
        }

        @Test
        void entryFormats() {
            Description d = vsi();
            Format pta = d.format("pta").orElseThrow();
            assertThat(pta.widthValue()).isEqualTo(64);
            assertThat(pta.tagMask()).isZero();
            assertSlices(pta, "table", new int[][] {{31, 10, 31, 10}});
            EntryField mode = pta.field("mode").orElseThrow();
            assertBits(mode.bits(), 9, 0);
            assertThat(mode.defaultValue().flatMap(e -> boxed(Exprs.constant(e)))).contains(0L);

            Format dte = d.format("dte").orElseThrow();
            assertThat(dte.widthValue()).isEqualTo(32);
            assertThat(dte.tagMask()).isEqualTo(0x1);
            assertThat(dte.tagValue()).isEqualTo(0x1);
            assertSlices(dte, "table", new int[][] {{31, 6, 31, 6}});

            Format pte = d.format("pte").orElseThrow();
            assertThat(pte.widthValue()).isEqualTo(32);
            assertThat(pte.tagMask()).isEqualTo(0x1);
            assertThat(pte.tagValue()).isEqualTo(0x1);
            assertBits(pte.field("writable").orElseThrow().bits(), 2, 2);
            assertThat(pte.field("readable")).isEmpty();
            assertSlices(pte, "page", new int[][] {{31, 12, 31, 12}, {11, 4, 39, 32}});
            assertThat(pte.reserved()).extracting(BitRange::toString).containsExactly("1", "3");
        }

        @Test
        void writeOnlyPermissionBit() {
            Format pte = vsi().format("pte").orElseThrow();
            AllowRule read = pte.allow(Direction.READ).orElseThrow();
            assertThat(read.condition()).as("reads are always allowed").isEmpty();
            AllowRule write = pte.allow(Direction.WRITE).orElseThrow();
            assertThat(write.condition().map(Exprs::text)).contains("writable");
            assertThat(encode(pte, 0, Set.of(Direction.READ))).isEqualTo(0x1);
            assertThat(encode(pte, 0, Set.of(Direction.WRITE))).isEqualTo(0x5);
            assertThat(encode(pte, 0, Set.of(Direction.READ, Direction.WRITE))).isEqualTo(0x5);
        }

        @Test
        void factsTestVectors() {
            Description d = vsi();
            Format pte = d.format("pte").orElseThrow();
            assertThat(encode(pte, 0xAB_CDEF_1234L, Set.of(Direction.WRITE))).isEqualTo(0xCDEF1AB5L);
            assertThat(decode(pte, 0xCDEF1AB5L)).isEqualTo(0xAB_CDEF_1000L);
            assertThat(encode(pte, 0x1_2345_6000L, Set.of(Direction.WRITE))).isEqualTo(0x23456015L);
            assertThat(encode(d.format("pta").orElseThrow(), 0x12345678L, Set.of())).isEqualTo(0x12345400L);
            assertThat(decode(d.format("dte").orElseThrow(), 0xFFFF_FFFFL)).as("VSI_DTE_PT_ADDRESS_MASK")
                    .isEqualTo(0xFFFF_FFC0L);
        }

        @Test
        void emptiesTlbAndInvalidation() {
            Description d = vsi();
            Walk walk = d.walk().orElseThrow();
            assertThat(walk.emptyOf("dt")).map(EmptyRule::faults).contains(true);
            EmptyRule pt = walk.emptyOf("pt").orElseThrow();
            assertThat(pt.faults()).isTrue();
            assertThat(pt.clearField()).map(i -> i.text()).contains("valid");
            Cache tlb = d.tlb().orElseThrow();
            assertThat(tlb.caches("leaf")).isTrue();
            assertThat(tlb.caches("invalid")).isTrue();
            assertThat(invalidations(d)).containsExactly(InvalidateScope.ALL);
            Rule flush = rule(d, "FLUSH");
            assertThat(flush.target().field()).map(i -> i.text()).contains("FLUSH");
            assertThat(flush.value().flatMap(e -> boxed(Exprs.constant(e)))).contains(1L);
        }

        @Test
        void controlSwitchesTranslationOnAndToBypass() {
            List<TranslationMode> modes = new ArrayList<>();
            for (Rule r : vsi().rules()) {
                for (Effect e : r.effects()) {
                    if (e instanceof Effect.Translation t) {
                        modes.add(t.mode());
                    }
                }
            }
            assertThat(modes).containsExactly(TranslationMode.ON, TranslationMode.BYPASS);
        }

        @Test
        void sequences() {
            Description d = vsi();
            assertParams(d, "enable", 1);
            assertParams(d, "resume", 1);
            for (String name : List.of("disable", "flush_all", "fault", "suspend")) {
                assertParams(d, name, 0);
            }
            assertThat(d.sequence("flush_page")).as("no per-address flush").isEmpty();
            // the FLUSH pulse: BIT(4), then 0
            List<Step> pulse = d.sequence("flush_all").orElseThrow().steps();
            assertThat(pulse).hasSize(2);
            assertWrite(pulse.get(0), "FLUSH", Optional.of("FLUSH"), 1);
            assertWrite(pulse.get(1), "FLUSH", Optional.empty(), 0);
            // STATUS is cleared by writing 0, not by writing the read value back
            List<Step> fault = d.sequence("fault").orElseThrow().steps();
            assertWrite(fault.get(fault.size() - 1), "STATUS", Optional.empty(), 0);
            assertThat(d.faults()).hasSize(1);
            assertThat(d.interrupts()).hasSize(1);
        }

        @Test
        void obligations() {
            assertObligations(vsi(), Map.of("map", "flush_all()", "unmap", "flush_all()"));
        }
    }

    // -------------------------------------------------------------------------------------------
    // Intel IPU3 (facts, section 3)

    @Nested
    class Ipu3 {

        @Test
        void widthsAndAperture() {
            Description d = ipu3();
            assertThat(d.compatibles()).isEmpty();
            assertThat(d.iovaBitsValue()).isEqualTo(32);
            assertThat(d.oaBitsValue()).isEqualTo(44);
            assertThat(d.apertureLast()).isEqualTo(0xFFFF_FFFFL);
        }

        @Test
        void registersAt0x4000PlusOffsets() {
            Description d = ipu3();
            assertThat(d.constant("IMGU_REG_BASE").map(c -> Exprs.constant(c.value()).getAsLong())).contains(0x4000L);
            assertRegister(d, "TLB_INVALIDATE", 0x4300, Access.WO);
            assertField(d, "TLB_INVALIDATE", "INVALIDATE", 0, 0);
            assertRegister(d, "L1_PHYS", 0x4304, Access.RW);
            assertField(d, "L1_PHYS", "PFN", 26, 0);
            assertRegister(d, "GP_HALT", 0x45DC, Access.RW);
            assertField(d, "GP_HALT", "HALT", 0, 0);
            assertRegister(d, "GP_HALTED", 0x45E0, Access.RO);
            assertField(d, "GP_HALTED", "HALTED", 0, 0);
            assertThat(d.registers()).hasSize(4);
        }

        @Test
        void twoLevelWalkFromAPfnRoot() {
            Description d = ipu3();
            Walk walk = d.walk().orElseThrow();
            Binary root = (Binary) walk.root().orElseThrow();
            assertThat(root.op()).isEqualTo(BinaryOp.SHL);
            assertThat(root.left()).isEqualTo(new RegRead("L1_PHYS", Optional.empty(), Optional.of("PFN"),
                    root.left().span()));
            assertThat(Exprs.constant(root.right()).getAsLong()).as("IPU3_PAGE_SHIFT").isEqualTo(12);
            assertThat(walk.levels()).extracting(l -> l.name().text()).containsExactly("l1", "l2");
            assertIndex(level(d, "l1"), 31, 22);
            assertTable(level(d, "l1"), 4096, 4096);
            assertOnlyKind(level(d, "l1"), "l1pte", false, 0);
            assertIndex(level(d, "l2"), 21, 12);
            assertTable(level(d, "l2"), 4096, 4096);
            assertOnlyKind(level(d, "l2"), "l2pte", true, 4096);
            assertThat(walk.coherency()).isEqualTo(Coherency.UNCACHED);
        }

        @Test
        void barePfnEntries() {
            Description d = ipu3();
            for (String name : List.of("l1pte", "l2pte")) {
                Format f = d.format(name).orElseThrow();
                assertThat(f.widthValue()).isEqualTo(32);
                assertThat(f.tagMask()).as(name + " has no valid bit").isZero();
                assertThat(f.fields()).as(name + " has no flag bits").isEmpty();
                assertThat(f.prot()).isEmpty();
                assertSlices(f, name.equals("l1pte") ? "table" : "page", new int[][] {{31, 0, 43, 12}});
            }
            Format l2 = d.format("l2pte").orElseThrow();
            assertThat(l2.allow(Direction.READ).orElseThrow().condition()).isEmpty();
            assertThat(l2.allow(Direction.WRITE).orElseThrow().condition()).isEmpty();
        }

        @Test
        void factsTestVectors() {
            Description d = ipu3();
            Format l2 = d.format("l2pte").orElseThrow();
            assertThat(encode(l2, 0x1_2345_6000L, Set.of())).as("IPU3_ADDR2PTE").isEqualTo(0x123456L);
            assertThat(decode(l2, 0x123456L)).as("IPU3_PTE2ADDR").isEqualTo(0x1_2345_6000L);
            assertThat(index(level(d, "l1"), 0xDEADBEEFL)).isEqualTo(0x37A);
            assertThat(index(level(d, "l2"), 0xDEADBEEFL)).isEqualTo(0x2DB);
        }

        @Test
        void emptiesPointAtTheSharedDummyPageAndDummyL2() {
            Walk walk = ipu3().walk().orElseThrow();
            assertThat(walk.shared()).extracting(s -> s.name().text()).containsExactly("dummy_page", "dummy_l2");
            Shared page = walk.shared().get(0);
            assertThat(page.isPage()).isTrue();
            assertThat(page.pageSize()).map(s -> s.value()).contains(4096L);
            Shared table = walk.shared().get(1);
            assertThat(table.isPage()).isFalse();
            assertThat(table.level()).map(i -> i.text()).contains("l2");
            assertEmptyEntry(walk, "l1", "l1pte", "table", "dummy_l2");
            assertEmptyEntry(walk, "l2", "l2pte", "page", "dummy_page");
        }

        @Test
        void noFaultPathAndWholeTlbInvalidation() {
            Description d = ipu3();
            assertThat(d.faults()).isEmpty();
            assertThat(d.interrupts()).isEmpty();
            assertThat(invalidations(d)).containsExactly(InvalidateScope.ALL);
            assertThat(d.tlb().orElseThrow().caches("leaf")).isTrue();
        }

        @Test
        void haltHandshake() {
            Description d = ipu3();
            Rule halt = rules(d, "GP_HALT").get(0);
            assertThat(halt.effects()).anySatisfy(e -> assertThat(e).isEqualTo(new Effect.Stall(true, e.span())));
            List<Step> steps = d.sequence("halt").orElseThrow().steps();
            assertWrite(steps.get(0), "GP_HALT", Optional.of("HALT"), 1);
            Step.Poll poll = (Step.Poll) steps.get(1);
            assertThat(Exprs.text(poll.condition())).isEqualTo("GP_HALTED.HALTED == 1");
            assertThat(Exprs.constant(poll.period()).getAsLong()).isEqualTo(1_000_000L);
            assertThat(Exprs.constant(poll.timeout()).getAsLong()).isEqualTo(100_000_000L);
        }

        @Test
        void sequencesAndObligations() {
            Description d = ipu3();
            assertParams(d, "enable", 1);
            assertParams(d, "resume", 1);
            for (String name : List.of("disable", "flush_all", "suspend")) {
                assertParams(d, name, 0);
            }
            assertThat(d.sequence("fault")).isEmpty();
            assertObligations(d, Map.of("map", "flush_all()", "unmap", "flush_all()"));
        }
    }

    // -------------------------------------------------------------------------------------------
    // MediaTek M4U v1 (facts, section 6)

    @Nested
    class Mtk {

        @Test
        void widthsAndAperture() {
            Description d = mtk();
            assertThat(d.compatibles()).extracting(t -> t.value()).containsExactly("mediatek,mt2701-m4u");
            assertThat(d.iovaBitsValue()).isEqualTo(32);
            assertThat(d.oaBitsValue()).isEqualTo(32);
            assertThat(d.apertureLast()).isEqualTo(0xFFFF_FFFFL);
        }

        @Test
        void registerMap() {
            Description d = mtk();
            assertRegister(d, "PT_BASE_ADDR", 0x000, Access.RW);
            assertRegister(d, "CTRL_REG", 0x210, Access.RW);
            assertField(d, "CTRL_REG", "TF_PROTECT_SEL", 6, 5);
            assertField(d, "CTRL_REG", "COHERENT_EN", 8, 8);
            assertRegister(d, "IVRP_PADDR", 0x214, Access.RW);
            assertRegister(d, "INT_CONTROL", 0x220, Access.RW);
            List<String> interruptBits = List.of("TRANSLATION_FAULT", "MAIN_MULTI_HIT_FAULT", "INVALID_PA_FAULT",
                    "ENTRY_REPLACEMENT_FAULT", "TABLE_WALK_FAULT", "TLB_MISS_FAULT", "PFH_DMA_FIFO_OVERFLOW",
                    "MISS_DMA_FIFO_OVERFLOW");
            for (int bit = 0; bit < interruptBits.size(); bit++) {
                assertField(d, "INT_CONTROL", interruptBits.get(bit), bit, bit);
            }
            assertField(d, "INT_CONTROL", "INT_CLR", 12, 12);
            Register intControl = register(d, "INT_CONTROL");
            assertThat(intControl.accessOf(intControl.field("INT_CLR").orElseThrow())).isEqualTo(Access.SC);
            assertRegister(d, "FAULT_ST", 0x224, Access.RO);
            assertRegister(d, "FAULT_VA", 0x228, Access.RO);
            assertField(d, "FAULT_VA", "VA", 31, 12);
            assertRegister(d, "INVLD_PA", 0x22C, Access.RO);
            assertRegister(d, "INT_ID", 0x388, Access.RO);
            assertField(d, "INT_ID", "TF_PORT", 11, 8);
            assertField(d, "INT_ID", "TF_LARB", 15, 13);
            assertRegister(d, "INVALIDATE", 0x5C0, Access.WO);
            assertField(d, "INVALIDATE", "INV_RANGE", 0, 0);
            assertField(d, "INVALIDATE", "ALL_INVLD", 1, 1);
            assertRegister(d, "INVLD_START_A", 0x5C4, Access.RW);
            assertRegister(d, "INVLD_END_A", 0x5C8, Access.RW);
            assertRegister(d, "INV_SEL", 0x5D8, Access.RW);
            assertField(d, "INV_SEL", "INVLD_EN0", 0, 0);
            assertField(d, "INV_SEL", "INVLD_EN1", 1, 1);
            assertRegister(d, "STANDARD_AXI_MODE", 0x5E8, Access.RW);
            assertRegister(d, "DCM", 0x5F0, Access.RW);
            assertField(d, "DCM", "DCM_ON", 1, 1);
            assertRegister(d, "CPE_DONE", 0x60C, Access.RW);
            assertThat(d.registers()).hasSize(15);
        }

        @Test
        void oneFlatLevel() {
            Description d = mtk();
            Walk walk = d.walk().orElseThrow();
            assertThat(Exprs.text(walk.root().orElseThrow())).isEqualTo("PT_BASE_ADDR");
            assertThat(walk.levels()).hasSize(1);
            Level flat = level(d, "flat");
            assertIndex(flat, 31, 12);
            assertThat(flat.size().map(e -> Exprs.constant(e).getAsLong())).contains(4L << 20);
            assertOnlyKind(flat, "pte", true, 4096);
            assertThat(walk.emptyOf("flat")).map(EmptyRule::faults).contains(true);
            assertThat(walk.coherency()).isEqualTo(Coherency.COHERENT);
        }

        @Test
        void entryFormat() {
            Format pte = mtk().format("pte").orElseThrow();
            assertThat(pte.widthValue()).isEqualTo(32);
            assertThat(pte.tagMask()).as("F_DESC_VALID").isEqualTo(0x2);
            assertThat(pte.tagValue()).isEqualTo(0x2);
            EntryField nonsec = pte.field("nonsec").orElseThrow();
            assertBits(nonsec.bits(), 3, 3);
            assertThat(nonsec.isTag()).as("NONSEC is always written, not required").isFalse();
            assertThat(nonsec.defaultValue().flatMap(e -> boxed(Exprs.constant(e)))).contains(1L);
            assertSlices(pte, "page", new int[][] {{31, 12, 31, 12}});
            assertThat(pte.allow(Direction.READ).orElseThrow().condition()).isEmpty();
            assertThat(pte.allow(Direction.WRITE).orElseThrow().condition()).isEmpty();
        }

        @Test
        void factsTestVectors() {
            Format pte = mtk().format("pte").orElseThrow();
            assertThat(encode(pte, 0x1234_5000L, Set.of(Direction.READ, Direction.WRITE))).isEqualTo(0x1234_500AL);
            assertThat(encode(pte, 0x1234_5000L, Set.of())).as("prot is ignored").isEqualTo(0x1234_500AL);
            assertThat(decode(pte, 0x1234_500AL)).as("iova_to_phys: pte & ~0xFFF").isEqualTo(0x1234_5000L);
            assertThat(index(level(mtk(), "flat"), 0xDEADBEEFL)).isEqualTo(0xDEADB);
        }

        @Test
        void hwInitWritesCoherentAndProtectSelect() {
            Description d = mtk();
            long coherent = 1L << field(d, "CTRL_REG", "COHERENT_EN").bits().low();
            long protectSel = 2L << field(d, "CTRL_REG", "TF_PROTECT_SEL").bits().low();
            List<Step> init = d.sequence("init").orElseThrow().steps();
            assertWrite(init.get(0), "CTRL_REG", Optional.empty(), coherent | protectSel);
            assertThat(coherent | protectSel).isEqualTo(0x140);
            assertWrite(init.get(1), "INT_CONTROL", Optional.empty(), 0xFF);
        }

        @Test
        void rangeInvalidationWithCpeDone() {
            Description d = mtk();
            assertThat(invalidations(d)).containsExactlyInAnyOrder(InvalidateScope.ALL, InvalidateScope.RANGE);
            Effect.Invalidate range = null;
            for (Rule r : d.rules()) {
                for (Effect e : r.effects()) {
                    if (e instanceof Effect.Invalidate i && i.scope() == InvalidateScope.RANGE) {
                        range = i;
                    }
                }
            }
            assertThat(range).isNotNull();
            assertThat(range.args()).extracting(Exprs::text).containsExactly("INVLD_START_A", "INVLD_END_A | 0xFFF");

            Sequence flushRange = d.sequence("flush_range").orElseThrow();
            assertThat(flushRange.params()).extracting(i -> i.text()).containsExactly("first", "last");
            Step.Poll poll = null;
            for (Step s : flushRange.steps()) {
                if (s instanceof Step.Poll p) {
                    poll = p;
                }
            }
            assertThat(poll).isNotNull();
            assertThat(Exprs.text(poll.condition())).isEqualTo("CPE_DONE != 0");
            assertThat(Exprs.constant(poll.period()).getAsLong()).isEqualTo(10_000L);
            assertThat(Exprs.constant(poll.timeout()).getAsLong()).isEqualTo(100_000_000L);
            assertThat(poll.otherwise()).hasValueSatisfying(o -> assertThat(o).singleElement()
                    .satisfies(s -> assertThat(((Step.Call) s).sequence().text()).isEqualTo("flush_all")));
            List<Step> steps = flushRange.steps();
            assertWrite(steps.get(steps.size() - 1), "CPE_DONE", Optional.empty(), 0);
        }

        @Test
        void faultClearsByReadModifyWrite() {
            Description d = mtk();
            Step clear = null;
            for (Step s : d.sequence("fault").orElseThrow().steps()) {
                if (s instanceof Step.Write w && w.target().register().text().equals("INT_CONTROL")) {
                    clear = s;
                }
            }
            assertThat(clear).isNotNull();
            Step.Write write = (Step.Write) clear;
            assertThat(write.modify()).as("INT_CONTROL |= F_INT_CLR_BIT").isTrue();
            assertThat(write.target().field()).map(i -> i.text()).contains("INT_CLR");
            assertThat(d.faults()).hasSize(1);
            assertThat(d.interrupts()).hasSize(1);
        }

        /**
         * A translation fault goes to the protect buffer at IVRP_PADDR when TF_PROTECT_SEL is 2
         * (the driver's value; F_MMU_TF_PROT_TO_PROGRAM_ADDR in later drivers), else it fails.
         */
        @Test
        void translationFaultRedirectsToTheProtectBuffer() {
            List<Effect> effects = mtk().faults().get(0).effects();
            Effect.If select = (Effect.If) effects.get(effects.size() - 1);
            assertThat(Exprs.text(select.condition())).isEqualTo("CTRL_REG.TF_PROTECT_SEL == 2");
            assertThat(select.then()).singleElement().isInstanceOfSatisfying(Effect.Redirect.class,
                    r -> assertThat(Exprs.text(r.address())).isEqualTo("IVRP_PADDR"));
            assertThat(select.otherwise()).singleElement().isInstanceOfSatisfying(Effect.FaultAction.class,
                    a -> assertThat(a.stall()).as("abort").isFalse());
        }

        /** mtk_iommu_v1_isr reads FAULT_ST, FAULT_VA, INVLD_PA and INT_ID once each, in that order. */
        @Test
        void faultReadsEachFaultRegisterOnce() {
            List<String> lets = new ArrayList<>();
            for (Step s : mtk().sequence("fault").orElseThrow().steps()) {
                if (s instanceof Step.Let l) {
                    lets.add(l.name().text() + " = " + Exprs.text(l.value()));
                }
            }
            assertThat(lets).containsExactly("status = FAULT_ST", "iova = FAULT_VA & FAULT_VA_MASK", "pa = INVLD_PA",
                    "id = INT_ID", "larb = 6 - bits(id, 15, 13)", "port = bits(id, 11, 8)");
        }

        @Test
        void obligations() {
            assertObligations(mtk(), Map.of("map", "flush_range(first, last)", "unmap", "flush_range(first, last)"));
        }
    }

    // -------------------------------------------------------------------------------------------
    // Random inputs: the model's codecs against the drivers' arithmetic (facts 2.3, 3.2, 6.2)

    static Stream<Arguments> seeds() {
        return IntStream.range(0, CASES).mapToObj(i -> Arguments.of("seed " + (SEED + i), SEED + i));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void codecsMatchTheDrivers(String name, long seed) {
        Random random = new Random(seed);
        long page = random.nextLong() & 0xFF_FFFF_FFFFL;
        long entry = random.nextLong() & 0xFFFF_FFFFL;
        boolean writable = random.nextBoolean();
        Set<Direction> prot = writable ? Set.of(Direction.READ, Direction.WRITE) : Set.of(Direction.READ);

        Description vsi = vsi();
        long vsiPte = ((page & 0xFFFF_F000L) | ((page & 0xFF_0000_0000L) >>> 28) | (writable ? 4 : 0) | 1) & 0xFFFF_FFFFL;
        assertThat(encode(vsi.format("pte").orElseThrow(), page, prot)).as("vsi_mk_pte").isEqualTo(vsiPte);
        assertThat(decode(vsi.format("pte").orElseThrow(), entry)).as("vsi_pte_page_address")
                .isEqualTo(((entry << 28) & 0xFF_0000_0000L) | (entry & 0xFFFF_F000L));
        long table = page & 0xFFFF_F000L;
        assertThat(encode(vsi.format("dte").orElseThrow(), table, Set.of())).as("vsi_mk_dte").isEqualTo(table | 1);
        assertThat(decode(vsi.format("dte").orElseThrow(), entry)).as("vsi_dte_pt_address")
                .isEqualTo(entry & 0xFFFF_FFC0L);
        assertThat(encode(vsi.format("pta").orElseThrow(), page, Set.of())).as("vsi_mk_pta")
                .isEqualTo(page & 0xFFFF_FC00L);

        Description ipu3 = ipu3();
        long any = random.nextLong();
        for (String f : List.of("l1pte", "l2pte")) {
            assertThat(encode(ipu3.format(f).orElseThrow(), any, Set.of())).as("IPU3_ADDR2PTE into a u32")
                    .isEqualTo((any >>> 12) & 0xFFFF_FFFFL);
            assertThat(decode(ipu3.format(f).orElseThrow(), entry)).as("IPU3_PTE2ADDR").isEqualTo(entry << 12);
        }

        Description mtk = mtk();
        long paddr = page & 0xFFFF_F000L;
        assertThat(encode(mtk.format("pte").orElseThrow(), paddr, prot)).as("mtk_iommu_v1_map")
                .isEqualTo(paddr | 0x2 | 0x8);
        assertThat(decode(mtk.format("pte").orElseThrow(), entry)).as("mtk_iommu_v1_iova_to_phys")
                .isEqualTo(entry & ~0xFFFL);
        long iova = entry;
        assertThat(index(level(mtk, "flat"), iova)).isEqualTo(iova >>> 12);
        assertThat(index(level(vsi, "dt"), iova)).isEqualTo(iova >>> 22);
        assertThat(index(level(vsi, "pt"), iova)).isEqualTo((iova >>> 12) & 0x3FF);
    }

    // -------------------------------------------------------------------------------------------
    // A reference codec that reads only the model

    /** Encodes an entry: tags, defaults, the address packed into its slices, the permission encoding. */
    static long encode(Format f, long address, Set<Direction> prot) {
        long entry = f.tagValue();
        for (EntryField field : f.fields()) {
            if (!field.isTag() && field.defaultValue().isPresent()) {
                entry = set(entry, field.bits(), Exprs.constant(field.defaultValue().get()).getAsLong());
            }
        }
        AddressField a = f.address().orElseThrow();
        for (Slice s : a.slices()) {
            long bits = (address >>> s.address().low()) & ones(s.address().width());
            entry |= bits << s.entry().low();
        }
        for (ProtRule rule : protRules(f, prot)) {
            for (Assignment assignment : rule.assignments()) {
                EntryField field = f.field(assignment.field().text()).orElseThrow();
                entry = set(entry, field.bits(), Exprs.constant(assignment.value()).getAsLong());
            }
        }
        return entry;
    }

    /** Decodes an entry's address field: address bits below the lowest slice are zero. */
    static long decode(Format f, long entry) {
        long address = 0;
        for (Slice s : f.address().orElseThrow().slices()) {
            address |= ((entry >>> s.entry().low()) & ones(s.entry().width())) << s.address().low();
        }
        return address;
    }

    /** The rule for exactly the requested directions, else every rule for a non-empty subset (ProtRule). */
    private static List<ProtRule> protRules(Format f, Set<Direction> requested) {
        Set<Direction> wanted = requested.isEmpty() ? EnumSet.noneOf(Direction.class) : EnumSet.copyOf(requested);
        for (ProtRule rule : f.prot()) {
            if (Set.copyOf(rule.directions()).equals(wanted)) {
                return List.of(rule);
            }
        }
        List<ProtRule> subset = new ArrayList<>();
        for (ProtRule rule : f.prot()) {
            if (!rule.directions().isEmpty() && wanted.containsAll(rule.directions())) {
                subset.add(rule);
            }
        }
        return subset;
    }

    private static long set(long entry, BitRange bits, long value) {
        return (entry & ~bits.mask()) | ((value << bits.low()) & bits.mask());
    }

    private static long ones(int width) {
        return width >= 64 ? -1L : (1L << width) - 1;
    }

    static long index(Level level, long iova) {
        BitRange bits = level.indexBits().orElseThrow();
        return (iova >>> bits.low()) & ones(bits.width());
    }

    // -------------------------------------------------------------------------------------------
    // Assertion helpers

    static Register register(Description d, String name) {
        return d.register(name).orElseThrow(() -> new AssertionError("no register " + name));
    }

    static Field field(Description d, String register, String field) {
        return register(d, register).field(field).orElseThrow(() -> new AssertionError("no field " + register + "." + field));
    }

    static Level level(Description d, String name) {
        return d.walk().orElseThrow().level(name).orElseThrow(() -> new AssertionError("no level " + name));
    }

    static void assertRegister(Description d, String name, long offset, Access access) {
        Register r = register(d, name);
        assertThat(r.offsetValue()).as(name + " offset").isEqualTo(offset);
        assertThat(r.widthValue()).as(name + " width").isEqualTo(32);
        assertThat(r.access().value()).as(name + " access").isEqualTo(access);
    }

    static void assertField(Description d, String register, String name, int high, int low) {
        assertBits(field(d, register, name).bits(), high, low);
    }

    static void assertBits(BitRange bits, int high, int low) {
        assertThat(bits.high()).as("high bit of " + bits).isEqualTo(high);
        assertThat(bits.low()).as("low bit of " + bits).isEqualTo(low);
    }

    static void assertIndex(Level level, int high, int low) {
        assertThat(level.fixedIndex()).isEmpty();
        assertBits(level.indexBits().orElseThrow(), high, low);
    }

    static void assertTable(Level level, long size, long align) {
        assertThat(level.size().map(e -> Exprs.constant(e).getAsLong())).as(level.name() + " size").contains(size);
        assertThat(level.align().map(e -> Exprs.constant(e).getAsLong())).as(level.name() + " align").contains(align);
    }

    static void assertOnlyKind(Level level, String format, boolean leaf, long pageSize) {
        assertThat(level.kinds()).hasSize(1);
        EntryKind kind = level.kinds().get(0);
        assertThat(kind.format().text()).isEqualTo(format);
        assertThat(kind.leaf()).isEqualTo(leaf);
        assertThat(kind.pageSizeValue()).isEqualTo(pageSize);
        assertThat(kind.contiguousValue()).isEqualTo(1);
    }

    /** Slices as rows {entryHigh, entryLow, addressHigh, addressLow}, in order. */
    static void assertSlices(Format f, String name, int[][] expected) {
        AddressField a = f.address().orElseThrow();
        assertThat(f.addresses()).hasSize(1);
        assertThat(a.name().text()).isEqualTo(name);
        List<String> actual = new ArrayList<>();
        for (Slice s : a.slices()) {
            actual.add(s.entry() + " -> " + s.address());
        }
        List<String> wanted = new ArrayList<>();
        for (int[] row : expected) {
            wanted.add(range(row[0], row[1]) + " -> " + range(row[2], row[3]));
        }
        assertThat(actual).containsExactlyElementsOf(wanted);
    }

    private static String range(int high, int low) {
        return high == low ? String.valueOf(high) : high + ":" + low;
    }

    static void assertEmptyEntry(Walk walk, String level, String format, String field, String shared) {
        EmptyRule rule = walk.emptyOf(level).orElseThrow();
        assertThat(rule.faults()).isFalse();
        Encode encode = (Encode) rule.entry().orElseThrow();
        assertThat(encode.format()).isEqualTo(format);
        assertThat(encode.values()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo(field);
            assertThat(Exprs.text(v.value())).isEqualTo(shared);
        });
    }

    static void assertParams(Description d, String sequence, int count) {
        Sequence s = d.sequence(sequence).orElseThrow(() -> new AssertionError("no sequence " + sequence));
        assertThat(s.params()).as(sequence + " parameters").hasSize(count);
    }

    static void assertWrite(Step step, String register, Optional<String> field, long value) {
        assertThat(step).isInstanceOf(Step.Write.class);
        Step.Write w = (Step.Write) step;
        assertThat(w.modify()).isFalse();
        assertThat(w.target().register().text()).isEqualTo(register);
        assertThat(w.target().field().map(i -> i.text())).isEqualTo(field);
        assertThat(Exprs.constant(w.value()).getAsLong()).isEqualTo(value);
    }

    static void assertObligations(Description d, Map<String, String> expected) {
        assertThat(d.obligations()).hasSize(expected.size());
        for (Obligation o : d.obligations()) {
            List<String> calls = new ArrayList<>();
            for (ObligationCall c : o.calls()) {
                List<String> args = new ArrayList<>();
                c.args().forEach(a -> args.add(Exprs.text(a)));
                calls.add(c.sequence().text() + "(" + String.join(", ", args) + ")");
            }
            assertThat(String.join(", ", calls)).as("obligation " + o.key()).isEqualTo(expected.get(o.key()));
        }
    }

    static List<InvalidateScope> invalidations(Description d) {
        List<InvalidateScope> scopes = new ArrayList<>();
        for (Rule r : d.rules()) {
            for (Effect e : r.effects()) {
                if (e instanceof Effect.Invalidate i) {
                    scopes.add(i.scope());
                }
            }
        }
        return scopes;
    }

    static Rule rule(Description d, String register) {
        return rules(d, register).get(0);
    }

    static List<Rule> rules(Description d, String register) {
        List<Rule> found = new ArrayList<>();
        for (Rule r : d.rules()) {
            if (r.target().register().text().equals(register)) {
                found.add(r);
            }
        }
        assertThat(found).as("rules on " + register).isNotEmpty();
        return found;
    }

    private static Optional<Long> boxed(java.util.OptionalLong value) {
        return value.isPresent() ? Optional.of(value.getAsLong()) : Optional.empty();
    }
}
