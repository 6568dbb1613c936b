package org.iommuc.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iommuc.dsl.model.Arg;
import org.iommuc.dsl.model.Assignment;
import org.iommuc.dsl.model.BitRange;
import org.iommuc.dsl.model.Builtin;
import org.iommuc.dsl.model.Cache;
import org.iommuc.dsl.model.Conditional;
import org.iommuc.dsl.model.ConstRef;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Direction;
import org.iommuc.dsl.model.Effect;
import org.iommuc.dsl.model.EmptyRule;
import org.iommuc.dsl.model.Encode;
import org.iommuc.dsl.model.EntryField;
import org.iommuc.dsl.model.EntryFieldRef;
import org.iommuc.dsl.model.EntryKind;
import org.iommuc.dsl.model.EnumRef;
import org.iommuc.dsl.model.EnumValue;
import org.iommuc.dsl.model.Expr;
import org.iommuc.dsl.model.FaultHandler;
import org.iommuc.dsl.model.FaultKind;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.Field;
import org.iommuc.dsl.model.Format;
import org.iommuc.dsl.model.Ident;
import org.iommuc.dsl.model.InvalidateScope;
import org.iommuc.dsl.model.Level;
import org.iommuc.dsl.model.Num;
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
import org.iommuc.dsl.model.Unary;
import org.iommuc.dsl.model.Var;
import org.iommuc.dsl.model.VarRef;
import org.iommuc.dsl.model.Walk;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Structural facts of the Samsung Exynos SYSMMU v1 / v5 / v7 / v7 VM and Allwinner sun50i H6 descriptions,
 * taken from the hardware facts (sections 4 and 5): register offsets and bits, level index bits,
 * page sizes, entry layouts with the facts' test vectors, empty entries, caches, invalidation
 * rules, obligations and the values the driver sequences write. A later edit of an example that
 * changes one of them fails here.
 */
class ExynosSun50iExamplesTest {

    private static final Set<Direction> NONE = EnumSet.noneOf(Direction.class);
    private static final Set<Direction> R = EnumSet.of(Direction.READ);
    private static final Set<Direction> W = EnumSet.of(Direction.WRITE);
    private static final Set<Direction> RW = EnumSet.of(Direction.READ, Direction.WRITE);

    private static final Description EXYNOS_V1 = compile("exynos-sysmmu-v1.iommu", "exynos_sysmmu_v1");
    private static final Description EXYNOS_V5 = compile("exynos-sysmmu-v5.iommu", "exynos_sysmmu_v5");
    private static final Description EXYNOS_V7 = compile("exynos-sysmmu-v7.iommu", "exynos_sysmmu_v7");
    private static final Description EXYNOS_V7_VM = compile("exynos-sysmmu-v7-vm.iommu", "exynos_sysmmu_v7_vm");
    private static final Description SUN50I = compile("sun50i-h6.iommu", "sun50i_h6");

    @Nested
    class ExynosV1 {

        private final Description d = EXYNOS_V1;

        @Test
        void registerMapIsTheV1Layout() {
            Map<String, Long> expected = new LinkedHashMap<>();
            expected.put("CTRL", 0x000L);
            expected.put("CFG", 0x004L);
            expected.put("STATUS", 0x008L);
            expected.put("FLUSH_ALL", 0x00CL);
            expected.put("FLUSH_ENTRY", 0x010L);
            expected.put("PT_BASE", 0x014L);
            expected.put("INT_STATUS", 0x018L);
            expected.put("INT_CLEAR", 0x01CL);
            expected.put("PAGE_FAULT_ADDR", 0x024L);
            expected.put("AW_FAULT_ADDR", 0x028L);
            expected.put("AR_FAULT_ADDR", 0x02CL);
            expected.put("DEFAULT_SLAVE_ADDR", 0x030L);
            expected.put("VERSION", 0x034L);
            assertThat(offsets(d)).isEqualTo(expected);
        }

        @Test
        void controlValuesConfigBitsAndVersion() {
            assertThat(values(register(d, "CTRL").values())).containsExactly(
                    Map.entry("DISABLE", 0x0L), Map.entry("ENABLE", 0x5L), Map.entry("BLOCK", 0x7L));
            Register cfg = register(d, "CFG");
            assertThat(bits(cfg, "LRU")).isEqualTo("0");
            assertThat(bits(cfg, "EAP")).isEqualTo("2");
            assertThat(bits(cfg, "QOS")).isEqualTo("10:7");
            assertThat(bits(cfg, "FLPDCACHE")).isEqualTo("20");
            assertThat(bits(cfg, "SYSSEL")).isEqualTo("22");
            assertThat(bits(cfg, "ACGEN")).isEqualTo("24");
            assertThat(bits(register(d, "STATUS"), "BLOCKED")).isEqualTo("0");
            Register version = register(d, "VERSION");
            assertThat(bits(version, "MAJOR")).isEqualTo("31:28");
            assertThat(bits(version, "MINOR")).isEqualTo("27:21");
            // MAKE_MMU_VER(3, 3) = 0x183, read back through MMU_RAW_VER (bits 31:21).
            assertThat(version.resetValue()).isEqualTo(0x183L << 21);
        }

        @Test
        void interruptBitsFollowSysmmuV1Faults() {
            Register status = register(d, "INT_STATUS");
            List<String> names = List.of("PAGE", "AR_MULTI_HIT", "AW_MULTI_HIT", "BUS_ERROR", "AR_SECURITY",
                    "AR_ACCESS_PROTECTION", "AW_SECURITY", "AW_ACCESS_PROTECTION");
            for (int bit = 0; bit < names.size(); bit++) {
                assertThat(bits(status, names.get(bit))).as(names.get(bit)).isEqualTo(String.valueOf(bit));
            }
            Register clear = register(d, "INT_CLEAR");
            assertThat(clear.access().value().keyword()).isEqualTo("w1c");
            assertThat(clear.clears().map(Ident::text)).contains("INT_STATUS");
        }

        @Test
        void walkHasTheShortDescriptorLevels() {
            assertExynosLevels(d);
            assertThat(d.walk().orElseThrow().root().orElseThrow()).isInstanceOfSatisfying(RegRead.class,
                    r -> assertThat(r.register()).isEqualTo("PT_BASE"));
        }

        @Test
        void entryFormatsMatchTheDriverEncodingAndTestVectors() {
            assertTags(d);
            Format section = format(d, "section");
            Format small = format(d, "small");
            Format large = format(d, "large");
            assertThat(encode(section, 0x4010_0000L, RW)).isEqualTo(0x4010_0402L);
            assertThat(encode(small, 0x4012_3000L, R)).isEqualTo(0x4012_3212L);
            assertThat(encode(large, 0x4012_0000L, RW)).isEqualTo(0x4012_0011L);
            assertThat(encode(format(d, "lv2link"), 0x4012_3400L, NONE)).isEqualTo(0x4012_3401L);
            // SYSMMU_LV1_PROT = {0, (1 << 15) | (1 << 10), 1 << 10, 1 << 10}: write-only becomes RW.
            assertThat(encode(section, 0, NONE)).isEqualTo(0x2L);
            assertThat(encode(section, 0, R)).isEqualTo((1L << 15) | (1L << 10) | 2);
            assertThat(encode(section, 0, W)).isEqualTo((1L << 10) | 2);
            // SYSMMU_LV2_PROT = {0, (1 << 9) | (1 << 4), 1 << 4, 1 << 4}.
            assertThat(encode(small, 0, R)).isEqualTo((1L << 9) | (1L << 4) | 2);
            assertThat(encode(small, 0, W)).isEqualTo((1L << 4) | 2);
            assertThat(decode(section, 0x4010_0402L)).isEqualTo(0x4010_0000L);
            assertThat(decode(format(d, "lv2link"), 0x4012_3401L)).isEqualTo(0x4012_3400L);
        }

        @Test
        void accessProtectionIsCheckedOnlyWithCfgEap() {
            Format section = format(d, "section");
            long eap = 1L << 2;
            Map<String, Long> checking = Map.of("CFG", eap);
            Map<String, Long> notChecking = Map.of("CFG", 0L);
            Map<String, Long> readOnly = Map.of("ap", 1L, "apx", 1L);
            Map<String, Long> noAccess = Map.of("ap", 0L, "apx", 0L);
            assertThat(allows(d, section, Direction.READ, checking, Map.of(), readOnly)).isTrue();
            assertThat(allows(d, section, Direction.WRITE, checking, Map.of(), readOnly)).isFalse();
            assertThat(allows(d, section, Direction.READ, checking, Map.of(), noAccess)).isFalse();
            assertThat(allows(d, section, Direction.WRITE, notChecking, Map.of(), noAccess)).isTrue();
        }

        @Test
        void emptyLevel1SlotsLinkToTheSharedZeroTable() {
            assertZeroLinkEmpties(d);
        }

        @Test
        void cachesKeepFaultyEntriesAndFirstLevelDescriptors() {
            Walk walk = d.walk().orElseThrow();
            assertThat(walk.coherency().keyword()).isEqualTo("noncoherent");
            assertThat(contents(d.tlb().orElseThrow())).containsExactly("leaf", "invalid");
            assertThat(contents(d.walkCache().orElseThrow())).containsExactly("lv1");
        }

        @Test
        void flushRegistersInvalidate() {
            assertThat(invalidations(rule(d, "FLUSH_ALL"))).containsExactly("tlb all", "walkcache all");
            assertThat(invalidations(rule(d, "FLUSH_ENTRY"))).containsExactly("tlb page", "walkcache page");
        }

        @Test
        void sequencesWriteTheDriverValues() {
            // __sysmmu_init_config for v3.3: QOS(15) | FLPDCACHE | ACGEN | EAP.
            assertThat(writes(d, "init_config", Map.of())).containsExactly("CFG = 0x1100784");
            assertThat(writes(d, "set_ptbase", Map.of("pgd", 0x4000_0000L)))
                    .containsExactly("PT_BASE = 0x40000000", "call flush_all");
            assertThat(writes(d, "enable", Map.of("pgd", 0x4000_0000L)))
                    .containsExactly("CTRL = 0x7", "call init_config", "call set_ptbase", "CTRL = 0x5");
            assertThat(writes(d, "disable", Map.of())).containsExactly("CTRL = 0x0", "CFG = 0x0");
            // up to 120 reads of STATUS, each returning when BLOCKED, then unblock (this helper
            // walks every branch of an 'if' it cannot decide, so it lists all 120 passes)
            List<String> block = new ArrayList<>(List.of("CTRL = 0x7"));
            for (int i = 0; i < 120; i++) {
                block.addAll(List.of("if", "return"));
            }
            block.addAll(List.of("for 120", "if", "CTRL = 0x5"));
            assertThat(writes(d, "block", Map.of())).containsExactlyElementsOf(block);
            // v3.3 invalidates the FLPD cache with an entry flush under block.
            assertThat(writes(d, "flush_flpd", Map.of("iova", 0x1234_5678L)))
                    .containsExactly("call block", "if", "FLUSH_ENTRY = 0x12345001", "call unblock");
            assertThat(writes(d, "flush_page", Map.of("iova", 0x1234_5678L)))
                    .containsExactly("call flush_entry");
            assertThat(writes(d, "flush_entry", Map.of("iova", 0x1234_5678L, "size", 0x10_0000L)))
                    .as("num_inv = 1 but on v2").containsExactly("call block", "if", "FLUSH_ENTRY = 0x12345001", "for 1",
                            "call unblock");
            assertThat(sequenceNames(d)).contains("init", "enable", "disable", "flush_all", "flush_page", "fault",
                    "suspend", "resume", "block", "unblock", "flush_flpd");
        }

        @Test
        void obligations() {
            assertThat(obligationText(d)).containsExactly("map: none", "link lv1: flush_flpd(first)",
                    "unmap: flush_page(each)");
        }
    }

    @Nested
    class ExynosV5 {

        private final Description d = EXYNOS_V5;

        @Test
        void registerMapIsTheV5Layout() {
            Map<String, Long> expected = new LinkedHashMap<>();
            expected.put("CTRL", 0x000L);
            expected.put("CFG", 0x004L);
            expected.put("STATUS", 0x008L);
            expected.put("PT_BASE", 0x00CL);
            expected.put("FLUSH_ALL", 0x010L);
            expected.put("FLUSH_ENTRY", 0x014L);
            expected.put("FLUSH_RANGE", 0x018L);
            expected.put("FLUSH_START", 0x020L);
            expected.put("FLUSH_END", 0x024L);
            expected.put("VERSION", 0x034L);
            expected.put("INT_STATUS", 0x060L);
            expected.put("INT_CLEAR", 0x064L);
            expected.put("FAULT_AR_VA", 0x070L);
            expected.put("FAULT_AW_VA", 0x080L);
            assertThat(offsets(d)).isEqualTo(expected);
            // MAKE_MMU_VER(5, 0) = 0x280.
            assertThat(register(d, "VERSION").resetValue()).isEqualTo(0x280L << 21);
        }

        @Test
        void interruptBitsAreReadAndWriteSets() {
            Register status = register(d, "INT_STATUS");
            List<String> names = List.of("PTW", "PAGE", "MULTI_HIT", "ACCESS_PROTECTION", "SECURITY_PROTECTION");
            for (int i = 0; i < names.size(); i++) {
                assertThat(bits(status, "AR_" + names.get(i))).isEqualTo(String.valueOf(i));
                assertThat(bits(status, "AW_" + names.get(i))).isEqualTo(String.valueOf(16 + i));
            }
        }

        @Test
        void walkKeepsTheV1LevelsWithAShiftedRoot() {
            assertExynosLevels(d);
            assertZeroLinkEmpties(d);
            Expr root = d.walk().orElseThrow().root().orElseThrow();
            assertThat(new Eval(d, Map.of("PT_BASE", 0x84_0123L), Map.of(), Map.of()).of(root))
                    .isEqualTo(0x8_4012_3000L);
            assertThat(d.oaBitsValue()).isEqualTo(36);
        }

        @Test
        void entriesStorePaShiftedRightByFour() {
            assertTags(d);
            assertThat(encode(format(d, "section"), 0x8_4010_0000L, RW)).isEqualTo(0x8401_0032L);
            assertThat(encode(format(d, "small"), 0x8_4012_3000L, R)).isEqualTo(0x8401_2306L);
            assertThat(encode(format(d, "lv2link"), 0x8_4012_3400L, NONE)).isEqualTo(0x8401_2341L);
            assertThat(decode(format(d, "lv2link"), 0x8401_2341L)).isEqualTo(0x8_4012_3400L);
            assertThat(decode(format(d, "section"), 0x8401_0032L)).isEqualTo(0x8_4010_0000L);
            assertThat(decode(format(d, "large"), 0x8401_2005L)).isEqualTo(0x8_4012_0000L);
            // SYSMMU_V5_LV1_PROT = prot << 4, SYSMMU_V5_LV2_PROT = prot << 2.
            for (Set<Direction> prot : List.of(NONE, R, W, RW)) {
                long index = (prot.contains(Direction.READ) ? 1 : 0) | (prot.contains(Direction.WRITE) ? 2 : 0);
                assertThat(encode(format(d, "section"), 0, prot)).isEqualTo((index << 4) | 2);
                assertThat(encode(format(d, "large"), 0, prot)).isEqualTo((index << 2) | 1);
                assertThat(encode(format(d, "small"), 0, prot)).isEqualTo((index << 2) | 2);
            }
        }

        @Test
        void cachesAndInvalidations() {
            assertThat(contents(d.tlb().orElseThrow())).containsExactly("leaf");
            assertThat(contents(d.walkCache().orElseThrow())).containsExactly("lv1");
            assertThat(invalidations(rule(d, "FLUSH_ALL"))).containsExactly("tlb all", "walkcache all");
            assertThat(invalidations(rule(d, "FLUSH_ENTRY"))).containsExactly("tlb page");
            assertThat(invalidations(rule(d, "FLUSH_RANGE"))).containsExactly("tlb range");
        }

        @Test
        void sequencesFollowTheMajorVersion() {
            assertThat(writes(d, "init_config", Map.of())).containsExactly("CFG = 0x1100784");
            assertThat(writes(d, "set_ptbase", Map.of("pgd", 0x8_4000_0000L)))
                    .containsExactly("PT_BASE = 0x840000", "call flush_all");
            // v5 invalidates the FLPD cache with a full flush.
            assertThat(writes(d, "flush_flpd", Map.of("iova", 0x1234_5678L)))
                    .containsExactly("call block", "if", "call flush_all", "call unblock");
            assertThat(writes(d, "flush_range", Map.of("first", 0x1000_0123L, "last", 0x1000_3FFFL)))
                    .as("under sysmmu_block, as every sysmmu_tlb_invalidate_entry")
                    .containsExactly("call block", "if", "FLUSH_START = 0x10000000", "FLUSH_END = 0x10003000",
                            "FLUSH_RANGE = 0x1", "call unblock");
            assertThat(obligationText(d)).containsExactly("map: none", "link lv1: flush_flpd(first)",
                    "unmap: flush_page(each)");
        }
    }

    @Nested
    class ExynosV7 {

        private final Description d = EXYNOS_V7;

        @Test
        void registerMapIsTheV7Layout() {
            Map<String, Long> expected = new LinkedHashMap<>();
            expected.put("CTRL", 0x000L);
            expected.put("CFG", 0x004L);
            expected.put("STATUS", 0x008L);
            expected.put("PT_BASE", 0x00CL);
            expected.put("FLUSH_ALL", 0x010L);
            expected.put("FLUSH_ENTRY", 0x014L);
            expected.put("FLUSH_RANGE", 0x018L);
            expected.put("FLUSH_START", 0x020L);
            expected.put("FLUSH_END", 0x024L);
            expected.put("VERSION", 0x034L);
            expected.put("INT_STATUS", 0x060L);
            expected.put("INT_CLEAR", 0x064L);
            expected.put("FAULT_VA", 0x070L);
            expected.put("FAULT_INFO", 0x078L);
            expected.put("CAPA0", 0x870L);
            expected.put("CAPA1", 0x874L);
            assertThat(offsets(d)).isEqualTo(expected);
            // MAKE_MMU_VER(7, 0) = 0x380; major = bits 31:28.
            assertThat(register(d, "VERSION").resetValue()).isEqualTo(0x380L << 21);
            assertThat(bits(register(d, "FAULT_INFO"), "WRITE")).isEqualTo("20");
            assertThat(bits(register(d, "CAPA0"), "CAPA1_EXIST")).isEqualTo("11");
            assertThat(bits(register(d, "CAPA1"), "VCR_ENABLED")).isEqualTo("14");
            assertThat(register(d, "CAPA0").resetValue()).as("no CAPA1: the plain v7 layout").isZero();
        }

        @Test
        void interruptBitsAreTheV7FaultNames() {
            // sysmmu_v7_fault_names[itype % 4]; the direction is in FAULT_INFO, not in the bit.
            List<String> names = List.of("PTW", "PAGE", "ACCESS_PROTECTION", "RESERVED");
            for (String reg : List.of("INT_STATUS", "INT_CLEAR")) {
                Register r = register(d, reg);
                assertThat(r.fields()).extracting(f -> f.name().text()).containsExactlyElementsOf(names);
                for (int bit = 0; bit < names.size(); bit++) {
                    assertThat(bits(r, names.get(bit))).as(reg + "." + names.get(bit)).isEqualTo(String.valueOf(bit));
                }
            }
            assertThat(register(d, "INT_CLEAR").clears().map(Ident::text)).contains("INT_STATUS");
        }

        @Test
        void walkAndEntriesAreV5s() {
            assertExynosLevels(d);
            assertZeroLinkEmpties(d);
            assertTags(d);
            assertThat(d.oaBitsValue()).isEqualTo(36);
            Expr root = d.walk().orElseThrow().root().orElseThrow();
            assertThat(new Eval(d, Map.of("PT_BASE", 0x84_0123L), Map.of(), Map.of()).of(root)).isEqualTo(0x8_4012_3000L);
            // The v5 test vectors hold unchanged: the entry formats are inherited.
            assertThat(encode(format(d, "section"), 0x8_4010_0000L, RW)).isEqualTo(0x8401_0032L);
            assertThat(encode(format(d, "small"), 0x8_4012_3000L, R)).isEqualTo(0x8401_2306L);
            assertThat(encode(format(d, "lv2link"), 0x8_4012_3400L, NONE)).isEqualTo(0x8401_2341L);
            assertThat(decode(format(d, "lv2link"), 0x8401_2341L)).isEqualTo(0x8_4012_3400L);
            assertThat(contents(d.tlb().orElseThrow())).containsExactly("leaf");
            assertThat(invalidations(rule(d, "FLUSH_RANGE"))).containsExactly("tlb range");
        }

        @Test
        void faultsRecordOneAddressAndTheDirectionInFaultInfo() {
            assertThat(faultEffects(d, FaultKind.TRANSLATION)).containsExactly("FAULT_VA = iova",
                    "FAULT_INFO.WRITE = write", "INT_STATUS.PAGE = 1", "STATUS.BLOCKED = 1", "stall");
            assertThat(faultEffects(d, FaultKind.PERMISSION)).containsExactly("FAULT_VA = iova",
                    "FAULT_INFO.WRITE = write", "INT_STATUS.ACCESS_PROTECTION = 1", "STATUS.BLOCKED = 1", "stall");
            assertThat(faultEffects(d, FaultKind.BUS)).containsExactly("FAULT_VA = iova",
                    "FAULT_INFO.WRITE = write", "INT_STATUS.PTW = 1", "STATUS.BLOCKED = 1", "stall");
        }

        @Test
        void faultSequenceReadsFaultVaAndFaultInfo() {
            Sequence fault = d.sequence("fault").orElseThrow();
            assertThat(stepKinds(fault.steps())).containsExactly("let status", "let itype", "let va", "let info",
                    "report", "write INT_CLEAR", "call unblock");
            assertThat(letText(fault, "va")).isEqualTo("FAULT_VA");
            assertThat(letText(fault, "info")).isEqualTo("FAULT_INFO");
            Step.Report report = (Step.Report) fault.steps().get(4);
            Map<String, String> args = new LinkedHashMap<>();
            for (Arg a : report.args()) {
                args.put(a.name().orElseThrow().text(), Exprs.text(a.value()));
            }
            assertThat(args).containsExactly(Map.entry("iova", "va"), Map.entry("write", "bits(info, 20, 20)"));
        }

        @Test
        void initAcceptsMajorSevenWithoutTheVmCapability() {
            assertThat(init(d, 7, 0, 0)).isTrue();
            assertThat(init(d, 8, 0, 0)).as("every major from 7 on").isTrue();
            assertThat(init(d, 7, 1 << 11, 0)).as("CAPA1 present, VCR not enabled").isTrue();
            assertThat(init(d, 7, 0, 1 << 14)).as("CAPA1 is not there: its bit does not count").isTrue();
            assertThat(init(d, 7, 1 << 11, 1 << 14)).as("the VM layout").isFalse();
            assertThat(init(d, 6, 0, 0)).as("a v5-layout SYSMMU").isFalse();
        }

        @Test
        void sequencesAreV5s() {
            assertThat(writes(d, "init_config", Map.of())).containsExactly("CFG = 0x1100784");
            assertThat(writes(d, "set_ptbase", Map.of("pgd", 0x8_4000_0000L)))
                    .containsExactly("PT_BASE = 0x840000", "call flush_all");
            assertThat(writes(d, "enable", Map.of("pgd", 0x8_4000_0000L)))
                    .containsExactly("CTRL = 0x7", "call init_config", "call set_ptbase", "CTRL = 0x5");
            assertThat(writes(d, "flush_flpd", Map.of("iova", 0x1234_5678L)))
                    .containsExactly("call block", "if", "call flush_all", "call unblock");
            assertThat(obligationText(d)).containsExactly("map: none", "link lv1: flush_flpd(first)",
                    "unmap: flush_page(each)");
        }
    }

    @Nested
    class ExynosV7Vm {

        private final Description d = EXYNOS_V7_VM;

        @Test
        void registerMapIsTheV7VmLayout() {
            Map<String, Long> expected = new LinkedHashMap<>();
            expected.put("CTRL", 0x000L);
            expected.put("CFG", 0x004L);
            expected.put("STATUS", 0x008L);
            expected.put("VERSION", 0x034L);
            expected.put("INT_STATUS", 0x060L);
            expected.put("INT_CLEAR", 0x064L);
            expected.put("CAPA0", 0x870L);
            expected.put("CAPA1", 0x874L);
            expected.put("FAULT_VA", 0x1000L);
            expected.put("FAULT_INFO", 0x1004L);
            expected.put("CTRL_VM", 0x8000L);
            expected.put("PT_BASE", 0x800CL);
            expected.put("FLUSH_ALL", 0x8010L);
            expected.put("FLUSH_ENTRY", 0x8014L);
            expected.put("FLUSH_RANGE", 0x8018L);
            expected.put("FLUSH_START", 0x8020L);
            expected.put("FLUSH_END", 0x8024L);
            assertThat(offsets(d)).isEqualTo(expected);
            Register ctrlVm = register(d, "CTRL_VM");
            assertThat(bits(ctrlVm, "ENABLE")).isEqualTo("0");
            assertThat(bits(ctrlVm, "FAULT_MODE_STALL")).isEqualTo("3");
            assertThat(ctrlVm.access().value().keyword()).as("read back by __sysmmu_enable_vid").isEqualTo("rw");
            assertThat(bits(register(d, "FAULT_INFO"), "WRITE")).isEqualTo("20");
            assertThat(bits(register(d, "FLUSH_ENTRY"), "PAGE")).isEqualTo("31:12");
            assertThat(register(d, "CAPA0").resetValue()).isEqualTo(1L << 11);
            assertThat(register(d, "CAPA1").resetValue()).isEqualTo(1L << 14);
        }

        @Test
        void invalidationsAndFaultsFollowTheMovedRegisters() {
            assertThat(invalidations(rule(d, "FLUSH_ALL"))).containsExactly("tlb all", "walkcache all");
            assertThat(invalidations(rule(d, "FLUSH_ENTRY"))).containsExactly("tlb page");
            assertThat(invalidations(rule(d, "FLUSH_RANGE"))).containsExactly("tlb range");
            assertThat(faultEffects(d, FaultKind.TRANSLATION)).startsWith("FAULT_VA = iova", "FAULT_INFO.WRITE = write");
            assertExynosLevels(d);
            assertThat(encode(format(d, "section"), 0x8_4010_0000L, RW)).isEqualTo(0x8401_0032L);
        }

        @Test
        void initExpectsBothCapabilityBits() {
            assertThat(init(d, 7, 1 << 11, 1 << 14)).isTrue();
            assertThat(init(d, 7, 0xFFFF_FFFFL, 0xFFFF_FFFFL)).isTrue();
            assertThat(init(d, 7, 1 << 11, 0)).isFalse();
            assertThat(init(d, 7, 0, 1 << 14)).isFalse();
            assertThat(init(d, 5, 1 << 11, 1 << 14)).isFalse();
        }

        @Test
        void enableSetsCtrlVmByReadModifyWriteBetweenTheTableBaseAndEnable() {
            // __sysmmu_enable_vid: CTRL_VM |= CTRL_VM_ENABLE | CTRL_VM_FAULT_MODE_STALL, other bits kept.
            assertThat(writes(d, "enable", Map.of("pgd", 0x8_4000_0000L), Map.of("CTRL_VM", 0x100L)))
                    .containsExactly("CTRL = 0x7", "call init_config", "call set_ptbase", "CTRL_VM = 0x109", "CTRL = 0x5");
            assertThat(writes(d, "set_ptbase", Map.of("pgd", 0x8_4000_0000L)))
                    .containsExactly("PT_BASE = 0x840000", "call flush_all");
            assertThat(writes(d, "flush_range", Map.of("first", 0x1000_0123L, "last", 0x1000_3FFFL)))
                    .containsExactly("call block", "if", "FLUSH_START = 0x10000000", "FLUSH_END = 0x10003000",
                            "FLUSH_RANGE = 0x1", "call unblock");
        }
    }

    @Nested
    class Sun50iH6 {

        private final Description d = SUN50I;

        @Test
        void registerMap() {
            Map<String, Long> expected = new LinkedHashMap<>();
            expected.put("RESET", 0x010L);
            expected.put("ENABLE", 0x020L);
            expected.put("BYPASS", 0x030L);
            expected.put("AUTO_GATING", 0x040L);
            expected.put("WBUF_CTRL", 0x044L);
            expected.put("OOO_CTRL", 0x048L);
            expected.put("BDY_PRT_CTRL_4KB", 0x04CL);
            expected.put("TTB", 0x050L);
            expected.put("TLB_ENABLE", 0x060L);
            expected.put("TLB_PREFETCH", 0x070L);
            expected.put("TLB_FLUSH", 0x080L);
            expected.put("TLB_IVLD_ADDR", 0x090L);
            expected.put("TLB_IVLD_ADDR_MASK", 0x094L);
            expected.put("TLB_IVLD_ENABLE", 0x098L);
            expected.put("PC_IVLD_ADDR", 0x0A0L);
            expected.put("PC_IVLD_ENABLE", 0x0A8L);
            expected.put("DM_AUT_CTRL", 0x0B0L);
            expected.put("DM_AUT_OVWT", 0x0D0L);
            expected.put("INT_ENABLE", 0x100L);
            expected.put("INT_CLR", 0x104L);
            expected.put("INT_STA", 0x108L);
            expected.put("INT_ERR_ADDR", 0x110L);
            expected.put("INT_ERR_ADDR_L1", 0x130L);
            expected.put("INT_ERR_ADDR_L2", 0x134L);
            expected.put("INT_ERR_DATA", 0x150L);
            expected.put("L1PG_INT", 0x180L);
            expected.put("L2PG_INT", 0x184L);
            assertThat(offsets(d)).isEqualTo(expected);

            Register dmAut = register(d, "DM_AUT_CTRL");
            assertThat(dmAut.countValue()).isEqualTo(8);
            assertThat(dmAut.strideValue()).isEqualTo(4);
            assertThat(register(d, "INT_ERR_ADDR").countValue()).isEqualTo(6);
            assertThat(register(d, "INT_ERR_DATA").countValue()).isEqualTo(6);
            assertThat(register(d, "INT_ERR_DATA").strideValue()).isEqualTo(4);
            assertThat(d.mastersValue()).isEqualTo(6);
        }

        @Test
        void interruptAndFlushBits() {
            for (String name : List.of("INT_ENABLE", "INT_CLR", "INT_STA")) {
                Register r = register(d, name);
                assertThat(bits(r, "MASTER_PERMISSION")).isEqualTo("5:0");
                assertThat(bits(r, "INVALID_L1PG")).isEqualTo("16");
                assertThat(bits(r, "INVALID_L2PG")).isEqualTo("17");
            }
            Register flush = register(d, "TLB_FLUSH");
            assertThat(flush.access().value().keyword()).isEqualTo("sc");
            assertThat(bits(flush, "MICRO_TLB")).isEqualTo("5:0");
            assertThat(bits(flush, "MACRO_TLB")).isEqualTo("16");
            assertThat(bits(flush, "PTW_CACHE")).isEqualTo("17");
            assertThat(register(d, "TLB_IVLD_ENABLE").access().value().keyword()).isEqualTo("sc");
            assertThat(register(d, "PC_IVLD_ENABLE").access().value().keyword()).isEqualTo("sc");
            assertThat(bits(register(d, "INT_ERR_DATA"), "ACI")).isEqualTo("7:4");
            assertThat(d.constant("INT_MASK").orElseThrow().valueAsLong()).isEqualTo(0x3003FL);
            assertThat(d.constant("FLUSH_ALL_TLBS").orElseThrow().valueAsLong()).isEqualTo(0x3003FL);
        }

        @Test
        void walkIsTwoLevelsWithOneKibTables() {
            List<Level> levels = d.levels();
            assertThat(levels).extracting(l -> l.name().text()).containsExactly("dt", "pt");
            assertLevel(levels.get(0), "31:20", 16 << 10);
            assertLevel(levels.get(1), "19:12", 1 << 10);
            assertThat(kinds(levels.get(0))).containsExactly("dte table");
            assertThat(kinds(levels.get(1))).containsExactly("pte leaf 4096 x1");
            assertThat(d.walk().orElseThrow().coherency().keyword()).isEqualTo("noncoherent");
            assertThat(contents(d.tlb().orElseThrow())).containsExactly("leaf", "invalid");
            assertThat(contents(d.walkCache().orElseThrow())).containsExactly("dt", "invalid");
        }

        @Test
        void entryFormatsMatchTheTestVectors() {
            Format dte = format(d, "dte");
            Format pte = format(d, "pte");
            assertThat(dte.tagMask()).isEqualTo(0x3L);
            assertThat(dte.tagValue()).isEqualTo(0x1L);
            assertThat(pte.tagMask()).isEqualTo(0x2L);
            assertThat(pte.tagValue()).isEqualTo(0x2L);
            assertThat(encode(dte, 0x1234_5678L, NONE)).isEqualTo(0x1234_5401L);
            assertThat(encode(pte, 0x1234_5678L, RW)).isEqualTo(0x1234_5042L);
            assertThat(encode(pte, 0x1234_5678L, R)).isEqualTo(0x1234_5022L);
            assertThat(encode(pte, 0x1234_5678L, W)).isEqualTo(0x1234_5032L);
            assertThat(encode(pte, 0x1234_5678L, NONE)).isEqualTo(0x1234_5012L);
            assertThat(values(pte.field("aci").orElseThrow().values())).containsExactly(Map.entry("DO_NOT_USE", 0L),
                    Map.entry("NONE", 1L), Map.entry("RD", 2L), Map.entry("WR", 3L), Map.entry("RD_WR", 4L));
        }

        @Test
        void enableWritesTheSharedDmAutRegisterTwice() {
            assertThat(writes(d, "enable", Map.of("dt", 0x4000_0000L))).containsExactly(
                    "TTB = 0x40000000",
                    "TLB_PREFETCH = 0x3f",
                    "BYPASS = 0x0",
                    "INT_ENABLE = 0x3003f",
                    "DM_AUT_CTRL[0] = 0xfff0000",
                    "DM_AUT_CTRL[1] = 0xaaa",
                    "DM_AUT_CTRL[1] = 0x5550000",
                    "call flush_all_tlb",
                    "AUTO_GATING = 0x1",
                    "ENABLE = 0x1");
        }

        /** Permissions after enable, for every master: the WR write to 0xB4 wiped the RD domain's bits. */
        @ParameterizedTest(name = "master {0}")
        @ValueSource(ints = {0, 1, 2, 3, 4, 5})
        void permissionDomainsAfterEnable(int master) {
            Map<String, Long> registers = new HashMap<>();
            for (int i = 0; i < 8; i++) {
                registers.put("DM_AUT_CTRL[" + i + "]", 0L);
            }
            registers.put("DM_AUT_CTRL[0]", 0x0FFF_0000L);
            registers.put("DM_AUT_CTRL[1]", 0x0555_0000L);
            Format pte = format(d, "pte");
            Map<String, Long> vars = Map.of("master", (long) master);
            assertThat(allowed(pte, 1, registers, vars)).as("NONE").isEqualTo("--");
            assertThat(allowed(pte, 2, registers, vars)).as("RD (write no longer refused)").isEqualTo("rw");
            assertThat(allowed(pte, 3, registers, vars)).as("WR").isEqualTo("-w");
            assertThat(allowed(pte, 4, registers, vars)).as("RD_WR").isEqualTo("rw");
            registers.put("DM_AUT_CTRL[1]", 0x0000_0AAAL);
            assertThat(allowed(pte, 2, registers, vars)).as("RD before the second write").isEqualTo("r-");
        }

        @Test
        void invalidationsAndObligations() {
            assertThat(invalidations(rule(d, "TLB_IVLD_ENABLE"))).containsExactly("tlb masked");
            assertThat(invalidations(rule(d, "PC_IVLD_ENABLE"))).containsExactly("walkcache page");
            assertThat(invalidations(rule(d, "TLB_FLUSH"))).contains("tlb master", "walkcache all");
            assertThat(writes(d, "flush_all", Map.of())).containsExactly("TLB_FLUSH = 0x3003f", "poll");
            assertThat(writes(d, "flush_all_tlb", Map.of())).containsExactly("TLB_FLUSH = 0x3003f", "poll");
            // sun50i_iommu_flush_all_tlb fails enable on a timeout; flush_iotlb_all only warns
            assertThat(pollFallback(d, "flush_all_tlb")).singleElement().isInstanceOf(Step.Fail.class);
            assertThat(pollFallback(d, "flush_all")).isEmpty();
            assertThat(writes(d, "zap_iova", Map.of("iova", 0x1234_5000L))).containsExactly(
                    "TLB_IVLD_ADDR = 0x12345000", "TLB_IVLD_ADDR_MASK = 0xfffff000", "TLB_IVLD_ENABLE = 0x1", "poll");
            assertThat(writes(d, "zap_ptw_cache", Map.of("iova", 0x1234_5000L))).containsExactly(
                    "PC_IVLD_ADDR = 0x12345000", "PC_IVLD_ENABLE = 0x1", "poll");
            assertThat(writes(d, "zap_range", Map.of("iova", 0x1000_0000L, "size", 0x20_0000L))).containsExactly(
                    "AUTO_GATING = 0x0", "call zap_iova", "call zap_iova", "if", "call zap_iova", "call zap_iova",
                    "call zap_ptw_cache", "call zap_ptw_cache", "if", "call zap_ptw_cache", "call zap_ptw_cache",
                    "AUTO_GATING = 0x1");
            assertThat(obligationText(d)).containsExactly("map: zap_range(first, size)", "unmap: flush_all");
            assertThat(sequenceNames(d)).contains("enable", "disable", "flush_all", "flush_page", "zap_range",
                    "fault");
        }
    }

    /** The steps a sequence's only poll runs on timeout. */
    private static List<Step> pollFallback(Description d, String sequence) {
        return d.sequence(sequence).orElseThrow().steps().stream()
                .filter(Step.Poll.class::isInstance)
                .map(Step.Poll.class::cast)
                .findFirst()
                .orElseThrow()
                .otherwise()
                .orElseThrow();
    }

    // -----------------------------------------------------------------------------------------
    // Shared Exynos facts

    private static void assertExynosLevels(Description d) {
        List<Level> levels = d.levels();
        assertThat(levels).extracting(l -> l.name().text()).containsExactly("lv1", "lv2");
        assertLevel(levels.get(0), "31:20", 16 << 10);
        assertLevel(levels.get(1), "19:12", 1 << 10);
        assertThat(kinds(levels.get(0))).containsExactly("lv2link table", "section leaf 1048576 x1");
        assertThat(kinds(levels.get(1))).containsExactly("large leaf 65536 x16", "small leaf 4096 x1");
        assertPageSizeBitmap(d);
    }

    /** pgsize_bitmap = SECT_SIZE | LPAGE_SIZE | SPAGE_SIZE = 0x111000, the OR of the leaf page sizes. */
    private static void assertPageSizeBitmap(Description d) {
        long leaves = 0;
        for (Level level : d.levels()) {
            for (EntryKind kind : level.kinds()) {
                leaves |= kind.leaf() ? kind.pageSizeValue() : 0;
            }
        }
        assertThat(leaves).isEqualTo(0x11_1000L);
        assertThat(d.constant("PAGE_SIZE_BITMAP").orElseThrow().valueAsLong()).isEqualTo(leaves);
    }

    private static void assertTags(Description d) {
        assertThat(tag(format(d, "lv2link"))).isEqualTo("3/1");
        assertThat(tag(format(d, "section"))).isEqualTo("3/2");
        assertThat(tag(format(d, "large"))).isEqualTo("3/1");
        assertThat(tag(format(d, "small"))).isEqualTo("2/2");
    }

    private static void assertZeroLinkEmpties(Description d) {
        Walk walk = d.walk().orElseThrow();
        Shared zero = walk.shared().get(0);
        assertThat(zero.name().text()).isEqualTo("zero_lv2");
        assertThat(zero.level().map(Ident::text)).contains("lv2");
        EmptyRule lv1 = walk.emptyOf("lv1").orElseThrow();
        assertThat(lv1.entry().orElseThrow()).isInstanceOfSatisfying(Encode.class, e -> {
            assertThat(e.format()).isEqualTo("lv2link");
            assertThat(e.values()).hasSize(1);
            assertThat(e.values().get(0).field()).isEqualTo("table");
            assertThat(e.values().get(0).value()).isInstanceOfSatisfying(VarRef.class,
                    v -> assertThat(v.kind()).isEqualTo(Var.SHARED));
        });
        assertThat(walk.emptyOf("lv2").orElseThrow().faults()).isTrue();
    }

    // -----------------------------------------------------------------------------------------
    // Model helpers

    private static Description compile(String file, String name) {
        Path root = TestFiles.root();
        Compilation compilation = Frontend.compile(List.of(root.resolve("examples").resolve(file)), root);
        assertThat(compilation.render()).as("diagnostics of %s", file).isEmpty();
        return compilation.descriptions().stream().filter(x -> x.nameText().equals(name)).findFirst().orElseThrow();
    }

    private static Map<String, Long> offsets(Description d) {
        Map<String, Long> offsets = new LinkedHashMap<>();
        for (Register r : d.registers()) {
            offsets.put(r.name().text(), r.offsetValue());
        }
        return offsets;
    }

    private static Register register(Description d, String name) {
        return d.register(name).orElseThrow(() -> new AssertionError("no register " + name));
    }

    private static Format format(Description d, String name) {
        return d.format(name).orElseThrow(() -> new AssertionError("no format " + name));
    }

    private static String bits(Register r, String field) {
        return r.field(field).map(Field::bits).map(BitRange::toString)
                .orElseThrow(() -> new AssertionError(r.name().text() + " has no field " + field));
    }

    private static List<Map.Entry<String, Long>> values(List<EnumValue> values) {
        List<Map.Entry<String, Long>> out = new ArrayList<>();
        for (EnumValue v : values) {
            out.add(Map.entry(v.name().text(), v.valueAsLong()));
        }
        return out;
    }

    private static void assertLevel(Level level, String indexBits, long size) {
        assertThat(level.indexBits().orElseThrow().toString()).isEqualTo(indexBits);
        assertThat(Exprs.constant(level.size().orElseThrow()).getAsLong()).isEqualTo(size);
        assertThat(Exprs.constant(level.align().orElseThrow()).getAsLong()).isEqualTo(size);
    }

    private static List<String> kinds(Level level) {
        List<String> out = new ArrayList<>();
        for (EntryKind k : level.kinds()) {
            out.add(k.format().text() + (k.leaf() ? " leaf " + k.pageSizeValue() + " x" + k.contiguousValue() : " table"));
        }
        return out;
    }

    private static String tag(Format f) {
        return Long.toHexString(f.tagMask()) + "/" + Long.toHexString(f.tagValue());
    }

    private static List<String> contents(Cache cache) {
        List<String> out = new ArrayList<>();
        for (Ident c : cache.contents()) {
            out.add(c.text());
        }
        return out;
    }

    private static Rule rule(Description d, String register) {
        return d.rules().stream().filter(r -> r.target().register().text().equals(register)).findFirst()
                .orElseThrow(() -> new AssertionError("no rule on " + register));
    }

    /** The invalidations a rule performs, nested ifs included, as "cache scope". */
    private static List<String> invalidations(Rule rule) {
        List<String> out = new ArrayList<>();
        collectInvalidations(rule.effects(), out);
        return out;
    }

    private static void collectInvalidations(List<Effect> effects, List<String> out) {
        for (Effect e : effects) {
            if (e instanceof Effect.Invalidate i) {
                String text = i.cache().keyword() + " " + i.scope().keyword();
                if (i.scope() != InvalidateScope.MASTER || !out.contains(text)) {
                    out.add(text);
                }
            } else if (e instanceof Effect.If i) {
                collectInvalidations(i.then(), out);
                collectInvalidations(i.otherwise(), out);
            }
        }
    }

    private static List<String> obligationText(Description d) {
        List<String> out = new ArrayList<>();
        for (Obligation o : d.obligations()) {
            List<String> calls = new ArrayList<>();
            for (ObligationCall c : o.calls()) {
                List<String> args = new ArrayList<>();
                for (Expr a : c.args()) {
                    args.add(Exprs.text(a));
                }
                calls.add(c.sequence().text() + (args.isEmpty() ? "" : "(" + String.join(", ", args) + ")"));
            }
            out.add(o.key() + ": " + (calls.isEmpty() ? "none" : String.join(", ", calls)));
        }
        return out;
    }

    /** The effects of the handler of one fault kind, flattened: "REG.FIELD = expr", "stall" or "abort". */
    private static List<String> faultEffects(Description d, FaultKind kind) {
        List<FaultHandler> handlers = d.faults().stream().filter(h -> h.handles(kind)).toList();
        assertThat(handlers).as("handlers of %s", kind).hasSize(1);
        List<String> out = new ArrayList<>();
        for (Effect e : handlers.get(0).effects()) {
            if (e instanceof Effect.Assign a) {
                out.add(a.target().text() + " = " + Exprs.text(a.value()));
            } else if (e instanceof Effect.FaultAction f) {
                out.add(f.stall() ? "stall" : "abort");
            } else {
                out.add(e.getClass().getSimpleName());
            }
        }
        return out;
    }

    /** Each top-level step of a sequence as "let NAME", "write REG", "call SEQ", "report", ... */
    private static List<String> stepKinds(List<Step> steps) {
        List<String> out = new ArrayList<>();
        for (Step step : steps) {
            if (step instanceof Step.Let l) {
                out.add("let " + l.name().text());
            } else if (step instanceof Step.Write w) {
                out.add("write " + w.target().text());
            } else if (step instanceof Step.Call c) {
                out.add("call " + c.sequence().text());
            } else if (step instanceof Step.Report) {
                out.add("report");
            } else {
                out.add(step.getClass().getSimpleName());
            }
        }
        return out;
    }

    private static String letText(Sequence s, String name) {
        return s.steps().stream().filter(st -> st instanceof Step.Let l && l.name().text().equals(name))
                .map(st -> Exprs.text(((Step.Let) st).value())).findFirst().orElseThrow();
    }

    /**
     * Whether {@code init} passes on a SYSMMU whose VERSION reads {@code major}.0 and whose
     * capability registers read as given: every expect, including those under an if whose
     * condition holds, must hold.
     */
    private static boolean init(Description d, int major, long capa0, long capa1) {
        Map<String, Long> registers = Map.of("VERSION", (long) major << 28, "CAPA0", capa0, "CAPA1", capa1);
        Eval eval = new Eval(d, registers, new HashMap<>(), Map.of());
        return expectsHold(d.sequence("init").orElseThrow().steps(), eval);
    }

    private static boolean expectsHold(List<Step> steps, Eval eval) {
        for (Step step : steps) {
            if (step instanceof Step.Let l) {
                eval.vars.put(l.name().text(), eval.of(l.value()));
            } else if (step instanceof Step.Expect e && eval.of(e.condition()) == 0) {
                return false;
            } else if (step instanceof Step.If i
                    && !expectsHold(eval.of(i.condition()) != 0 ? i.then() : i.otherwise(), eval)) {
                return false;
            } else if (step instanceof Step.Fail) {
                return false;
            }
        }
        return true;
    }

    private static List<String> sequenceNames(Description d) {
        List<String> out = new ArrayList<>();
        for (Sequence s : d.sequences()) {
            out.add(s.name().text());
        }
        return out;
    }

    // -----------------------------------------------------------------------------------------
    // Entry encoding as the description states it

    /** Tag constants, the prot rule(s) for the directions, then the address slices. */
    private static long encode(Format f, long address, Set<Direction> prot) {
        long entry = f.tagValue();
        for (Assignment a : protAssignments(f, prot)) {
            EntryField field = f.field(a.field().text()).orElseThrow();
            long value = Exprs.constant(a.value()).getAsLong();
            entry = (entry & ~field.bits().mask()) | ((value << field.bits().low()) & field.bits().mask());
        }
        for (Slice s : f.address().orElseThrow().slices()) {
            long part = (address >>> s.address().low()) & ones(s.address().width());
            entry |= part << s.entry().low();
        }
        return entry;
    }

    /**
     * Every rule whose directions are contained in the requested ones, smaller sets first
     * ({@code none}, then single directions in the order written, then {@code read | write});
     * a later assignment to a field overrides an earlier one (the cascade of {@link ProtRule}).
     * The formats here set every field in every rule, so the older "exact rule alone" reading
     * gives the same entries.
     */
    private static List<Assignment> protAssignments(Format f, Set<Direction> prot) {
        List<Assignment> out = new ArrayList<>();
        for (int size = 0; size <= 2; size++) {
            for (ProtRule rule : f.prot()) {
                if (rule.directions().size() == size && prot.containsAll(rule.directions())) {
                    out.addAll(rule.assignments());
                }
            }
        }
        return out;
    }

    private static long decode(Format f, long entry) {
        long address = 0;
        for (Slice s : f.address().orElseThrow().slices()) {
            address |= ((entry >>> s.entry().low()) & ones(s.entry().width())) << s.address().low();
        }
        return address;
    }

    private static long ones(int width) {
        return width >= 64 ? -1L : (1L << width) - 1;
    }

    // -----------------------------------------------------------------------------------------
    // Permission rules and sequences, evaluated

    private static boolean allows(Description d, Format f, Direction direction, Map<String, Long> registers,
            Map<String, Long> vars, Map<String, Long> fields) {
        return f.allow(direction).flatMap(a -> a.condition())
                .map(c -> new Eval(d, registers, vars, fields).of(c) != 0).orElse(true);
    }

    /** "rw", "r-", "-w" or "--" for an entry of the given ACI. */
    private String allowed(Format pte, long aci, Map<String, Long> registers, Map<String, Long> vars) {
        Map<String, Long> fields = Map.of("aci", aci);
        return (allows(SUN50I, pte, Direction.READ, registers, vars, fields) ? "r" : "-")
                + (allows(SUN50I, pte, Direction.WRITE, registers, vars, fields) ? "w" : "-");
    }

    /**
     * The steps of a sequence as the driver runs them with these parameters: each write as
     * "REG[i] = value" (a field write is the whole register with that field set; a
     * read-modify-write is prefixed "modify"), each call,
     * each poll; an if whose condition is constant is replaced by its taken branch, any other
     * if is listed as "if" followed by its then-branch.
     */
    private static List<String> writes(Description d, String sequence, Map<String, Long> params) {
        return writes(d, sequence, params, Map.of());
    }

    /** As {@link #writes(Description, String, Map)}, with registers reading as given. */
    private static List<String> writes(Description d, String sequence, Map<String, Long> params,
            Map<String, Long> registers) {
        Sequence s = d.sequence(sequence).orElseThrow(() -> new AssertionError("no sequence " + sequence));
        List<String> out = new ArrayList<>();
        steps(d, s.steps(), new Eval(d, registers, params, Map.of()), out);
        return out;
    }

    private static void steps(Description d, List<Step> steps, Eval eval, List<String> out) {
        for (Step step : steps) {
            if (step instanceof Step.Write w) {
                out.add(write(d, w, eval));
            } else if (step instanceof Step.Call c) {
                out.add("call " + c.sequence().text());
            } else if (step instanceof Step.Poll) {
                out.add("poll");
            } else if (step instanceof Step.If i && Exprs.isConstant(i.condition())) {
                steps(d, Exprs.constant(i.condition()).getAsLong() != 0 ? i.then() : i.otherwise(), eval, out);
            } else if (step instanceof Step.If i) {
                out.add("if");
                steps(d, i.then(), eval, out);
            } else if (step instanceof Step.Let l) {
                eval = eval.with(l.name().text(), eval.of(l.value()));
            } else if (step instanceof Step.For f) {
                // run the loop as the driver would, the body once per value (a bounded number)
                long by = f.by().map(eval::of).orElse(1L);
                long last = eval.of(f.last());
                int passes = 0;
                for (long v = eval.of(f.first()); Long.compareUnsigned(v, last) <= 0 && passes < 1000; v += by, passes++) {
                    steps(d, f.body(), eval.with(f.variable().text(), v), out);
                    if (Long.compareUnsigned(v + by, v) < 0) {
                        break;
                    }
                }
                out.add("for " + passes);
            } else if (step instanceof Step.Return) {
                out.add("return");
            }
        }
    }

    private static String write(Description d, Step.Write w, Eval eval) {
        Register r = register(d, w.target().register().text());
        long value = eval.of(w.value());
        if (w.target().field().isPresent()) {
            BitRange bits = r.field(w.target().field().get().text()).orElseThrow().bits();
            value = (value << bits.low()) & bits.mask();
        }
        String index = w.target().index().map(i -> "[" + eval.of(i) + "]").orElse("");
        return (w.modify() ? "modify " : "") + r.name().text() + index + " = 0x" + Long.toHexString(value);
    }

    /** Evaluates a resolved expression over given registers, variables and entry fields. */
    private static final class Eval {
        private final Description description;
        private final Map<String, Long> registers;
        private final Map<String, Long> vars;
        private final Map<String, Long> fields;

        Eval(Description description, Map<String, Long> registers, Map<String, Long> vars, Map<String, Long> fields) {
            this.description = description;
            this.registers = registers;
            this.vars = vars;
            this.fields = fields;
        }

        /** The same, with one more variable (a 'let' or a loop's). */
        Eval with(String name, long value) {
            Map<String, Long> more = new java.util.HashMap<>(vars);
            more.put(name, value);
            return new Eval(description, registers, more, fields);
        }

        long of(Expr e) {
            if (e instanceof Num n) {
                return n.value();
            }
            if (e instanceof ConstRef c) {
                return c.value();
            }
            if (e instanceof EnumRef r) {
                return r.value();
            }
            if (e instanceof VarRef v) {
                return lookup(vars, v.name());
            }
            if (e instanceof EntryFieldRef f) {
                return lookup(fields, f.field());
            }
            if (e instanceof RegRead r) {
                return register(r);
            }
            if (e instanceof Unary u) {
                return Exprs.unary(u.op(), of(u.operand()));
            }
            if (e instanceof org.iommuc.dsl.model.Binary b) {
                return Exprs.binary(b.op(), of(b.left()), of(b.right()));
            }
            if (e instanceof Conditional c) {
                return of(c.condition()) != 0 ? of(c.then()) : of(c.otherwise());
            }
            if (e instanceof Builtin b) {
                long[] args = new long[b.args().size()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = of(b.args().get(i));
                }
                return Exprs.builtin(b.function(), args);
            }
            throw new AssertionError("cannot evaluate " + Exprs.text(e));
        }

        private long register(RegRead r) {
            String key = r.register() + r.index().map(i -> "[" + of(i) + "]").orElse("");
            long value = lookup(registers, key);
            if (r.field().isEmpty()) {
                return value;
            }
            BitRange bits = description.register(r.register()).orElseThrow().field(r.field().get()).orElseThrow().bits();
            return (value & bits.mask()) >>> bits.low();
        }

        private static long lookup(Map<String, Long> values, String name) {
            Long value = values.get(name);
            if (value == null) {
                throw new AssertionError("no value for " + name + " in " + values);
            }
            return value;
        }
    }
}
