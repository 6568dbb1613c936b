package org.iommuc.generator.java;

import static org.assertj.core.api.Assertions.assertThat;

import org.iommuc.runtime.IommuEngine;
import org.iommuc.sim.Differential;
import org.iommuc.sim.Interpreter;
import org.iommuc.sim.Operations;
import org.iommuc.sim.SimOptions;
import org.junit.jupiter.api.Test;

/** The differential test is not vacuous: two models that differ (v1 and v2 entry packing) are told apart. */
class DifferentialCanFailTest {

    @Test
    void rockchipV1AndV2AreToldApartAtTheirFirstDifferentEvent() {
        Compiled v1 = Compiled.compiledExample("rockchip-v1.iommu");
        IommuEngine generatedV1 = v1.model(true);
        IommuEngine interpretedV2 = Interpreter.model(Compiled.example("rockchip-v2.iommu"), new SimOptions(true));
        Differential.Result result = Differential.run(generatedV1, interpretedV2,
                Operations.random(Compiled.example("rockchip-v2.iommu"), 7, 100_000));
        assertThat(result.same()).isFalse();
        assertThat(result.report()).contains("led to the first difference").contains("first difference:\n  a: ").contains("\n  b: ");
    }
}
