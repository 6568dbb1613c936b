package org.iommuc.generator.java;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.iommuc.dsl.Compilation;
import org.iommuc.dsl.Frontend;
import org.iommuc.dsl.model.Description;
import org.iommuc.generator.GeneratedFile;
import org.iommuc.runtime.IommuEngine;
import org.junit.jupiter.api.Test;

/**
 * Names and doc strings from a description can never break generated Java: Java keywords,
 * names of the runtime's methods, names that collide once converted, and doc text that tries to
 * close the comment, smuggle a unicode escape, open a Javadoc tag or inject HTML. The generated
 * sources compile without a warning, pass doclint, and still work.
 */
class HostileNamesTest {

    private static final String HOSTILE = String.join("\n",
            "/// Ends */ the comment, \\u000a breaks the line, @return, {@code x}, <script>alert(1)</script> & more",
            "/// */ /* \\u002a/ @deprecated",
            "iommu class {",
            "    iova 32;",
            "    oa 32;",
            "    /// a constant named like the model's register map */",
            "    const REGISTERS = 1;",
            "    const int = 2;",
            "    registers {",
            "        /// end */ of comment \\u000a",
            "        class 0x0 rw { new 0 \"field */ doc\"; int 1; }",
            "        stalled 0x4 ro = class;",
            "        INT 0x8 rw enum { new = 1 \"*/\" }",
            "        RegisterS 0xC rw;",
            "    }",
            "    format int : u32 { new 0 = 1; class 1; matches 2; address 31:12 -> 31:12; }",
            "    format registers : u32 { valid 0 = 1; toString 1; page 31:12 -> 31:12; allow write if toString; }",
            "    walk {",
            "        root class;",
            "        level l1 index iova 31:22 : int table;",
            "        level l2 index iova 21:12 : registers leaf 4K;",
            "    }",
            "    behaviour { on write class.new == 1 { translation on; } }",
            "    fault translation { INT = iova; }",
            "    /// */",
            "    interrupt toString = INT != 0;",
            "}",
            "");

    @Test
    void hostileNamesAndDocsGiveCompilingSafeCode() {
        Compilation c = Frontend.compileText("hostile.iommu", HOSTILE);
        assertThat(c.hasErrors()).as(c.render()).isFalse();
        Description d = c.main().orElseThrow();
        Compiled compiled = Compiled.of(d);
        for (GeneratedFile f : compiled.files) {
            assertThat(f.content()).as(f.path()).doesNotContain("\\u").doesNotContain("<script>")
                    .doesNotContain("@return").doesNotContain("@deprecated");
            assertThat(f.content().lines().filter(l -> l.contains("*/")).allMatch(l -> l.strip().equals("*/")))
                    .as("%s: every */ closes a comment of ours", f.path()).isTrue();
        }
        assertThat(compiled.files).extracting(GeneratedFile::path).contains("test/generated/ClassRegisters.java",
                "test/generated/ClassModel.java", "test/generated/ClassInt.java", "test/generated/ClassRegisters2.java");
        String codec = compiled.source("ClassInt");
        assertThat(codec).contains("public static long new_(long entry)", "public static long class_(long entry)",
                "public static long matches2(long entry)");
        String model = compiled.source("ClassModel");
        assertThat(model).contains("public static final RegisterMap REGISTERS_2", "private long stalled2()");
        IommuEngine model1 = compiled.model(true);
        model1.mmioWrite(0x0, 32, 1);
        assertThat(model1.translationMode()).isEqualTo(org.iommuc.runtime.TranslationMode.ON);
        assertThat(model1.mmioRead(0x4, 32)).as("stalled = class").isEqualTo(1);
    }

    /** Constants named like the outcome codes every model inherits keep the description's values. */
    @Test
    void constantsNamedLikeInheritedCodesKeepTheirValues() {
        String text = String.join("\n",
                "iommu codes {",
                "    iova 32;",
                "    oa 32;",
                "    const FAULT = 0x55;",
                "    const BUS_ERROR = 7;",
                "    registers { ROOT 0x00 rw; CMD 0x04 wo; OUT 0x08 rw; STALLED 0x0C ro = FAULT; }",
                "    format pte : u32 { valid 0 = 1; page 31:12 -> 31:12; }",
                "    walk { root ROOT; level pt index iova 31:12 size 4M : pte leaf 4K; }",
                "    behaviour { on write CMD { OUT = FAULT + BUS_ERROR; } }",
                "}",
                "");
        Compilation c = Frontend.compileText("codes.iommu", text);
        assertThat(c.hasErrors()).as(c.render()).isFalse();
        Compiled compiled = Compiled.of(c.main().orElseThrow());
        IommuEngine model = compiled.model(true);
        model.mmioWrite(0x4, 32, 1);
        assertThat(model.mmioRead(0x8, 32)).isEqualTo(0x5C);
        assertThat(model.mmioRead(0xC, 32)).isEqualTo(0x55);
        assertThat(compiled.source("CodesModel")).contains("CodesRegisters.FAULT + CodesRegisters.BUS_ERROR");
    }

    @Test
    void namesFollowJavaConventions() {
        assertThat(JavaNames.type("rockchip_v2")).isEqualTo("RockchipV2");
        assertThat(JavaNames.type("verisilicon_iommu_1_2")).isEqualTo("VerisiliconIommu1_2");
        assertThat(JavaNames.type("sun50i_h6")).isEqualTo("Sun50iH6");
        assertThat(JavaNames.method("PAGE_FAULT")).isEqualTo("pageFault");
        assertThat(JavaNames.method("lv2link")).isEqualTo("lv2link");
        assertThat(JavaNames.constant("pagingEnabled")).isEqualTo("PAGING_ENABLED");
        assertThat(JavaNames.constant("_x")).isEqualTo("X");
        JavaNames.Scope scope = new JavaNames.Scope();
        assertThat(scope.allocate("new")).isEqualTo("new_");
        assertThat(scope.allocate("pageFault")).isEqualTo("pageFault");
        assertThat(scope.allocate("pageFault")).isEqualTo("pageFault2");
        assertThat(scope.allocate("STATUS_SLOT")).isEqualTo("STATUS_SLOT");
        assertThat(scope.allocate("STATUS_SLOT")).isEqualTo("STATUS_SLOT_2");
        assertThat(scope.allocate("int")).isEqualTo("int_");
    }

    @Test
    void docsAreEscaped() {
        assertThat(Docs.javadoc("a */ b \\u000a @c {@d} <e> &f")).isEqualTo(
                "a *&#47; b &#92;u000a &#64;c &#123;&#64;d&#125; &lt;e&gt; &amp;f");
        assertThat(Docs.code("x & y")).isEqualTo("{@code x & y}");
        assertThat(Docs.code("x */ {y}")).isEqualTo("<code>x *&#47; &#123;y&#125;</code>");
        assertThat(Docs.lineComment("a\nb\\u000a")).isEqualTo("a?b\\\\u000a");
        assertThat(Docs.javadoc("one\n\ntwo")).isEqualTo("one\n<p>two");
        assertThat(List.of(Docs.javadoc("line\u2028break"))).containsExactly("line break");
    }
}
