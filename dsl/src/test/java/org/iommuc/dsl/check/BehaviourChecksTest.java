package org.iommuc.dsl.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iommuc.dsl.check.BehaviourTesting.assertAt;
import static org.iommuc.dsl.check.BehaviourTesting.assertClean;
import static org.iommuc.dsl.check.BehaviourTesting.diagnostics;
import static org.iommuc.dsl.check.BehaviourTesting.iommu;
import static org.iommuc.dsl.check.BehaviourTesting.only;

import java.util.List;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostic;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The behaviour checks other than width inference, recursion and the hardware-change analysis. */
class BehaviourChecksTest {

    @Nested
    class Access {

        @Test
        void aFieldAccessOverridesItsRegisters() {
            assertClean(iommu("CTRL 0x04 ro { GO 0 rw; }\nCMD 0x08 wo { ARG 7:0 ro; }",
                    "sequence go { write CTRL.GO = 1; let a = CMD.ARG; write CMD = a; }"));
        }

        @Test
        void writingAReadOnlyFieldOfAWritableRegisterIsReported() {
            String text = iommu("CTRL 0x04 rw { GO 0; ID 7:4 ro; }", "sequence go { write CTRL.ID = 1; }");

            Diagnostic d = only(text);

            assertAt(d, Code.E0500, text, "CTRL.ID = 1");
            assertThat(d.message()).isEqualTo("CTRL.ID is read-only (ro) and cannot be written");
        }

        @Test
        void writingAComputedRegisterIsReported() {
            String text = iommu("RAW 0x04 ro;\nSTATUS 0x08 ro = RAW & 1;", """
                    fault translation { RAW = 1; abort; }
                    sequence clear { modify STATUS = 0; }
                    """);

            Diagnostic d = only(text);

            assertAt(d, Code.E0500, text, "STATUS = 0");
            assertThat(d.message()).isEqualTo("STATUS is computed (= RAW & 1) and cannot be modified");
        }

        @Test
        void modifyingAWriteOnlyRegisterReadsIt() {
            String text = iommu("CMD 0x04 wo { GO 0; }", "sequence go { modify CMD.GO = 1; }");

            Diagnostic d = only(text);

            assertAt(d, Code.E0501, text, "CMD.GO = 1");
            assertThat(d.message()).startsWith("modify reads CMD, which is write-only (wo)");
        }

        @Test
        void readsOfWriteOnlyRegistersAreReportedWhereSoftwareSeesThem() {
            String text = iommu("CMD 0x04 wo;\nMIRROR 0x08 ro = CMD;", """
                    behaviour { on read CMD { CMD = 0; } }
                    interrupt irq = CMD != 0;
                    sequence s { expect CMD == 0; }
                    """);

            List<Diagnostic> found = diagnostics(text, Code.E0501);

            assertThat(found).hasSize(4);
            assertAt(found.get(0), Code.E0501, text, "CMD;");
            assertAt(found.get(1), Code.E0501, text, "CMD { CMD = 0");
            assertAt(found.get(2), Code.E0501, text, "CMD != 0");
            assertAt(found.get(3), Code.E0501, text, "CMD == 0");
        }

        @Test
        void savingAWriteOnlyOrRestoringAReadOnlyRegisterIsReported() {
            String text = iommu("CMD 0x04 wo;\nSTATUS 0x08 ro;\nMODE 0x0C rw;", """
                    sequence suspend { save MODE, CMD; }
                    sequence resume { restore MODE, STATUS; }
                    """);

            List<Diagnostic> found = BehaviourTesting.compile(text).diagnostics();

            assertThat(found).hasSize(2);
            assertAt(found.get(0), Code.E0501, text, "CMD; }");
            assertAt(found.get(1), Code.E0500, text, "STATUS; }");
            assertThat(found.get(1).message()).isEqualTo("STATUS is read-only (ro) and cannot be restored");
        }

        @Test
        void hardwareMayReadWhatWasWritten() {
            assertClean(iommu("ADDR 0x04 wo;\nGO 0x08 wo;\nFAULT 0x0C ro;", """
                    tlb { caches leaf; }
                    behaviour { on write GO { invalidate tlb page(ADDR); } }
                    fault translation { FAULT = ADDR; abort; }
                    """));
        }
    }

    @Nested
    class Statements {

        @Test
        void faultCompletionInAFaultHandlerIsReported() {
            String text = iommu("", "fault translation { fault resume; }");

            Diagnostic d = only(text);

            assertAt(d, Code.E0502, text, "fault resume;");
        }

        @Test
        void aFaultActionInsideAnIfOfARuleIsReported() {
            String text = iommu("CMD 0x04 wo;", "behaviour { on write CMD { if value == 1 { abort; } } }");

            Diagnostic d = only(text);

            assertAt(d, Code.E0502, text, "abort;");
        }

        @Test
        void oneActionOnEachBranchIsOneAction() {
            assertClean(iommu("", "fault translation if write { if iova == 0 { abort; } else { abort; } }"));
        }

        @Test
        void anActionAfterAnIfThatAlreadyActedIsASecond() {
            String text = iommu("", "fault translation { if write { abort; } abort; }");

            List<Diagnostic> found = diagnostics(text, Code.E0509);

            assertThat(found).hasSize(1);
            assertAt(found.get(0), Code.E0509, text, "abort; }\n");
        }

        @Test
        void handlersForDisjointLevelsOrWithGuardsDoNotConflict() {
            String text = """
                    iommu t {
                        iova 32;
                        oa 32;
                        registers { BASE 0x00 rw; }
                        format dte : u32 { valid 0 = 1; table 31:12 -> 31:12; }
                        format pte : u32 { valid 0 = 1; page 31:12 -> 31:12; }
                        walk {
                            root BASE;
                            level dt index iova 31:22 : dte table;
                            level pt index iova 21:12 : pte leaf 4K;
                        }
                        fault translation at dt { abort; }
                        fault translation at pt { abort; }
                        fault permission if write { abort; }
                        fault permission { abort; }
                        fault bus at pt { abort; }
                        fault bus at dt, pt { abort; }
                    }
                    """;

            Diagnostic d = only(text);

            assertAt(d, Code.E0509, text, "bus at dt, pt");
            assertThat(d.message()).isEqualTo("a second handler for bus faults at level pt; give each handler its own "
                    + "levels or a guard ('if ...')");
        }
    }

    @Nested
    class Redirects {

        @Test
        void aRedirectEndsAHandlerAlsoInsideAnIf() {
            assertClean(iommu("BUF 0x04 rw;\nCTRL 0x08 rw { SEL 6:5; }", """
                    fault translation { redirect BUF; }
                    fault permission { if CTRL.SEL == 2 { redirect BUF & ~0x7F; } else { abort; } }
                    fault bus { if write { redirect iova; } else if master == 0 { redirect 0x8000; } }
                    """));
        }

        @Test
        void redirectStaysUsableAsAName() {
            assertClean(iommu("redirect 0x04 rw;", """
                    const redirect_base = 0x1000;
                    fault translation { redirect = iova; redirect redirect; }
                    sequence s(redirect) { write redirect = redirect; }
                    """));
        }

        @Test
        void aRedirectInARuleIsReportedAlsoInsideAnIf() {
            String text = iommu("CMD 0x04 wo;", """
                    behaviour { on write CMD { redirect 0x1000; } }
                    behaviour { on write CMD { if value == 1 { redirect 0x2000; } } }
                    """);

            List<Diagnostic> found = diagnostics(text, Code.E0502);

            assertThat(found).hasSize(2);
            assertAt(found.get(0), Code.E0502, text, "redirect 0x1000;");
            assertAt(found.get(1), Code.E0502, text, "redirect 0x2000;");
            assertThat(found.get(0).message()).isEqualTo("'redirect' says where a fault handler sends the faulting "
                    + "transaction; a behaviour rule has no transaction to redirect");
        }

        @Test
        void aRedirectWithAnotherActionOnOnePathIsReported() {
            String text = iommu("", """
                    fault translation { stall; redirect BASE; }
                    fault permission { redirect BASE; abort; }
                    fault bus { redirect 0x1000; redirect 0x2000; }
                    fault address { if write { redirect BASE; } stall; }
                    """);

            List<Diagnostic> found = diagnostics(text, Code.E0509);

            assertThat(found).hasSize(4);
            assertAt(found.get(0), Code.E0509, text, "redirect BASE; }");
            assertAt(found.get(1), Code.E0509, text, "abort; }");
            assertAt(found.get(2), Code.E0509, text, "redirect 0x2000;");
            assertAt(found.get(3), Code.E0509, text, "stall; }\n");
            assertThat(found.get(0).message()).isEqualTo("a second fault action ('redirect') after 'stall;'; a fault "
                    + "handler either stalls, aborts or redirects the transaction");
            assertThat(found.get(0).notes()).hasSize(1);
        }

        @Test
        void theAddressIsResolvedInTheHandlersScope() {
            String text = iommu("", "fault translation { redirect NOPE; }");

            Diagnostic d = only(text);

            assertAt(d, Code.E0101, text, "NOPE");
        }

        @Test
        void valueDoesNotExistInAHandler() {
            String text = iommu("", "fault translation { redirect value; }");

            Diagnostic d = only(text);

            assertAt(d, Code.E0111, text, "value");
        }

        @Test
        void anAddressWiderThanTheOutputAddressIsReported() {
            String text = iommu("CTRL 0x04 rw { SEL 6:5; }", """
                    fault translation { redirect 0x1_0000_0000; }
                    fault permission { if CTRL.SEL == 1 { redirect BASE << 4; } }
                    fault address { redirect iova; }
                    """);

            List<Diagnostic> found = diagnostics(text, Code.E0503);

            assertThat(found).hasSize(3);
            assertAt(found.get(0), Code.E0503, text, "0x1_0000_0000");
            assertThat(found.get(0).message()).isEqualTo("0x100000000 needs 33 bits but the output address has 32 "
                    + "('oa 32'); mask it to the output width");
            assertAt(found.get(1), Code.E0503, text, "BASE << 4");
            assertThat(found.get(1).message()).isEqualTo("BASE << 4 needs up to 36 bits but the output address has 32 "
                    + "('oa 32'); mask it to the output width");
            // an address fault's IOVA is whatever the master sent, also in a handler of several kinds
            assertAt(found.get(2), Code.E0503, text, "iova; }");
            assertThat(found.get(2).message()).startsWith("iova needs up to 64 bits");
            String shared = iommu("", "fault translation, address { redirect iova; }");
            assertThat(only(shared).message()).startsWith("iova needs up to 64 bits");
        }
    }

    @Nested
    class Constants {

        @Test
        void theInnermostFailingOperationIsReported() {
            String text = iommu("", "const A = 2 + (1 << 64);");

            Diagnostic d = only(text);

            assertAt(d, Code.E0504, text, "1 << 64");
            assertThat(d.message()).isEqualTo("this constant expression cannot be computed: shift by 64 bits");
        }

        @Test
        void aFailingConstantPartOfARuntimeExpressionIsReported() {
            String text = iommu("", "sequence s(x) { write BASE = x + align_down(0x1000, 3); }");

            Diagnostic d = only(text);

            assertAt(d, Code.E0504, text, "align_down");
            assertThat(d.message()).isEqualTo("this constant expression cannot be computed: alignment 3 is not a "
                    + "power of two");
        }

        @Test
        void anOperationThatFailsForEveryRunTimeValueIsReported() {
            String text = iommu("", """
                    sequence s(x) {
                        write BASE = x / 0;
                        write BASE = x << 64;
                        write BASE = bits(x, 70, 3);
                        write BASE = align_up(x, 3);
                        write BASE = x % 1 + (x >> 64) + bits(x, 63, 0) + align_up(x, 4K);
                    }
                    """);

            List<Diagnostic> found = diagnostics(text, Code.E0504);

            assertThat(found).hasSize(4);
            assertAt(found.get(0), Code.E0504, text, "x / 0");
            assertAt(found.get(1), Code.E0504, text, "x << 64");
            assertAt(found.get(2), Code.E0504, text, "bits(x, 70, 3)");
            assertAt(found.get(3), Code.E0504, text, "align_up(x, 3)");
            assertThat(found).extracting(Diagnostic::message).containsExactly(
                    "this fails whatever the run-time value: division by zero",
                    "this fails whatever the run-time value: shift by 64 bits",
                    "this fails whatever the run-time value: bit range 70:3 is not within 63:0",
                    "this fails whatever the run-time value: alignment 3 is not a power of two");
        }

        @Test
        void anUntakenBranchOfAConstantConditionalIsNotComputed() {
            assertClean(iommu("", "const A = 1 == 1 ? 4 : 1 / 0;"));
        }

        @Test
        void aDecodeInAConstantPlaceIsReported() {
            String text = iommu("", "sequence s { delay pte(0x1001).page + 1us; }");

            Diagnostic d = only(text);

            assertAt(d, Code.E0505, text, "pte(0x1001).page");
            assertThat(d.message()).startsWith("a delay must be constant, but pte(0x1001).page decodes a pte entry");
        }

        @Test
        void aBufferSizeMustBeConstantAndComputable() {
            String text = iommu("", "buffer protect size 128 / 0 align pte(page = 0x1000);");

            List<Diagnostic> found = BehaviourTesting.compile(text).diagnostics();

            assertThat(found).hasSize(2);
            assertAt(found.get(0), Code.E0504, text, "128 / 0");
            assertAt(found.get(1), Code.E0505, text, "pte(page");
            assertThat(found.get(1).message()).startsWith("the alignment of buffer protect must be constant");
        }

        @Test
        void timesMayBeConstantsAndArithmeticOnTimes() {
            assertClean(iommu("", """
                    const PERIOD = 10us;
                    const TIMEOUT = PERIOD * 100;
                    sequence s { delay TIMEOUT / 2 + 1ms; delay max(PERIOD, 1us); }
                    """));
        }

        @Test
        void aSizeIsNotATime() {
            String text = iommu("", "const STEP = 4K;\nsequence s { delay STEP; }");

            Diagnostic d = only(text);

            assertAt(d, Code.E0508, text, "STEP; }");
            assertThat(d.message()).isEqualTo("a delay must be a time such as 100us or 1ms, but constant STEP is a size");
        }
    }

    @Nested
    class Caches {

        @Test
        void levelNamesAreCacheContents() {
            assertClean(iommu("FLUSH 0x04 wo;", """
                    walkcache { caches pt, table; tagged master, iova; line 4; capacity 64; }
                    behaviour { on write FLUSH { invalidate walkcache all; } }
                    """));
        }

        @Test
        void aZeroCapacityIsReported() {
            String text = iommu("FLUSH 0x04 wo;", """
                    tlb { caches leaf; capacity 0; }
                    behaviour { on write FLUSH { invalidate tlb all; } }
                    """);

            Diagnostic d = only(text);

            assertAt(d, Code.E0106, text, "0; }");
            assertThat(d.message()).isEqualTo("tlb capacity must be at least 1 entry, not 0");
        }

        @Test
        void aWalkCacheThatIsNeverInvalidatedWarns() {
            String text = iommu("FLUSH 0x04 wo;", """
                    tlb { caches leaf; }
                    walkcache { caches table; }
                    behaviour { on write FLUSH { invalidate tlb all; } }
                    """);

            Diagnostic d = only(text);

            assertAt(d, Code.W0100, text, "walkcache {");
            assertThat(d.message()).startsWith("the walk cache caches table but no behaviour rule invalidates it");
        }

        @Test
        void invalidatingTheTlbWithoutATlbIsReported() {
            String text = iommu("FLUSH 0x04 wo;", "behaviour { on write FLUSH { invalidate tlb page(value); } }");

            Diagnostic d = only(text);

            assertAt(d, Code.E0506, text, "invalidate tlb");
        }
    }

    @Nested
    class Roles {

        @Test
        void resumeMayTakeTheRootOrNothing() {
            assertClean(iommu("", "sequence resume(root) { write BASE = root; }"));
            assertClean(iommu("", "sequence resume { write BASE = 0; }"));
        }

        @Test
        void enableWithoutTheRootWarns() {
            String text = iommu("", "sequence enable { write BASE = 0; }");

            Diagnostic d = only(text);

            assertAt(d, Code.W0104, text, "enable {");
            assertThat(d.message()).isEqualTo("generated drivers call enable with one parameter, the root table, but "
                    + "it has 0 parameters; declare it as 'enable(root)' or rename it");
        }

        @Test
        void aStallIsFineWhenARuleResumes() {
            assertClean(iommu("CMD 0x04 wo;", """
                    behaviour { on write CMD { fault abort; } }
                    fault translation { stall; }
                    """));
        }
    }

    @Nested
    class Obligations {

        @Test
        void anUnknownEventIsReportedWithASuggestion() {
            String text = iommu("", "sequence flush_all { write BASE = 0; }\nobligations { unmapp: flush_all; }");

            Diagnostic d = only(text);

            assertAt(d, Code.E0510, text, "unmapp");
            assertThat(d.message()).isEqualTo("unknown obligation event 'unmapp'; expected map, unmap or link; did you "
                    + "mean 'unmap'?");
        }

        @Test
        void mapTakesNoLevel() {
            String text = iommu("", "sequence flush_all { write BASE = 0; }\nobligations { map pt: flush_all; }");

            Diagnostic d = only(text);

            assertAt(d, Code.E0510, text, "pt: flush_all");
        }

        @Test
        void linkAtDifferentLevelsIsNotADuplicate() {
            assertClean("""
                    iommu t {
                        iova 32;
                        oa 32;
                        registers { BASE 0x00 rw; }
                        format dte : u32 { valid 0 = 1; table 31:12 -> 31:12; }
                        format pte : u32 { valid 0 = 1; page 31:12 -> 31:12; }
                        walk {
                            root BASE;
                            level dt index iova 31:22 : dte table;
                            level pt index iova 21:12 : pte leaf 4K;
                        }
                        sequence flush_all { write BASE = 0; }
                        obligations { link dt: flush_all; link pt: none; map: none; }
                    }
                    """);
        }
    }
}
