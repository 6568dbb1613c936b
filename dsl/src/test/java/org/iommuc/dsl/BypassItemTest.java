package org.iommuc.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostic;
import org.iommuc.dsl.fmt.Formatter;
import org.iommuc.dsl.model.Binary;
import org.iommuc.dsl.model.BinaryOp;
import org.iommuc.dsl.model.Bypass;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.RegRead;
import org.iommuc.dsl.model.Var;
import org.iommuc.dsl.model.VarRef;
import org.iommuc.dsl.source.SourceFile;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code bypass if EXPR;}: parsing, names, checks, {@code extends} and the formatter. */
class BypassItemTest {

    /** A small description with a per-master BYPASS register; {@code items} go after the walk. */
    static String iommu(String items) {
        return """
                iommu t {
                    iova 32;
                    oa 32;
                    masters 4;
                    const LOW = 0x1000;
                    buffer scratch size 4K;
                    option quirk "vendor,quirk";
                    registers {
                        BASE 0x00 rw;
                        BYPASS 0x04 rw { MASTER 3:0; }
                        WINDOW 0x08 wo;
                        AUTH[2] 0x0C stride 4 rw;
                        bypass 0x14 rw "a register named by the keyword";
                    }
                    format pte : u32 { valid 0 = 1; page 31:12 -> 31:12; }
                    walk {
                        root BASE;
                        level pt index iova 31:12 : pte leaf 4K;
                    }
                """ + items + "}\n";
    }

    static Compilation compile(String text) {
        return Frontend.compileText("t.iommu", text);
    }

    static Bypass bypassOf(String text) {
        Compilation c = compile(text);
        assertThat(c.render()).isEmpty();
        return c.description("t").orElseThrow().bypass().orElseThrow();
    }

    static List<Diagnostic> errors(String text) {
        return compile(text).diagnostics();
    }

    @Test
    void parsesWithRustPrecedenceAndBindsRegistersAndTransactionVariables() {
        String text = iommu("    bypass if BYPASS.MASTER >> master & 1 == 1;\n");
        Bypass b = bypassOf(text);
        assertThat(b.condition()).isInstanceOfSatisfying(Binary.class, eq -> {
            assertThat(eq.op()).isEqualTo(BinaryOp.EQ);
            assertThat(eq.left()).isInstanceOfSatisfying(Binary.class, and -> {
                assertThat(and.op()).isEqualTo(BinaryOp.AND);
                assertThat(and.left()).isInstanceOfSatisfying(Binary.class, shr -> {
                    assertThat(shr.op()).isEqualTo(BinaryOp.SHR);
                    assertThat(shr.left()).isInstanceOfSatisfying(RegRead.class, r -> {
                        assertThat(r.register()).isEqualTo("BYPASS");
                        assertThat(r.field()).contains("MASTER");
                    });
                    assertThat(shr.right()).isEqualTo(new VarRef("master", Var.MASTER, ((VarRef) shr.right()).span()));
                });
            });
        });
        int line = text.lines().toList().indexOf("    bypass if BYPASS.MASTER >> master & 1 == 1;") + 1;
        assertThat(b.span().line()).isEqualTo(line);
    }

    @Test
    void mayReadIovaWriteReadConstantsArraysAndARegisterNamedBypass() {
        Bypass b = bypassOf(iommu("    /// Low addresses and reads of master 3 pass.\n"
                + "    bypass if iova < LOW || read && master == 3 || !write && AUTH[1] != 0 || bypass != 0;\n"));
        assertThat(b.doc()).isEqualTo("Low addresses and reads of master 3 pass.");
        assertThat(Exprs.text(b.condition())).contains("bypass != 0");
    }

    @Test
    void readsAWriteOnlyRegisterAsTheHardwareDoes() {
        assertThat(compile(iommu("    bypass if WINDOW == iova >> 12;\n")).render()).as("no E0501: hardware side")
                .isEmpty();
    }

    @Test
    void givenTwiceIsReportedAtTheSecond() {
        String text = iommu("    bypass if master == 0;\n    bypass if master == 1;\n");
        assertThat(errors(text)).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(Code.E0107);
            assertThat(d.span().line()).isEqualTo(text.lines().toList().indexOf("    bypass if master == 1;") + 1);
            assertThat(d.notes()).singleElement()
                    .satisfies(n -> assertThat(n.span().line()).isEqualTo(d.span().line() - 1));
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "domain_attached == 1 | E0111 | 'domain_attached' is not available in a bypass condition",
        "identity_attached == 1 | E0111 | 'identity_attached' is not available in a bypass condition",
        "quirk == 1 | E0111 | 'quirk' is not available in a bypass condition; it is a device-tree option",
        "scratch == iova | E0111 | 'scratch' is not available in a bypass condition; it is a buffer",
        "value == 1 | E0111 | only in behaviour rules",
        "entry != 0 | E0111 | only in fault handlers",
        "first == 0 | E0111 | only in obligations",
        "BYPAS != 0 | E0101 | unknown name 'BYPAS' in a bypass condition; did you mean 'BYPASS'?",
        "BYPASS.MASTR != 0 | E0101 | register 'BYPASS' has no field 'MASTR'",
        "AUTH != 0 | E0109 | register 'AUTH' is an array",
        "AUTH[2] != 0 | E0512 | index 2 names no element of AUTH[2]",
        "iova / 0 == 1 | E0504 | division by zero",
        "BYPASS.MASTER == 0x10 | W0106 | this comparison is never true",
    })
    void reportsWhatItReportsElsewhere(String condition, String code, String message) {
        List<Diagnostic> found = errors(iommu("    bypass if " + condition + ";\n"));
        assertThat(found).as("diagnostics of 'bypass if %s'", condition).isNotEmpty();
        assertThat(found.get(0).code().name()).isEqualTo(code);
        assertThat(found.get(0).message()).contains(message);
        assertThat(found.get(0).span().line()).isEqualTo(20);
    }

    @Nested
    class Extends {

        static final String BASE = iommu("    bypass if BYPASS.MASTER >> master & 1 == 1;\n");

        Description derived(String items) {
            Compilation c = compile(BASE + "iommu d extends t {\n" + items + "}\n");
            assertThat(c.render()).isEmpty();
            return c.description("d").orElseThrow();
        }

        @Test
        void isInherited() {
            assertThat(derived("").bypass().map(b -> Exprs.text(b.condition())))
                    .contains("BYPASS.MASTER >> master & 1 == 1");
        }

        @Test
        void isReplacedByTheDerivedOne() {
            assertThat(derived("    bypass if master == 2;\n").bypass().map(b -> Exprs.text(b.condition())))
                    .contains("master == 2");
        }

        @Test
        void isRemovedByRemoveBypass() {
            assertThat(derived("    remove bypass;\n").bypass()).isEmpty();
        }

        @Test
        void removingAMissingOneIsAnError() {
            Compilation c = compile(BASE + "iommu d extends t { remove bypass; }\n"
                    + "iommu e extends d { remove bypass; }\n");
            assertThat(c.diagnostics()).singleElement().satisfies(d -> {
                assertThat(d.code()).isEqualTo(Code.E0104);
                assertThat(d.message()).isEqualTo("cannot remove bypass: the base has no such item");
            });
        }
    }

    @Nested
    class Formatting {

        @Test
        void isLaidOutOnOneLineWithItsCommentsAndIdempotently() {
            String messy = "iommu x {\n  /// doc\n  bypass   if  BYPASS.MASTER>>master&1==1   ;   // why\n"
                    + "bypass if(iova<0x1000)\n// inside\n||master==2;\n}\n";
            Formatter.Result first = Formatter.format(SourceFile.of("t.iommu", messy));
            assertThat(first.render()).isEmpty();
            assertThat(first.formatted()).contains("""
                    iommu x {
                        /// doc
                        bypass if BYPASS.MASTER >> master & 1 == 1;  // why
                        bypass if (iova < 0x1000)
                            // inside
                            || master == 2;
                    }
                    """);
            String formatted = first.formatted().orElseThrow();
            assertThat(Formatter.format(SourceFile.of("t.iommu", formatted)).formatted()).contains(formatted);
        }
    }
}
