package org.iommuc.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iommuc.dsl.Compilation;
import org.iommuc.dsl.Frontend;
import org.iommuc.dsl.model.Description;

/**
 * The checked description {@code examples/rockchip-v2.iommu}, read once from the repository:
 * the directory named by the system property {@code iommuc.root}, else the nearest directory
 * at or above the working directory that holds it.
 */
final class RockchipV2Description {

    static final String FILE = "examples/rockchip-v2.iommu";
    private static Description description;

    private RockchipV2Description() {}

    static synchronized Description get() {
        if (description == null) {
            Path file = root().resolve(FILE);
            Compilation c = Frontend.compile(List.of(file));
            if (c.hasErrors()) {
                throw new IllegalStateException(file + " does not check:\n" + c.render());
            }
            description = c.description("rockchip_v2")
                    .orElseThrow(() -> new IllegalStateException(file + " declares no rockchip_v2"));
        }
        return description;
    }

    private static Path root() {
        String property = System.getProperty("iommuc.root");
        if (property != null) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(FILE))) {
                return dir;
            }
        }
        throw new IllegalStateException("no " + FILE + " at or above " + start + ": run from the repository, or set -Diommuc.root");
    }
}
