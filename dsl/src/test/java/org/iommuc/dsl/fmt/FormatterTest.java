package org.iommuc.dsl.fmt;

import static org.assertj.core.api.Assertions.assertThat;

import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.parse.ModelBuilder;
import org.iommuc.dsl.parse.ParsedFile;
import org.iommuc.dsl.parse.Parsing;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.source.SourceFile;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The canonical layout, rule by rule, and where comments end up. */
class FormatterTest {

    static String fmt(String text) {
        Formatter.Result result = Formatter.format(SourceFile.of("t.iommu", text));
        assertThat(result.diagnostics()).as("diagnostics:\n%s", result.render()).isEmpty();
        String formatted = result.formatted().orElseThrow();
        Formatter.Result again = Formatter.format(SourceFile.of("t.iommu", formatted));
        assertThat(again.formatted()).as("formatting is idempotent").contains(formatted);
        return formatted;
    }

    @Nested
    class Spacing {

        @Test
        void spacesAroundOperatorsAndNoneInsideBrackets() {
            assertThat(fmt("iommu x{iova 32;aperture 0..=0xFFFF_FFFF;const A=(1+2)*3<<4;const B=- 1;const C=! x&&~ y;}"))
                    .isEqualTo("""
                            iommu x {
                                iova 32;
                                aperture 0 ..= 0xFFFF_FFFF;
                                const A = (1 + 2) * 3 << 4;
                                const B = -1;
                                const C = !x && ~y;
                            }
                            """);
        }

        @Test
        void bitRangesSlicesAndFormatTypes() {
            assertThat(fmt("iommu x { format pte:u32 { valid 0 = 1 ; page 31 : 12->31 : 12 , 11:8 -> 35:32; "
                    + "prot read|write -> r = 1, w = 1; allow read if r; } }"))
                    .isEqualTo("""
                            iommu x {
                                format pte : u32 {
                                    valid 0 = 1;
                                    page 31:12 -> 31:12, 11:8 -> 35:32;
                                    prot read | write -> r = 1, w = 1;
                                    allow read if r;
                                }
                            }
                            """);
        }

        @Test
        void callsIndexesMembersAndObligations() {
            assertThat(fmt("iommu x { walk { root dte ( DTE_ADDR ) . table ; } registers { R [ 4 ] 0x0 stride 4 rw; }"
                    + " sequence s ( a , b ) { write R [ 1 ] . F = a ? b : c; call t ( 1 ); report fault ( iova = a ); }"
                    + " obligations { map : flush_page ( first ) , flush_page(last); unmap l1 : none; } }"))
                    .isEqualTo("""
                            iommu x {
                                walk {
                                    root dte(DTE_ADDR).table;
                                }
                                registers {
                                    R[4] 0x0 stride 4 rw;
                                }
                                sequence s(a, b) {
                                    write R[1].F = a ? b : c;
                                    call t(1);
                                    report fault(iova = a);
                                }
                                obligations {
                                    map: flush_page(first), flush_page(last);
                                    unmap l1: none;
                                }
                            }
                            """);
        }

        @Test
        void levelsAndEntryKinds() {
            assertThat(fmt("iommu x { walk { level l1 index iova 31:22 size 4K align 4K: t table|p leaf 4M contiguous 16; } }"))
                    .isEqualTo("""
                            iommu x {
                                walk {
                                    level l1 index iova 31:22 size 4K align 4K : t table | p leaf 4M contiguous 16;
                                }
                            }
                            """);
        }

        @Test
        void literalsAreWrittenAsInTheSource() {
            String formatted = fmt("iommu x { const A = 0X1f; const B = 0b1_0; const C = 1_000; const D = 4K; "
                    + "const E = 100us; compatible \"a,\\\"b\\\"\"; }");
            assertThat(formatted).contains("0X1f;", "0b1_0;", "1_000;", "4K;", "100us;", "\"a,\\\"b\\\"\";");
        }
    }

    @Nested
    class Blocks {

        @Test
        void ifElseChainsStayOnTheClosingBraceLine() {
            assertThat(fmt("iommu x { behaviour { on write R { if a { stall; }\nelse if b { abort; }\n\nelse { reset; } } } }"))
                    .isEqualTo("""
                            iommu x {
                                behaviour {
                                    on write R {
                                        if a {
                                            stall;
                                        } else if b {
                                            abort;
                                        } else {
                                            reset;
                                        }
                                    }
                                }
                            }
                            """);
        }

        @Test
        void redirectIsAnEffectWithAnAddressAndKeepsItsComments() {
            assertThat(fmt("iommu x { fault translation { if CTRL.SEL==2{redirect BUF&~0x7F ;// the buffer\n}"
                    + "else{ abort; } } }"))
                    .isEqualTo("""
                            iommu x {
                                fault translation {
                                    if CTRL.SEL == 2 {
                                        redirect BUF & ~0x7F;  // the buffer
                                    } else {
                                        abort;
                                    }
                                }
                            }
                            """);
        }

        @Test
        void pollWithElseBlockAndExpectWithElseFail() {
            assertThat(fmt("iommu x { sequence s { poll R == 1 every 1us timeout 1ms else { fail \"t\"; } "
                    + "expect R == 0 else fail \"e\"; } }"))
                    .isEqualTo("""
                            iommu x {
                                sequence s {
                                    poll R == 1 every 1us timeout 1ms else {
                                        fail "t";
                                    }
                                    expect R == 0 else fail "e";
                                }
                            }
                            """);
        }

        @Test
        void emptyBlocksAreTight() {
            assertThat(fmt("iommu x {\n\n}\niommu y { sequence s {\n} }"))
                    .isEqualTo("""
                            iommu x {}

                            iommu y {
                                sequence s {}
                            }
                            """);
        }

        @Test
        void enumValuesOnePerLineWithTrailingCommaAndNoSemicolonAfter() {
            assertThat(fmt("iommu x { registers { C 0x8 wo { CMD 2:0 enum { A = 0, B = 1 \"b\" }; } S 0x0 ro enum { X = 1, }; } }"))
                    .isEqualTo("""
                            iommu x {
                                registers {
                                    C 0x8 wo {
                                        CMD 2:0 enum {
                                            A = 0,
                                            B = 1 "b",
                                        }
                                    }
                                    S 0x0 ro enum {
                                        X = 1,
                                    }
                                }
                            }
                            """);
        }

        @Test
        void aStatementSplitOverLinesIsJoined() {
            assertThat(fmt("iommu x {\n  interrupt irq =\n\n      A\n   | B;\n}\n"))
                    .isEqualTo("""
                            iommu x {
                                interrupt irq = A | B;
                            }
                            """);
        }
    }

    @Nested
    class BlankLines {

        @Test
        void atMostOneBetweenItemsNoneAfterOpenOrBeforeClose() {
            assertThat(fmt("iommu x {\n\n\n    iova 32;\n\n\n\n    oa 32;\n    masters 4;\n\n}\n"))
                    .isEqualTo("""
                            iommu x {
                                iova 32;

                                oa 32;
                                masters 4;
                            }
                            """);
        }

        @Test
        void includesThenOneBlankLineThenDescriptionsSeparatedByOne() {
            assertThat(fmt("\n\ninclude \"a.iommu\";\n\n\ninclude \"b.iommu\";\niommu x { iova 32; }\niommu y { oa 32; }"))
                    .isEqualTo("""
                            include "a.iommu";

                            include "b.iommu";

                            iommu x {
                                iova 32;
                            }

                            iommu y {
                                oa 32;
                            }
                            """);
        }

        @Test
        void commentsBeforeADescriptionFollowTheSeparatingBlankLine() {
            assertThat(fmt("iommu x {}\n// about y\n\n/// y's doc\niommu y {}\n"))
                    .isEqualTo("""
                            iommu x {}

                            // about y

                            /// y's doc
                            iommu y {}
                            """);
        }
    }

    @Nested
    class CommentPlacement {

        @Test
        void ownLineCommentsTakeTheIndentOfWhatFollows() {
            assertThat(fmt("iommu x {\n// before iova\n  iova 32;\n        // before registers\nregisters {\n"
                    + "// before R\n R 0x0 rw;\n   // last in registers\n }\n  // last in x\n}\n"))
                    .isEqualTo("""
                            iommu x {
                                // before iova
                                iova 32;
                                // before registers
                                registers {
                                    // before R
                                    R 0x0 rw;
                                    // last in registers
                                }
                                // last in x
                            }
                            """);
        }

        @Test
        void trailingCommentsAfterSemicolonsAndBracesAlignInRuns() {
            assertThat(fmt("iommu x { // x\n iova 32; // input\n aperture 0 ..= 0xFFFF; // range\n\n oa 32;   // output\n"
                    + " registers { // regs\n R 0x0 rw; // r\n } // end regs\n}"))
                    .isEqualTo("""
                            iommu x {  // x
                                iova 32;                // input
                                aperture 0 ..= 0xFFFF;  // range

                                oa 32;       // output
                                registers {  // regs
                                    R 0x0 rw;  // r
                                }  // end regs
                            }
                            """);
        }

        @Test
        void commentsInsideEnums() {
            assertThat(fmt("iommu x { registers { C 0x8 wo { CMD 2:0 enum {\n// first\nA = 0, // zero\n"
                    + "B = 1 /* one */\n// after the last\n} } } }"))
                    .isEqualTo("""
                            iommu x {
                                registers {
                                    C 0x8 wo {
                                        CMD 2:0 enum {
                                            // first
                                            A = 0,  // zero
                                            B = 1, /* one */
                                            // after the last
                                        }
                                    }
                                }
                            }
                            """);
        }

        @Test
        void blockCommentsInsideExpressionsStayInline() {
            assertThat(fmt("iommu x { interrupt irq = A /* a */ | ( /* b */ B ) /* c */; }"))
                    .isEqualTo("""
                            iommu x {
                                interrupt irq = A /* a */ | ( /* b */ B) /* c */;
                            }
                            """);
        }

        @Test
        void aLineCommentInsideAStatementContinuesItOneLevelDeeper() {
            assertThat(fmt("iommu x {\n    interrupt irq = A // first source\n | B // second source\n ; }"))
                    .isEqualTo("""
                            iommu x {
                                interrupt irq = A  // first source
                                    | B  // second source
                                    ;
                            }
                            """);
        }

        @Test
        void anOwnLineCommentInsideAStatementIsIndentedAsAContinuation() {
            assertThat(fmt("iommu x {\n    interrupt irq = A |\n// why B\n B; }"))
                    .isEqualTo("""
                            iommu x {
                                interrupt irq = A |
                                    // why B
                                    B;
                            }
                            """);
        }

        @Test
        void commentsAroundElse() {
            assertThat(fmt("iommu x { behaviour { on write R { if a { stall; } // not b\n else { abort; } } } }"))
                    .isEqualTo("""
                            iommu x {
                                behaviour {
                                    on write R {
                                        if a {
                                            stall;
                                        }  // not b
                                        else {
                                            abort;
                                        }
                                    }
                                }
                            }
                            """);
        }

        @Test
        void docCommentsStayWithTheirItem() {
            String source = "/// The x.\n///\n///   indented line\niommu x {\n  /// Input bits.\n  const A = 1;\n"
                    + "  registers {\n  /// The register.\n  R 0x0 rw \"summary\";\n  }\n}\n";
            String formatted = fmt(source);
            assertThat(formatted).isEqualTo("""
                    /// The x.
                    ///
                    ///   indented line
                    iommu x {
                        /// Input bits.
                        const A = 1;
                        registers {
                            /// The register.
                            R 0x0 rw "summary";
                        }
                    }
                    """);
            Description before = model(source);
            Description after = model(formatted);
            assertThat(after.doc()).isEqualTo(before.doc()).isEqualTo("The x.\n\n  indented line");
            assertThat(after.registers().get(0).doc()).isEqualTo("The register.\nsummary");
        }

        @Test
        void multiLineBlockCommentsMoveWithTheirFirstLine() {
            assertThat(fmt("iommu x {\n          /*\n           * Boxed.\n           */\n    iova 32;\n}\n"))
                    .isEqualTo("""
                            iommu x {
                                /*
                                 * Boxed.
                                 */
                                iova 32;
                            }
                            """);
        }

        @Test
        void aBlockCommentBeforeCodeOnItsLineGetsItsOwnLine() {
            assertThat(fmt("iommu x {\n /* note */ iova 32;\n}"))
                    .isEqualTo("""
                            iommu x {
                                /* note */
                                iova 32;
                            }
                            """);
        }

        @Test
        void commentsAtTheEndOfTheFile() {
            assertThat(fmt("iommu x {} // trailing\n\n\n// last words\n/* really\n   last */"))
                    .isEqualTo("""
                            iommu x {}  // trailing

                            // last words
                            /* really
                               last */
                            """);
        }

        @Test
        void aFileOfCommentsOnly() {
            assertThat(fmt("   // just a note   \n\n\n/// and a doc")).isEqualTo("// just a note\n\n/// and a doc\n");
        }

        @Test
        void aCommentBetweenAnEnumAndItsSemicolonKeepsTheSemicolon() {
            assertThat(fmt("iommu x { registers { S 0x0 ro enum { X = 1 } /// odd\n ; } }"))
                    .isEqualTo("""
                            iommu x {
                                registers {
                                    S 0x0 ro enum {
                                        X = 1,
                                    }  /// odd
                                        ;
                                }
                            }
                            """);
        }
    }

    @Nested
    class Whitespace {

        @Test
        void tabsCarriageReturnsAndTrailingSpacesGo() {
            assertThat(fmt("iommu x {\r\n\tiova 32;   \r\n\t/* a  \r\n\t   b */  \r\n}\r\n"))
                    .isEqualTo("iommu x {\n    iova 32;\n    /* a\n       b */\n}\n");
        }

        @Test
        void anEmptyFileStaysEmpty() {
            assertThat(fmt("")).isEmpty();
            assertThat(fmt(" \n\n\t\n")).isEmpty();
        }

        @Test
        void exactlyOneNewlineAtTheEnd() {
            assertThat(fmt("iommu x {}")).isEqualTo("iommu x {}\n");
            assertThat(fmt("iommu x {}\n\n\n\n")).isEqualTo("iommu x {}\n");
        }
    }

    @Nested
    class Failures {

        @Test
        void aFileThatDoesNotParseIsNotFormatted() {
            Formatter.Result result = Formatter.format(SourceFile.of("b.iommu", "iommu x {\n    iova 32\n}\n"));
            assertThat(result.ok()).isFalse();
            assertThat(result.changed()).isFalse();
            assertThat(result.diagnostics()).isNotEmpty();
            assertThat(result.diagnostics().get(0).code()).isEqualTo(Code.E0001);
            assertThat(result.render()).startsWith("b.iommu:2:12: error[E0001]: expected ';' before '}'").contains("error[E0001]");
        }

        @Test
        void lexicalErrorsAreReported() {
            Formatter.Result result = Formatter.format(SourceFile.of("b.iommu", "iommu x { iova 32; } $\n/* open"));
            assertThat(result.ok()).isFalse();
            assertThat(result.diagnostics()).extracting(d -> d.code()).contains(Code.E0001, Code.E0006);
        }

        @Test
        void veryLongExpressionsDoNotOverflowTheStack() {
            String sum = "A" + " + A".repeat(20_000);
            String formatted = fmt("iommu x {\n    interrupt irq = " + sum + ";\n}\n");
            assertThat(formatted).isEqualTo("iommu x {\n    interrupt irq = " + sum + ";\n}\n");
        }

        @Test
        void theLosslessCheckSeesAChangedToken() {
            assertThat(Lossless.difference("iommu x { iova 32; }", "iommu x {\n    iova 32;\n}\n")).isEmpty();
            assertThat(Lossless.difference("iommu x { iova 32; }", "iommu x { iova 33; }"))
                    .hasValueSatisfying(d -> assertThat(d).contains("'32'", "'33'"));
            assertThat(Lossless.difference("iommu x { iova 32; } // a", "iommu x { iova 32; }")).isPresent();
            assertThat(Lossless.difference("iommu x { iova 32; } // a b", "iommu x { iova 32; } // ab")).isPresent();
            assertThat(Lossless.difference("enum { A = 1 };", "enum { A = 1, }")).isEmpty();
        }
    }

    static Description model(String text) {
        Diagnostics diagnostics = new Diagnostics();
        ParsedFile parsed = Parsing.parse(SourceFile.of("m.iommu", text), diagnostics);
        ModelBuilder.FileDecl decl = ModelBuilder.build(parsed, diagnostics);
        assertThat(diagnostics.size()).isZero();
        return decl.descriptions().get(0);
    }
}
