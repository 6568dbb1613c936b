package org.iommuc.dsl.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iommuc.dsl.check.BehaviourTesting.assertAt;
import static org.iommuc.dsl.check.BehaviourTesting.assertClean;
import static org.iommuc.dsl.check.BehaviourTesting.compile;
import static org.iommuc.dsl.check.BehaviourTesting.diagnostics;
import static org.iommuc.dsl.check.BehaviourTesting.iommu;
import static org.iommuc.dsl.check.BehaviourTesting.only;

import java.util.List;
import org.iommuc.dsl.Compilation;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostic;
import org.iommuc.dsl.model.Builtin;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Step;
import org.iommuc.dsl.model.TotalOps;
import org.iommuc.dsl.model.Var;
import org.iommuc.dsl.model.VarRef;
import org.junit.jupiter.api.Test;

/** Register banks: {@code banks "PROP";}, {@code for NAME in banks}, {@code all_banks} / {@code any_bank}. */
class BankCheckTest {

    private static final String REGISTERS = """
            STATUS 0x04 ro { READY 0; }
            INT_STATUS 0x08 ro;
            INT_MASK 0x0C rw;
            CMD 0x10 wo;
            """;

    private static final String RULES = """
            behaviour {
                on write CMD { STATUS.READY = 1; }
            }
            fault translation { INT_STATUS = 1; }
            """;

    @Test
    void bankedSequencesThatNameTheirBankAreClean() {
        String text = iommu(REGISTERS, RULES + """
                banks "reg";
                sequence enable(root) {
                    for bank in banks {
                        write BASE = root;
                        write INT_MASK = bank + 1;
                        expect BASE == root;
                    }
                    write CMD = 1;
                    poll all_banks(STATUS.READY == 1) every 1us timeout 1ms;
                    if any_bank(INT_STATUS != 0) {
                        modify INT_MASK = 0;
                    }
                }
                sequence fault {
                    for bank in banks {
                        let status = INT_STATUS;
                        if status != 0 {
                            for i in 0 ..= 3 {
                                write INT_MASK = STATUS.READY;
                            }
                        }
                    }
                }
                """);
        assertClean(text);
        Description d = compile(text).main().orElseThrow();
        assertThat(d.banked()).isTrue();
        assertThat(d.banks().orElseThrow().property().value()).isEqualTo("reg");
        Step.ForBanks loop = (Step.ForBanks) d.sequence("enable").orElseThrow().steps().get(0);
        assertThat(loop.variable().text()).isEqualTo("bank");
        assertThat(loop.body()).hasSize(3);
        Step.Write mask = (Step.Write) loop.body().get(1);
        // the bank's number is a local of the body, as a loop variable is
        assertThat(BehaviourSupport.children(mask.value()).get(0))
                .isInstanceOfSatisfying(VarRef.class, v -> assertThat(v.kind()).isEqualTo(Var.LOCAL));
    }

    @Test
    void readOutsideABankLoopIsE0514AtTheRead() {
        String text = iommu(REGISTERS, RULES + """
                banks "reg";
                sequence fault {
                    for bank in banks {
                        write INT_MASK = 0;
                    }
                    write CMD = INT_STATUS;
                }
                """);
        Diagnostic d = only(text);
        assertAt(d, Code.E0514, text, "INT_STATUS;");
        assertThat(d.message()).contains("read of INT_STATUS outside a loop over the banks");
        assertThat(d.notes()).singleElement().satisfies(n -> assertThat(n.message()).isEqualTo("the banks are declared here"));
    }

    @Test
    void everyPlaceASequenceReadsIsChecked() {
        String text = iommu(REGISTERS, RULES + """
                banks "reg";
                sequence s(x) {
                    let a = STATUS.READY;
                    expect INT_STATUS == 0;
                    poll STATUS.READY == 1 every 1us timeout 1ms;
                    if INT_MASK == 1 { return; }
                    call t(INT_MASK);
                    for i in 0 ..= INT_MASK { write CMD = i; }
                    report fault(iova = INT_STATUS);
                    write CMD = all_banks(STATUS.READY == 1) + INT_MASK;
                }
                sequence t(y) { write CMD = y; }
                """);
        List<Diagnostic> found = diagnostics(text, Code.E0514);
        assertThat(found).extracting(d -> d.span().line()).hasSize(8);
        assertThat(compile(text).errorCount()).isEqualTo(8);
    }

    @Test
    void writesModifiesSavesAndRestoresOutsideALoopGoToEveryBank() {
        assertClean(iommu(REGISTERS, RULES + """
                banks "reg";
                sequence suspend { save INT_MASK; write INT_MASK = 0; modify INT_MASK = 1; }
                sequence resume { restore INT_MASK; }
                """));
    }

    @Test
    void aReadInABankLoopOfTheCallerIsStillCheckedInTheCallee() {
        String text = iommu(REGISTERS, RULES + """
                banks "reg";
                sequence status_of_bank { let s = INT_STATUS; }
                sequence fault { for bank in banks { call status_of_bank; } }
                """);
        assertAt(only(text), Code.E0514, text, "INT_STATUS;");
    }

    @Test
    void bankLoopsAndQueriesNeedBanks() {
        String text = iommu(REGISTERS, RULES + """
                sequence s {
                    for bank in banks { write CMD = 1; }
                    poll any_bank(STATUS.READY == 1) every 1us timeout 1ms;
                }
                """);
        List<Diagnostic> found = diagnostics(text, Code.E0517);
        assertThat(found).hasSize(2);
        assertAt(found.get(0), Code.E0517, text, "for bank in banks");
        assertAt(found.get(1), Code.E0517, text, "any_bank(");
        assertThat(found.get(1).message()).startsWith("'any_bank' asks every register bank, but iommu t has no banks");
    }

    @Test
    void nestedBankLoopsAreE0502WithTheOuterLoopNoted() {
        String text = iommu(REGISTERS, RULES + """
                banks "reg";
                sequence s { for a in banks { if 1 == 1 { for b in banks { write CMD = 1; } } } }
                """);
        Diagnostic d = only(text);
        assertAt(d, Code.E0502, text, "for b in banks");
        assertThat(d.notes()).singleElement().satisfies(n -> assertThat(n.message()).isEqualTo("the outer loop is here"));
    }

    @Test
    void aBankLoopInACalledSequenceInsideABankLoopIsE0502AtTheCall() {
        String text = iommu(REGISTERS, RULES + """
                banks "reg";
                sequence mask_all { for other in banks { write INT_MASK = 0; } }
                sequence via { call mask_all; }
                sequence disable { for bank in banks { call via; } }
                sequence fine { call mask_all; for bank in banks { write CMD = 1; } }
                """);
        Diagnostic d = only(text);
        assertAt(d, Code.E0502, text, "call via;");
        assertThat(d.notes()).extracting(n -> n.message()).containsExactly("the outer loop is here",
                "the inner loop is here");
        assertThat(d.notes().get(1).span().line()).isEqualTo(d.span().line() - 2);
    }

    @Test
    void aBankQueryInsideAnotherIsE0502() {
        String text = iommu(REGISTERS, RULES + """
                banks "reg";
                sequence s { expect all_banks(any_bank(INT_STATUS != 0) == 1); }
                """);
        assertAt(only(text), Code.E0502, text, "any_bank(");
    }

    @Test
    void bankQueriesExistOnlyInSequences() {
        String text = iommu(REGISTERS, RULES + """
                banks "reg";
                interrupt irq = any_bank(INT_STATUS != 0);
                """);
        Diagnostic d = only(text);
        assertAt(d, Code.E0111, text, "any_bank(");
        assertThat(d.message()).contains("exists only in sequences");
    }

    @Test
    void theBankVariableMayNotHideAParameter() {
        String text = iommu(REGISTERS, RULES + """
                banks "reg";
                sequence s(bank) { for bank in banks { write CMD = bank; } }
                """);
        assertAt(only(text), Code.E0100, text, "bank in banks");
    }

    @Test
    void aQueryTakesOneArgument() {
        String text = iommu(REGISTERS, RULES + """
                banks "reg";
                sequence s { expect all_banks(1, 2); }
                """);
        assertThat(only(text).code()).isEqualTo(Code.E0110);
    }

    @Test
    void propertiesAreNamesWithoutBlanks() {
        String empty = iommu(REGISTERS, RULES + "banks \"\";");
        assertAt(only(empty), Code.E0106, empty, "\"\"");
        String blank = iommu(REGISTERS, RULES + "option quiet \"vendor, quiet\";");
        Diagnostic d = only(blank);
        assertAt(d, Code.E0106, blank, "\"vendor, quiet\"");
        assertThat(d.message()).contains("holds a space, which property names do not use");
        String control = iommu(REGISTERS, RULES + "banks \"reg\\n\";");
        assertThat(only(control).message()).as("the newline is shown escaped").contains("\"reg\\n\" of the banks holds"
                + " the control character U+000A");
    }

    @Test
    void aDerivedDescriptionInheritsRestatesAndRemovesTheBanks() {
        String base = """
                iommu a {
                    iova 32;
                    oa 32;
                    registers { BASE 0x00 rw; INT_MASK 0x04 rw; }
                    format pte : u32 { valid 0 = 1; page 31:12 -> 31:12; }
                    walk { root BASE; level pt index iova 31:12 : pte leaf 4K; }
                    banks "reg";
                    sequence disable { for bank in banks { write INT_MASK = 0; } }
                }
                """;
        Compilation inherited = compile(base + "iommu b extends a { }\n");
        assertThat(inherited.render()).isEmpty();
        assertThat(inherited.description("b").orElseThrow().banks().orElseThrow().property().value()).isEqualTo("reg");

        Compilation restated = compile(base + "iommu b extends a { banks \"reg-names\"; }\n");
        assertThat(restated.description("b").orElseThrow().banks().orElseThrow().property().value())
                .isEqualTo("reg-names");

        Compilation removed = compile(base + "iommu b extends a { remove banks; remove sequence disable; }\n");
        assertThat(removed.render()).isEmpty();
        assertThat(removed.description("b").orElseThrow().banked()).isFalse();

        Compilation stillLooping = compile(base + "iommu b extends a { remove banks; }\n");
        assertThat(stillLooping.diagnostics()).extracting(Diagnostic::code).containsExactly(Code.E0517);

        Compilation twice = compile(base + "iommu b extends a { remove banks; remove banks; remove sequence disable; }\n");
        assertThat(twice.diagnostics()).extracting(Diagnostic::code).containsExactly(Code.E0104);
    }

    @Test
    void withOneBankAQueryIsItsCondition() {
        for (Builtin.Function f : List.of(Builtin.Function.ALL_BANKS, Builtin.Function.ANY_BANK)) {
            assertThat(TotalOps.builtin(f, new long[] {0})).isZero();
            assertThat(TotalOps.builtin(f, new long[] {1})).isEqualTo(1);
            assertThat(TotalOps.builtin(f, new long[] {-1L})).isEqualTo(1);
        }
    }

    @Test
    void banksIsASoftKeyword() {
        assertClean(iommu("banks 0x04 rw;", """
                const all_banks = 3;
                sequence s(banks) { write banks = all_banks; for i in banks ..= 4 { write banks = i; } }
                """));
    }
}
