package org.iommuc.benchmarks;

import java.util.List;
import org.iommuc.benchmarks.baseline.RockchipV2Baseline;
import org.iommuc.generated.RockchipV2Model;
import org.iommuc.runtime.IommuModel;
import org.iommuc.runtime.PhysicalMemory;
import org.iommuc.sim.Interpreter;

/**
 * The Rockchip v2 models the benchmarks compare, by kind. Each is a fresh instance with its own
 * memory, in strict mode, untraced. A new kind is one entry in {@link #KINDS} and one case in
 * {@link #create}, and its name in the benchmarks' {@code @Param}.
 *
 * <ul>
 *   <li>{@code baseline}: the hand-written {@link RockchipV2Baseline};</li>
 *   <li>{@code generated}: the model the Maven plugin generates for {@code examples/rockchip-v2.iommu}
 *       (module generated-models), used as a user uses it;</li>
 *   <li>{@code interpreter}: the interpreter running that description.</li>
 * </ul>
 */
public final class Models {

    /** Every kind {@link #create} knows. */
    public static final List<String> KINDS = List.of("baseline", "generated", "interpreter");

    private Models() {}

    public static IommuModel create(String kind) {
        switch (kind) {
            case "baseline":
                return new RockchipV2Baseline();
            case "generated":
                return new RockchipV2Model(new PhysicalMemory(RockchipV2Model.CONFIG.oaBits()), true);
            case "interpreter":
                return Interpreter.model(RockchipV2Description.get());
            default:
                throw new IllegalArgumentException("unknown model kind '" + kind + "' (known: " + String.join(", ", KINDS) + ")");
        }
    }
}
