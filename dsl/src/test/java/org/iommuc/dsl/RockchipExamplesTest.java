package org.iommuc.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iommuc.dsl.model.Access;
import org.iommuc.dsl.model.Coherency;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Direction;
import org.iommuc.dsl.model.EmptyRule;
import org.iommuc.dsl.model.EnumValue;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.Field;
import org.iommuc.dsl.model.Level;
import org.iommuc.dsl.model.Obligation;
import org.iommuc.dsl.model.Register;
import org.iommuc.dsl.model.Step;
import org.iommuc.dsl.semantics.CodecException;
import org.iommuc.dsl.semantics.EntryCodec;
import org.junit.jupiter.api.Test;

/**
 * Structural and bit-exact facts of the Rockchip v1 and v2 descriptions (hardware facts, section
 * 1), so that an edit cannot silently break them: the register map and command codes, the entry
 * encodings and test vectors, and the driver's sequences step by step (rk_iommu_enable,
 * rk_iommu_disable, the stall and paging helpers with their early returns, the force reset with
 * its swapped poll arguments, the interrupt handler and the first/last zap after a map).
 */
class RockchipExamplesTest {

    private static Description load(String file, String name) {
        Compilation c = Frontend.compile(List.of(TestFiles.root().resolve("examples").resolve(file)), TestFiles.root());
        assertThat(c.render()).as("diagnostics of " + file).isEmpty();
        return c.description(name).orElseThrow();
    }

    private static final Description V1 = load("rockchip-v1.iommu", "rockchip_v1");
    private static final Description V2 = load("rockchip-v2.iommu", "rockchip_v2");

    @Test
    void registerMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (Register r : V1.registers()) {
            map.put(r.name().text(), String.format("0x%02X %s", r.offsetValue(), r.access().value().keyword()));
        }
        assertThat(map).containsExactly(
                Map.entry("DTE_ADDR", "0x00 rw"),
                Map.entry("STATUS", "0x04 ro"),
                Map.entry("COMMAND", "0x08 wo"),
                Map.entry("PAGE_FAULT_ADDR", "0x0C ro"),
                Map.entry("ZAP_ONE_LINE", "0x10 wo"),
                Map.entry("INT_RAWSTAT", "0x14 ro"),
                Map.entry("INT_CLEAR", "0x18 w1c"),
                Map.entry("INT_MASK", "0x1C rw"),
                Map.entry("INT_STATUS", "0x20 ro"),
                Map.entry("AUTO_GATING", "0x24 rw"));
        assertThat(V1.register("INT_CLEAR").orElseThrow().clears()).map(i -> i.text()).contains("INT_RAWSTAT");
        assertThat(V1.register("INT_STATUS").orElseThrow().value().map(Exprs::text)).contains("INT_RAWSTAT & INT_MASK");
    }

    @Test
    void statusBitsAndCommandCodes() {
        assertThat(fields(V1.register("STATUS").orElseThrow())).containsExactly(
                "PAGING_ENABLED 0", "PAGE_FAULT_ACTIVE 1", "STALL_ACTIVE 2", "IDLE 3", "REPLAY_BUFFER_EMPTY 4",
                "PAGE_FAULT_IS_WRITE 5", "STALL_NOT_ACTIVE 31");
        Field cmd = V1.register("COMMAND").orElseThrow().fields().get(0);
        Map<String, Long> codes = new LinkedHashMap<>();
        for (EnumValue v : cmd.values()) {
            codes.put(v.name().text(), v.valueAsLong());
        }
        assertThat(codes).containsExactly(Map.entry("ENABLE_PAGING", 0L), Map.entry("DISABLE_PAGING", 1L),
                Map.entry("ENABLE_STALL", 2L), Map.entry("DISABLE_STALL", 3L), Map.entry("ZAP_CACHE", 4L),
                Map.entry("PAGE_FAULT_DONE", 5L), Map.entry("FORCE_RESET", 6L));
        assertThat(fields(V1.register("INT_STATUS").orElseThrow())).containsExactly("PAGE_FAULT 0", "BUS_ERROR 1");
        assertThat(constant(V1, "IRQ_MASK")).as("RK_MMU_IRQ_MASK").isEqualTo(0x3);
    }

    @Test
    void constantsOfTheDriver() {
        assertThat(constant(V1, "DTE_ADDR_DUMMY")).isEqualTo(0xCAFEBABEL);
        assertThat(constant(V1, "POLL_PERIOD")).as("RK_MMU_POLL_PERIOD_US").isEqualTo(100_000L);
        assertThat(constant(V1, "POLL_TIMEOUT")).as("RK_MMU_POLL_TIMEOUT_US").isEqualTo(1_000_000L);
        assertThat(constant(V1, "FORCE_RESET_TIMEOUT")).as("RK_MMU_FORCE_RESET_TIMEOUT_US").isEqualTo(100_000_000L);
        assertThat(constant(V1, "PAGE_SIZE_BITMAP")).as("RK_IOMMU_PGSIZE_BITMAP").isEqualTo(0x007F_F000L);
        assertThat(constant(V1, "PTE_PAGE_FLAGS_MASK")).as("RK_PTE_PAGE_FLAGS_MASK").isEqualTo(0x1FEL);
    }

    @Test
    void factsTestVectors() throws CodecException {
        EntryCodec dte = EntryCodec.of(V1.format("dte").orElseThrow());
        EntryCodec pte = EntryCodec.of(V1.format("pte").orElseThrow());
        assertThat(dte.encode(0x87654321L, Set.of(), Map.of())).isEqualTo(0x87654001L);
        assertThat(pte.encode(0x12345678L, Set.of(Direction.READ, Direction.WRITE), Map.of())).isEqualTo(0x12345007L);
        assertThat(pte.encode(0x12345678L, Set.of(Direction.READ), Map.of())).isEqualTo(0x12345003L);
        EntryCodec dte2 = EntryCodec.of(V2.format("dte").orElseThrow());
        EntryCodec pte2 = EntryCodec.of(V2.format("pte").orElseThrow());
        assertThat(dte2.encode(0xAB_CDEF_1234L, Set.of(), Map.of())).isEqualTo(0xCDEF1BA1L);
        assertThat(dte2.address(0xCDEF1BA1L)).isEqualTo(0xAB_CDEF_1000L);
        assertThat(pte2.encode(0xAB_CDEF_1234L, Set.of(Direction.READ, Direction.WRITE), Map.of())).isEqualTo(0xCDEF1BA7L);
        assertThat(dte2.encode(0x1_2345_6000L, Set.of(), Map.of())).isEqualTo(0x23456101L);
        assertThat(dte2.encode(0xFF_FFFF_F000L, Set.of(), Map.of())).isEqualTo(0xFFFFFFF1L);
    }

    @Test
    void twoLevelsOfOnePageEachWithANonCoherentWalker() {
        List<Level> levels = V1.levels();
        assertThat(levels).extracting(l -> l.name().text()).containsExactly("dt", "pt");
        assertThat(levels).extracting(l -> l.indexBits().orElseThrow().toString()).containsExactly("31:22", "21:12");
        for (Level l : levels) {
            assertThat(Exprs.constant(l.size().orElseThrow()).getAsLong()).as(l.name().text()).isEqualTo(4096);
            assertThat(Exprs.constant(l.align().orElseThrow()).getAsLong()).as(l.name().text()).isEqualTo(4096);
        }
        assertThat(levels.get(1).kinds().get(0).pageSizeValue()).isEqualTo(4096);
        assertThat(V1.walk().orElseThrow().coherency()).isEqualTo(Coherency.NONCOHERENT);
        EmptyRule pt = V1.walk().orElseThrow().emptyOf("pt").orElseThrow();
        assertThat(pt.clearField()).as("rk_mk_pte_invalid clears bit 0 only").map(i -> i.text()).contains("valid");
        assertThat(V1.walkCache()).as("no page-walk cache to invalidate").isEmpty();
    }

    @Test
    void stallAndPagingHelpersReturnEarlyAsTheDriverDoes() {
        // rk_iommu_is_stall_active and rk_iommu_is_paging_enabled AND the bit across banks;
        // commands go to every bank (rk_iommu_command)
        assertThat(steps(V1, "enable_stall")).containsExactly(
                "if !all_banks(STATUS.STALL_ACTIVE == 1) && all_banks(STATUS.PAGING_ENABLED == 1) {",
                "COMMAND.CMD = ENABLE_STALL",
                "poll all_banks(STATUS.STALL_ACTIVE == 1) every POLL_PERIOD timeout POLL_TIMEOUT",
                "}");
        assertThat(steps(V1, "disable_stall")).containsExactly(
                "if all_banks(STATUS.STALL_ACTIVE == 1) {",
                "COMMAND.CMD = DISABLE_STALL",
                "poll !all_banks(STATUS.STALL_ACTIVE == 1) every POLL_PERIOD timeout POLL_TIMEOUT",
                "}");
        assertThat(steps(V1, "enable_paging")).containsExactly(
                "if !all_banks(STATUS.PAGING_ENABLED == 1) {",
                "COMMAND.CMD = ENABLE_PAGING",
                "poll all_banks(STATUS.PAGING_ENABLED == 1) every POLL_PERIOD timeout POLL_TIMEOUT",
                "}");
        assertThat(steps(V1, "disable_paging")).containsExactly(
                "if all_banks(STATUS.PAGING_ENABLED == 1) {",
                "COMMAND.CMD = DISABLE_PAGING",
                "poll !all_banks(STATUS.PAGING_ENABLED == 1) every POLL_PERIOD timeout POLL_TIMEOUT",
                "}");
    }

    @Test
    void oneInstanceHasABankPerMemoryRange() {
        assertThat(V1.banks()).map(b -> b.property().value()).contains("reg");
        assertThat(V2.banks()).as("v2 inherits the banks").map(b -> b.property().value()).contains("reg");
        // rk_iommu_zap_iova: bank by bank, every page
        assertThat(steps(V1, "flush_range")).containsExactly(
                "for bank in banks {", "for iova {", "call flush_page", "}", "}");
    }

    @Test
    void forceResetKeepsTheSwappedPollArguments() {
        // skipped when the device tree says "rockchip,disable-mmu-reset"
        assertThat(V1.option("reset_disabled")).map(o -> o.property().value()).contains("rockchip,disable-mmu-reset");
        assertThat(steps(V1, "force_reset")).containsExactly(
                "if reset_disabled == 1 {", "return", "}",
                "for bank in banks {",
                "DTE_ADDR = dte(DTE_ADDR_DUMMY).table & 0xFFFFFFFF",
                "expect DTE_ADDR == dte(DTE_ADDR_DUMMY).table & 0xFFFFFFFF",
                "}",
                "COMMAND.CMD = FORCE_RESET",
                "poll all_banks(DTE_ADDR == 0) every FORCE_RESET_TIMEOUT timeout POLL_TIMEOUT");
    }

    @Test
    void enableAndDisableFollowTheDriverOrder() {
        // a failed reset or paging still releases the stall before the error (out_disable_stall)
        // and whether disable_stall then fails is ignored, as in disable ("just keep going")
        assertThat(steps(V1, "enable")).containsExactly(
                "call enable_stall",
                "call force_reset else {", "call disable_stall else {", "}", "fail;", "}",
                "for bank in banks {",
                "DTE_ADDR = dte(table = dt)",
                "COMMAND.CMD = ZAP_CACHE",
                "INT_MASK = IRQ_MASK",
                "}",
                "call enable_paging else {", "call disable_stall else {", "}", "fail;", "}",
                "call disable_stall else {", "}");
        assertThat(steps(V1, "disable")).containsExactly(
                "call enable_stall else {", "}",
                "call disable_paging else {", "}",
                "for bank in banks {",
                "INT_MASK = 0",
                "DTE_ADDR = 0",
                "}",
                "call disable_stall else {", "}");
        // rk_iommu_suspend / rk_iommu_resume do nothing while the identity domain is attached
        assertThat(steps(V1, "suspend")).containsExactly("if identity_attached == 0 {", "call disable", "}");
        assertThat(steps(V1, "resume")).containsExactly("if identity_attached == 0 {", "call enable", "}");
    }

    @Test
    void interruptHandlerZapsBeforePageFaultDone() {
        // rk_iommu_irq, bank by bank; a bank whose INT_STATUS is 0 is skipped
        assertThat(steps(V1, "fault")).containsExactly(
                "for bank in banks {",
                "let status = INT_STATUS",
                "if status != 0 {",
                "let iova = PAGE_FAULT_ADDR",
                "if status & 1 != 0 {",
                "let is_write = STATUS.PAGE_FAULT_IS_WRITE",
                "if domain_attached == 1 {",
                "report",
                "}",
                "COMMAND.CMD = ZAP_CACHE",
                "COMMAND.CMD = PAGE_FAULT_DONE",
                "}",
                "INT_CLEAR = status",
                "}",
                "}");
    }

    @Test
    void mapZapsTheFirstAndLastPageAndUnmapEveryPage() {
        assertThat(steps(V1, "zap_iova_first_last")).containsExactly(
                "call flush_page",
                "if size > SPAGE_SIZE {",
                "call flush_page",
                "}");
        List<String> obligations = new ArrayList<>();
        for (Obligation o : V1.obligations()) {
            obligations.add(o.key() + ": " + o.calls().stream()
                    .map(c -> c.sequence().text() + c.args().stream().map(Exprs::text).toList())
                    .toList());
        }
        assertThat(obligations).containsExactly("map: [zap_iova_first_last[first, size]]", "unmap: [flush_page[each]]");
    }

    @Test
    void v2KeepsTheV1BlockWithFortyBitAddresses() {
        assertThat(V2.oaBitsValue()).isEqualTo(40);
        assertThat(V2.compatibles()).extracting(t -> t.value()).containsExactly("rockchip,rk3568-iommu");
        assertThat(V1.rules()).anySatisfy(r -> assertThat(r.target().text()).isEqualTo("DTE_ADDR"));
        assertThat(V2.rules()).noneSatisfy(r -> assertThat(r.target().text()).isEqualTo("DTE_ADDR"));
        assertThat(steps(V2, "enable")).isEqualTo(steps(V1, "enable"));
        assertThat(V2.register("COMMAND").orElseThrow().access().value()).isEqualTo(Access.WO);
    }

    // -----------------------------------------------------------------------------------------

    private static long constant(Description d, String name) {
        return Exprs.constant(d.constant(name).orElseThrow().value()).getAsLong();
    }

    private static List<String> fields(Register r) {
        return r.fields().stream().map(f -> f.name().text() + " " + f.bits()).toList();
    }

    /** The steps of a sequence, one line each, blocks opened with '{' and closed with '}'. */
    private static List<String> steps(Description d, String sequence) {
        List<String> out = new ArrayList<>();
        render(d.sequence(sequence).orElseThrow().steps(), out);
        return out;
    }

    private static void render(List<Step> steps, List<String> out) {
        for (Step step : steps) {
            out.addAll(line(step));
            if (step instanceof Step.If i) {
                render(i.then(), out);
                out.add("}");
            } else if (step instanceof Step.Call c && c.otherwise().isPresent()) {
                render(c.otherwise().get(), out);
                out.add("}");
            } else if (step instanceof Step.ForBanks f) {
                render(f.body(), out);
                out.add("}");
            } else if (step instanceof Step.For f) {
                render(f.body(), out);
                out.add("}");
            }
        }
    }

    private static List<String> line(Step step) {
        if (step instanceof Step.Write w) {
            return List.of(w.target().text() + " = " + Exprs.text(w.value()));
        }
        if (step instanceof Step.Poll p) {
            return List.of("poll " + Exprs.text(p.condition()) + " every " + Exprs.text(p.period()) + " timeout "
                    + Exprs.text(p.timeout()));
        }
        if (step instanceof Step.Expect e) {
            return List.of("expect " + Exprs.text(e.condition()));
        }
        if (step instanceof Step.Let l) {
            return List.of("let " + l.name().text() + " = " + Exprs.text(l.value()));
        }
        if (step instanceof Step.Call c && c.otherwise().isPresent()) {
            return List.of("call " + c.sequence().text() + " else {");
        }
        if (step instanceof Step.Call c) {
            return List.of("call " + c.sequence().text());
        }
        if (step instanceof Step.If i) {
            return List.of("if " + Exprs.text(i.condition()) + " {");
        }
        if (step instanceof Step.Fail f) {
            // 'fail;' fails with the error of the call whose else block it is in
            return List.of(f.message().map(m -> "fail \"" + m.value() + "\"").orElse("fail;"));
        }
        if (step instanceof Step.ForBanks f) {
            return List.of("for " + f.variable().text() + " in banks {");
        }
        if (step instanceof Step.For f) {
            return List.of("for " + f.variable().text() + " {");
        }
        return List.of(step.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
    }
}
