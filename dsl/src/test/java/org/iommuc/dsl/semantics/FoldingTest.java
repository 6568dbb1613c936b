package org.iommuc.dsl.semantics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.iommuc.dsl.Compilation;
import org.iommuc.dsl.Frontend;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Expr;
import org.iommuc.dsl.model.Exprs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What {@code iommuc decode} prints of a permission rule once the entry's fields are known. */
class FoldingTest {

    private static Expr rule(String condition) {
        String text = "iommu t {\n    iova 32;\n    oa 32;\n    registers { BASE 0x00 rw; CFG 0x04 rw { EAP 0; } }\n"
                + "    format pte : u32 { valid 0 = 1; ap 1; apx 2; page 31:12 -> 31:12; allow read if " + condition
                + "; }\n    walk { root BASE; level pt index iova 31:12 size 4M : pte leaf 4K; }\n}\n";
        Compilation c = Frontend.compileText("t.iommu", text);
        assertThat(c.hasErrors()).as(c.render()).isFalse();
        Description d = c.main().orElseThrow();
        return d.format("pte").orElseThrow().allow(org.iommuc.dsl.model.Direction.READ).orElseThrow().condition().orElseThrow();
    }

    @ParameterizedTest(name = "{0} with ap={1} apx={2}")
    @CsvSource(delimiter = ';', value = {
        "CFG.EAP == 0 || ap == 1; 1; 0; 1",
        "CFG.EAP == 0 || ap == 1; 0; 0; CFG.EAP == 0",
        "CFG.EAP == 0 || ap == 1 && apx == 0; 1; 1; CFG.EAP == 0",
        "CFG.EAP == 0 || ap == 1 && apx == 0; 1; 0; 1",
        "ap == 1 && CFG.EAP; 1; 0; CFG.EAP != 0",
        "ap == 1 && CFG.EAP; 0; 0; 0",
        "CFG.EAP && ap; 1; 0; CFG.EAP != 0",
        "!CFG.EAP || apx; 0; 0; !CFG.EAP",
        "ap ? CFG.EAP : 1; 1; 0; CFG.EAP",
    })
    void aKnownSideDecidesOrDisappears(String condition, long ap, long apx, String expected) {
        Expr folded = Folding.fold(rule(condition), Map.of("ap", ap, "apx", apx, "valid", 1L));
        assertThat(Exprs.text(folded)).isEqualTo(expected);
    }

    @Test
    void whatIsLeftMeansWhatTheRuleMeant() {
        Expr rule = rule("CFG.EAP * 2 || ap && apx");
        for (long ap = 0; ap < 2; ap++) {
            for (long apx = 0; apx < 2; apx++) {
                Expr folded = Folding.fold(rule, Map.of("ap", ap, "apx", apx));
                for (long eap = 0; eap < 2; eap++) {
                    long expected = eap != 0 || ap != 0 && apx != 0 ? 1 : 0;
                    long value = Exprs.isConstant(folded) ? Evaluator.constant(folded)
                            : (Exprs.text(folded).equals("CFG.EAP * 2 != 0") ? (eap * 2 != 0 ? 1 : 0) : -1);
                    assertThat(value).as("EAP=%d ap=%d apx=%d: %s", eap, ap, apx, Exprs.text(folded)).isEqualTo(expected);
                }
            }
        }
    }
}
