package org.iommuc.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.iommuc.dsl.Compilation;
import org.iommuc.dsl.Frontend;
import org.iommuc.dsl.TestFiles;
import org.iommuc.dsl.model.Description;

/** Descriptions for tests: compiled from text or from examples/, failing the test on any error. */
final class TestDescriptions {

    /** The example files, in a fixed order. */
    static final List<String> EXAMPLES = List.of("rockchip-v1", "rockchip-v2", "sun50i-h6", "ipu3-mmu", "mtk-m4u-v1",
            "exynos-sysmmu-v1", "exynos-sysmmu-v5", "exynos-sysmmu-v7", "exynos-sysmmu-v7-vm", "verisilicon-iommu-1.2");

    private TestDescriptions() {}

    static Description compile(String text) {
        Compilation c = Frontend.compileText("test.iommu", text);
        assertThat(c.hasErrors()).as(c.render()).isFalse();
        return c.descriptions().get(0);
    }

    /** The description an example file declares itself (not the ones it includes). */
    static Description example(String name) {
        Path file = TestFiles.root().resolve("examples").resolve(name + ".iommu");
        Compilation c = Frontend.compile(List.of(file));
        assertThat(c.hasErrors()).as(c.render()).isFalse();
        return c.descriptions().get(c.descriptions().size() - 1);
    }
}
