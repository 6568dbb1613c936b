package org.iommuc.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import org.iommuc.dsl.source.SourceFile;
import org.junit.jupiter.api.Test;

/** LF, CRLF and lone CR (old Mac files) all end lines, in positions and in the source lines shown. */
class LineEndingsTest {

    @Test
    void everyLineEndingCountsAsOneLine() {
        SourceFile file = SourceFile.of("m.iommu", "a\nb\r\nc\rd");
        assertThat(file.lineCount()).isEqualTo(4);
        assertThat(file.line(2)).isEqualTo("b");
        assertThat(file.line(3)).isEqualTo("c");
        assertThat(file.lineOf(7)).isEqualTo(4);
        assertThat(file.columnOf(7)).isEqualTo(1);
    }

    @Test
    void aDiagnosticInALoneCrFileNamesItsLine() {
        String text = "iommu t {\r    iova 32;\r    oa 32;\r    foo\r}\r";
        assertThat(Frontend.compileText("cr.iommu", text).render())
                .startsWith("cr.iommu:4:5: error[E0001]: unexpected 'foo'")
                .contains("    4 |     foo\n      |     ^^^\n");
    }

    @Test
    void syntaxErrorsOnSeparateLoneCrLinesAreEachReported() {
        String text = "iommu t {\r iova 32;\r foo;\r oa 32;\r bar;\r}\r";
        String rendered = Frontend.compileText("cr.iommu", text).render();
        assertThat(rendered).contains("cr.iommu:3:2: error[E0001]", "cr.iommu:5:2: error[E0001]");
    }
}
