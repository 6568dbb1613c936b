package org.iommuc.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iommuc.dsl.Compilation;
import org.iommuc.dsl.Frontend;
import org.iommuc.dsl.TestFiles;
import org.iommuc.dsl.model.Description;
import org.iommuc.generated.ExynosSysmmuV1Large;
import org.iommuc.generated.ExynosSysmmuV1Lv2link;
import org.iommuc.generated.ExynosSysmmuV1Model;
import org.iommuc.generated.ExynosSysmmuV1Section;
import org.iommuc.generated.ExynosSysmmuV1Small;
import org.iommuc.generated.ExynosSysmmuV5Large;
import org.iommuc.generated.ExynosSysmmuV5Lv2link;
import org.iommuc.generated.ExynosSysmmuV5Model;
import org.iommuc.generated.ExynosSysmmuV5Section;
import org.iommuc.generated.ExynosSysmmuV5Small;
import org.iommuc.generated.ExynosSysmmuV7Large;
import org.iommuc.generated.ExynosSysmmuV7Lv2link;
import org.iommuc.generated.ExynosSysmmuV7Model;
import org.iommuc.generated.ExynosSysmmuV7Section;
import org.iommuc.generated.ExynosSysmmuV7Small;
import org.iommuc.generated.ExynosSysmmuV7VmLarge;
import org.iommuc.generated.ExynosSysmmuV7VmLv2link;
import org.iommuc.generated.ExynosSysmmuV7VmModel;
import org.iommuc.generated.ExynosSysmmuV7VmSection;
import org.iommuc.generated.ExynosSysmmuV7VmSmall;
import org.iommuc.generated.Ipu3MmuL1pte;
import org.iommuc.generated.Ipu3MmuL2pte;
import org.iommuc.generated.Ipu3MmuModel;
import org.iommuc.generated.MtkM4uV1Model;
import org.iommuc.generated.MtkM4uV1Pte;
import org.iommuc.generated.RockchipV1Dte;
import org.iommuc.generated.RockchipV1Model;
import org.iommuc.generated.RockchipV1Pte;
import org.iommuc.generated.RockchipV2Dte;
import org.iommuc.generated.RockchipV2Model;
import org.iommuc.generated.RockchipV2Pte;
import org.iommuc.generated.Sun50iH6Dte;
import org.iommuc.generated.Sun50iH6Model;
import org.iommuc.generated.Sun50iH6Pte;
import org.iommuc.generated.VerisiliconIommu1_2Dte;
import org.iommuc.generated.VerisiliconIommu1_2Model;
import org.iommuc.generated.VerisiliconIommu1_2Pta;
import org.iommuc.generated.VerisiliconIommu1_2Pte;
import org.iommuc.runtime.IommuEngine;
import org.iommuc.runtime.ModelConfig;
import org.iommuc.runtime.PhysicalMemory;

/**
 * One description of {@code examples/} and the classes iommuc-maven-plugin generated from it in
 * this build, named here as a user names them: the model's constructor, its configuration and
 * one codec class per entry format. The description itself, compiled by the front end, is the
 * reference the tests compare against.
 *
 * @param file the description's file in examples/
 * @param factory the generated model's constructor
 * @param config the generated model's configuration
 * @param codecs the generated codec class of each entry format, by format name
 */
record GeneratedExample(String file, ModelFactory factory, ModelConfig config, Map<String, Class<?>> codecs) {

    /** A generated model's {@code (PhysicalMemory, boolean strict)} constructor. */
    interface ModelFactory {
        IommuEngine create(PhysicalMemory memory, boolean strict);
    }

    static final List<GeneratedExample> ALL = List.of(
            new GeneratedExample("exynos-sysmmu-v1.iommu", ExynosSysmmuV1Model::new, ExynosSysmmuV1Model.CONFIG,
                    codecs("lv2link", ExynosSysmmuV1Lv2link.class, "section", ExynosSysmmuV1Section.class,
                            "large", ExynosSysmmuV1Large.class, "small", ExynosSysmmuV1Small.class)),
            new GeneratedExample("exynos-sysmmu-v5.iommu", ExynosSysmmuV5Model::new, ExynosSysmmuV5Model.CONFIG,
                    codecs("lv2link", ExynosSysmmuV5Lv2link.class, "section", ExynosSysmmuV5Section.class,
                            "large", ExynosSysmmuV5Large.class, "small", ExynosSysmmuV5Small.class)),
            new GeneratedExample("exynos-sysmmu-v7-vm.iommu", ExynosSysmmuV7VmModel::new, ExynosSysmmuV7VmModel.CONFIG,
                    codecs("lv2link", ExynosSysmmuV7VmLv2link.class, "section", ExynosSysmmuV7VmSection.class,
                            "large", ExynosSysmmuV7VmLarge.class, "small", ExynosSysmmuV7VmSmall.class)),
            new GeneratedExample("exynos-sysmmu-v7.iommu", ExynosSysmmuV7Model::new, ExynosSysmmuV7Model.CONFIG,
                    codecs("lv2link", ExynosSysmmuV7Lv2link.class, "section", ExynosSysmmuV7Section.class,
                            "large", ExynosSysmmuV7Large.class, "small", ExynosSysmmuV7Small.class)),
            new GeneratedExample("ipu3-mmu.iommu", Ipu3MmuModel::new, Ipu3MmuModel.CONFIG,
                    codecs("l1pte", Ipu3MmuL1pte.class, "l2pte", Ipu3MmuL2pte.class)),
            new GeneratedExample("mtk-m4u-v1.iommu", MtkM4uV1Model::new, MtkM4uV1Model.CONFIG,
                    codecs("pte", MtkM4uV1Pte.class)),
            new GeneratedExample("rockchip-v1.iommu", RockchipV1Model::new, RockchipV1Model.CONFIG,
                    codecs("dte", RockchipV1Dte.class, "pte", RockchipV1Pte.class)),
            new GeneratedExample("rockchip-v2.iommu", RockchipV2Model::new, RockchipV2Model.CONFIG,
                    codecs("dte", RockchipV2Dte.class, "pte", RockchipV2Pte.class)),
            new GeneratedExample("sun50i-h6.iommu", Sun50iH6Model::new, Sun50iH6Model.CONFIG,
                    codecs("dte", Sun50iH6Dte.class, "pte", Sun50iH6Pte.class)),
            new GeneratedExample("verisilicon-iommu-1.2.iommu", VerisiliconIommu1_2Model::new,
                    VerisiliconIommu1_2Model.CONFIG, codecs("pta", VerisiliconIommu1_2Pta.class,
                            "dte", VerisiliconIommu1_2Dte.class, "pte", VerisiliconIommu1_2Pte.class)));

    private static final Map<String, Description> DESCRIPTIONS = new HashMap<>();

    static GeneratedExample of(String file) {
        for (GeneratedExample e : ALL) {
            if (e.file.equals(file)) {
                return e;
            }
        }
        throw new AssertionError("no generated example " + file + "; add it to GeneratedExample.ALL");
    }

    /** The description, compiled by the front end without a diagnostic (cached). */
    Description description() {
        synchronized (DESCRIPTIONS) {
            return DESCRIPTIONS.computeIfAbsent(file, f -> {
                Compilation c = Frontend.compile(List.of(TestFiles.root().resolve("examples").resolve(f)), TestFiles.root());
                assertThat(c.render()).as("diagnostics of %s", f).isEmpty();
                return c.main().orElseThrow();
            });
        }
    }

    /** A new model on fresh memory as wide as the output addresses. */
    IommuEngine newModel(boolean strict) {
        return factory.create(new PhysicalMemory(Math.max(12, config.oaBits())), strict);
    }

    GeneratedCodec codec(String format) {
        Class<?> type = codecs.get(format);
        assertThat(type).as("codec class of format %s of %s", format, file).isNotNull();
        return new GeneratedCodec(type);
    }

    @Override
    public String toString() {
        return file;
    }

    private static Map<String, Class<?>> codecs(Object... formatsAndClasses) {
        Map<String, Class<?>> map = new LinkedHashMap<>();
        for (int i = 0; i < formatsAndClasses.length; i += 2) {
            map.put((String) formatsAndClasses[i], (Class<?>) formatsAndClasses[i + 1]);
        }
        return map;
    }
}
