package org.iommuc.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A line that ends without its ';' is reported right after its last token, naming what is
 * missing, but only where a separator could come: elsewhere the next line's first word is
 * unexpected, as before.
 */
class MissingSeparatorTest {

    private static String first(String text) {
        return Frontend.compileText("t.iommu", text).render().lines().findFirst().orElse("");
    }

    @Test
    void aValueEndingItsLineWithoutSemicolon() {
        assertThat(first("iommu t {\n    iova 32;\n    oa 32;\n    registers {\n        C 0x08 rw reset 0\n"
                + "        D 0x0C rw;\n    }\n}\n")).isEqualTo("t.iommu:5:26: error[E0001]: expected ';' before 'D'");
    }

    @Test
    void aListThatCouldGoOnNamesTheComma() {
        assertThat(first("iommu t {\n    compatible \"a\"\n        \"b\";\n    iova 32;\n}\n"))
                .isEqualTo("t.iommu:2:19: error[E0001]: expected ',' or ';' before '\"b\"'");
    }

    @Test
    void whereNoSeparatorCouldComeTheNextWordIsUnexpected() {
        String kindMissing = "iommu t {\n    iova 32;\n    oa 32;\n    registers { BASE 0x00 rw; }\n"
                + "    format pte : u32 { valid 0 = 1; page 31:12 -> 31:12; }\n    walk { root BASE;\n"
                + "        level pt index iova 31:12 size 4M : pte\n        level pt2 index iova 1:0 : pte leaf 4K; }\n}\n";
        assertThat(first(kindMissing)).isEqualTo("t.iommu:8:9: error[E0001]: unexpected 'level' in the walk");
    }
}
