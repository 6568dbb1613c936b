package org.iommuc.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import org.iommuc.dsl.fmt.Formatter;
import org.iommuc.dsl.source.SourceFile;
import org.junit.jupiter.api.Test;

/**
 * Characters beyond the Basic Multilingual Plane (an emoji, a mathematical letter) are two Java
 * chars but one character: positions after them stay exact, columns count them once, and the
 * formatter reaches its fixed point in one run.
 */
class NonBmpTextTest {

    private static final String SMILES = "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00";

    @Test
    void diagnosticsAfterAnEmojiCommentAreOnTheRightLineAndColumn() {
        String text = "// " + SMILES + "\niommu x {\n    iova 32;\n    oa 32;\n}\nfoo\n";
        String rendered = Frontend.compileText("e.iommu", text).render();
        assertThat(rendered).startsWith("e.iommu:6:1: error[E0001]: unexpected 'foo'");

        String sameLine = "iommu x { /* " + SMILES + " */ iova 32; oa 32; B }\n";
        assertThat(Frontend.compileText("e.iommu", sameLine).render())
                .startsWith("e.iommu:1:37: error[E0001]: unexpected 'B'")
                .as("the caret under B: an emoji takes two cells, as its two chars").contains("\n      | " + " ".repeat(39) + "^\n");
    }

    @Test
    void anEmojiOutsideACommentIsOneUnexpectedCharacter() {
        String text = "iommu x { iova 32; oa 32; \uD835\uDEFC }\n";
        String rendered = Frontend.compileText("e.iommu", text).render();
        assertThat(rendered).startsWith("e.iommu:1:27: error[E0001]: unexpected character '\uD835\uDEFC'\n")
                .containsOnlyOnce("error[");
    }

    @Test
    void formattingACommentedFileWithEmojisIsIdempotent() {
        String text = "// " + SMILES + SMILES + "\niommu x {\n    iova 32;\n    oa 32;\n    /* a boxed\n     * comment "
                + SMILES + "\n     */\n    registers { A 0x00 rw; }\n}\n";
        String once = Formatter.format(SourceFile.of("f.iommu", text)).formatted().orElseThrow();
        String twice = Formatter.format(SourceFile.of("f.iommu", once)).formatted().orElseThrow();
        assertThat(twice).isEqualTo(once);
        assertThat(once).contains("    /* a boxed\n     * comment " + SMILES + "\n     */\n");
    }

    @Test
    void theCaretSitsUnderTheCharacterWhateverItsWidthOnScreen() {
        String narrow = "iommu x { /* \uD835\uDC65\uD835\uDC65 */ iova 32; oa 32; B }\n";
        assertThat(Frontend.compileText("n.iommu", narrow).render())
                .startsWith("n.iommu:1:36: error[E0001]: unexpected 'B'")
                .as("a mathematical x is one cell wide").contains("\n      | " + " ".repeat(35) + "^\n");
        String cjk = "iommu x { /* \u8868\u8868 */ iova 32; oa 32; B }\n";
        assertThat(Frontend.compileText("c.iommu", cjk).render())
                .startsWith("c.iommu:1:36: error[E0001]: unexpected 'B'")
                .as("a CJK character is two cells wide").contains("\n      | " + " ".repeat(37) + "^\n");
    }
}
