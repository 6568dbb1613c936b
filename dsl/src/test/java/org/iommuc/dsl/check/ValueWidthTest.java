package org.iommuc.dsl.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iommuc.dsl.check.BehaviourTesting.assertAt;
import static org.iommuc.dsl.check.BehaviourTesting.assertClean;
import static org.iommuc.dsl.check.BehaviourTesting.iommu;
import static org.iommuc.dsl.check.BehaviourTesting.only;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.iommuc.dsl.Compilation;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostic;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Effect;
import org.iommuc.dsl.model.Expr;
import org.iommuc.dsl.model.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The width inference behind E0503, and the E0503 diagnostics it drives. */
class ValueWidthTest {

    /** Where the expression under test is written; each place gives different variables a meaning. */
    enum Place { SEQUENCE, FAULT, RULE }

    private static final String DESCRIPTION = """
            iommu w {
                iova 40;
                oa 48;
                masters 5;
                const BIG = 0x1_0000;
                registers {
                    BASE 0x00 rw;
                    CTRL 0x04 rw { MODE 1:0; ADDR 31:12; }
                    WIDE 0x08 rw width 64;
                    NARROW 0x10 rw width 16;
                }
                format dte : u32 { valid 0 = 1; table 31:12 -> 31:12, 11:8 -> 35:32; }
                format pte : u64 { valid 0 = 1; writable 2; page 47:12 -> 47:12; }
                walk {
                    root BASE;
                    level dt index iova 39:22 : dte table;
                    level pt index iova 21:12 : pte leaf 4K;
                }
                fault translation { WIDE = %s; }
                behaviour { on write NARROW { WIDE = %s; } }
                sequence s(p) { let v = %s; }
            }
            """;

    static Stream<Arguments> widths() {
        return Stream.of(
                Arguments.of(Place.SEQUENCE, "0x1FF", 9),
                Arguments.of(Place.SEQUENCE, "0", 0),
                Arguments.of(Place.SEQUENCE, "BIG", 17),
                Arguments.of(Place.SEQUENCE, "CTRL", 32),
                Arguments.of(Place.SEQUENCE, "CTRL.MODE", 2),
                Arguments.of(Place.SEQUENCE, "CTRL.ADDR", 20),
                Arguments.of(Place.SEQUENCE, "NARROW", 16),
                Arguments.of(Place.SEQUENCE, "CTRL.MODE == 1", 1),
                Arguments.of(Place.SEQUENCE, "WIDE < NARROW", 1),
                Arguments.of(Place.SEQUENCE, "!CTRL", 1),
                Arguments.of(Place.SEQUENCE, "CTRL && NARROW", 1),
                Arguments.of(Place.SEQUENCE, "CTRL || p", 1),
                Arguments.of(Place.SEQUENCE, "CTRL & NARROW", 16),
                Arguments.of(Place.SEQUENCE, "CTRL & ~0xFFF", 32),
                Arguments.of(Place.SEQUENCE, "CTRL | WIDE", 64),
                Arguments.of(Place.SEQUENCE, "CTRL ^ NARROW", 32),
                Arguments.of(Place.SEQUENCE, "CTRL >> 12", 20),
                Arguments.of(Place.SEQUENCE, "CTRL >> 40", 0),
                Arguments.of(Place.SEQUENCE, "NARROW << 4", 20),
                Arguments.of(Place.SEQUENCE, "dte(CTRL).table", 36),
                Arguments.of(Place.SEQUENCE, "dte(CTRL).valid", 1),
                Arguments.of(Place.SEQUENCE, "dte(table = p)", 32),
                Arguments.of(Place.SEQUENCE, "pte(page = p, writable = 1)", 64),
                Arguments.of(Place.SEQUENCE, "bits(WIDE, 11, 4)", 8),
                Arguments.of(Place.SEQUENCE, "WIDE.bit(3)", 1),
                Arguments.of(Place.SEQUENCE, "min(CTRL, NARROW)", 16),
                Arguments.of(Place.SEQUENCE, "p", -1),
                Arguments.of(Place.SEQUENCE, "p & 0xFF", -1),
                Arguments.of(Place.SEQUENCE, "CTRL + 1", -1),
                Arguments.of(Place.SEQUENCE, "CTRL * 2", -1),
                Arguments.of(Place.SEQUENCE, "CTRL == 0 ? 1 : 2", -1),
                Arguments.of(Place.SEQUENCE, "~CTRL", -1),
                Arguments.of(Place.SEQUENCE, "CTRL >> p", -1),
                Arguments.of(Place.FAULT, "iova", 40),
                Arguments.of(Place.FAULT, "write", 1),
                Arguments.of(Place.FAULT, "read", 1),
                Arguments.of(Place.FAULT, "master", 3),
                Arguments.of(Place.FAULT, "entry", 64),
                Arguments.of(Place.FAULT, "iova >> 12", 28),
                Arguments.of(Place.RULE, "value", 16),
                Arguments.of(Place.RULE, "value & 0xF", 4));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @MethodSource("widths")
    void infersTheBitsAValueCanNeed(Place place, String expression, int expected) {
        String text = String.format(DESCRIPTION, place == Place.FAULT ? expression : "0",
                place == Place.RULE ? expression : "0", place == Place.SEQUENCE ? expression : "0");
        Compilation compilation = BehaviourTesting.compile(text);
        assertThat(compilation.render()).isEmpty();
        Description d = compilation.descriptions().get(0);

        OptionalInt width = widthIn(d, place);

        assertThat(width).isEqualTo(expected < 0 ? OptionalInt.empty() : OptionalInt.of(expected));
    }

    private static OptionalInt widthIn(Description d, Place place) {
        switch (place) {
            case FAULT:
                return new ValueWidth(d, Optional.empty()).of(assigned(d.faults().get(0).effects().get(0)));
            case RULE:
                return new ValueWidth(d, d.register("NARROW")).of(assigned(d.rules().get(0).effects().get(0)));
            default:
                return new ValueWidth(d, Optional.empty()).of(((Step.Let) d.sequences().get(0).steps().get(0)).value());
        }
    }

    private static Expr assigned(Effect effect) {
        return ((Effect.Assign) effect).value();
    }

    @Test
    void aConstantTooWideForAFieldIsReportedAtTheValue() {
        String text = iommu("CTRL 0x04 rw { MODE 1:0; }", "sequence init { write CTRL.MODE = 0x1F; }");

        Diagnostic d = only(text);

        assertAt(d, Code.E0503, text, "0x1F;");
        assertThat(d.message()).isEqualTo("31 needs 5 bits but CTRL.MODE has 2");
    }

    @Test
    void anIovaTooWideForAFieldInAFaultHandlerIsReported() {
        String text = iommu("INFO 0x04 ro { PFN 19:0; }", "fault translation { INFO.PFN = iova; abort; }");

        Diagnostic d = only(text);

        assertAt(d, Code.E0503, text, "iova; abort");
        assertThat(d.message()).isEqualTo("iova needs up to 32 bits but INFO.PFN has 20");
    }

    @Test
    void theAccessValueOfARuleIsAsWideAsItsRegister() {
        String text = iommu("CMD 0x04 wo;\nSTATUS 0x08 ro { LAST 7:0; }",
                "behaviour { on write CMD { STATUS.LAST = value; } }");

        Diagnostic d = only(text);

        assertAt(d, Code.E0503, text, "value; }");
        assertThat(d.message()).isEqualTo("value needs up to 32 bits but STATUS.LAST has 8");
    }

    @Test
    void aNarrowedOrShiftedValueFits() {
        assertClean(iommu("CMD 0x04 wo;\nSTATUS 0x08 ro { LAST 7:0; PFN 31:12; }",
                "behaviour { on write CMD { STATUS.LAST = value & 0xFF; STATUS.PFN = value >> 12; } }"));
    }

    @Test
    void aValueOfUnknownWidthIsNotReported() {
        assertClean(iommu("CTRL 0x04 rw { MODE 1:0; }",
                "sequence set(mode) { write CTRL.MODE = mode; write CTRL.MODE = mode + 1; }"));
    }

    @Test
    void aWholeRegisterTakesItsWidth() {
        String text = iommu("SMALL 0x04 rw width 8;", "sequence init { write SMALL = BASE; }");

        Diagnostic d = only(text);

        assertAt(d, Code.E0503, text, "BASE; }");
        assertThat(d.message()).isEqualTo("BASE needs up to 32 bits but SMALL has 8");
    }
}
