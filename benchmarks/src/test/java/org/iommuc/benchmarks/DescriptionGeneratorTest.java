package org.iommuc.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.iommuc.dsl.Compilation;
import org.iommuc.dsl.Frontend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The benchmark input is what it claims: valid, with exactly the asked number of registers. */
class DescriptionGeneratorTest {

    @ParameterizedTest(name = "{0} registers")
    @ValueSource(ints = {DescriptionGenerator.CORE_REGISTERS, 10, 100, 1000})
    void generatesACleanDescriptionOfTheAskedSize(int registers) {
        Compilation c = Frontend.compileText("generated.iommu", DescriptionGenerator.generate(registers));

        assertThat(c.hasErrors()).as(c.render()).isFalse();
        assertThat(c.main()).hasValueSatisfying(d -> {
            assertThat(d.registers()).hasSize(registers);
            assertThat(d.rules()).hasSize(7 + registers - DescriptionGenerator.CORE_REGISTERS);
        });
    }

    @Test
    void refusesFewerRegistersThanTheCore() {
        assertThatThrownBy(() -> DescriptionGenerator.generate(DescriptionGenerator.CORE_REGISTERS - 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
