package org.iommuc.dsl.semantics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iommuc.dsl.Compilation;
import org.iommuc.dsl.Frontend;
import org.iommuc.dsl.TestFiles;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Direction;
import org.junit.jupiter.api.Test;

class EntryCodecTest {

    private static final Set<Direction> R = Set.of(Direction.READ);
    private static final Set<Direction> RW = Set.of(Direction.READ, Direction.WRITE);

    private static Description example(String file) {
        Compilation c = Frontend.compile(List.of(TestFiles.root().resolve("examples").resolve(file)), TestFiles.root());
        assertThat(c.render()).isEmpty();
        return c.main().orElseThrow();
    }

    private static EntryCodec codec(Description d, String format) {
        return EntryCodec.of(d.format(format).orElseThrow());
    }

    @Test
    void rockchipV1MatchesTheDriversMkFunctions() throws CodecException {
        Description v1 = example("rockchip-v1.iommu");
        assertThat(codec(v1, "dte").encode(0x87654321L, Set.of(), Map.of())).isEqualTo(0x87654001L);
        assertThat(codec(v1, "pte").encode(0x12345678L, RW, Map.of())).isEqualTo(0x12345007L);
        assertThat(codec(v1, "pte").encode(0x12345678L, R, Map.of())).isEqualTo(0x12345003L);
    }

    @Test
    void rockchipV2PacksHighAddressNibbles() throws CodecException {
        Description v2 = example("rockchip-v2.iommu");
        EntryCodec dte = codec(v2, "dte");
        assertThat(dte.encode(0xAB_CDEF_1234L, Set.of(), Map.of())).isEqualTo(0xCDEF1BA1L);
        assertThat(dte.address(0xCDEF1BA1L)).isEqualTo(0xAB_CDEF_1000L);
        assertThat(codec(v2, "pte").encode(0xAB_CDEF_1234L, RW, Map.of())).isEqualTo(0xCDEF1BA7L);
        assertThat(dte.encode(0x1_2345_6000L, Set.of(), Map.of())).isEqualTo(0x23456101L);
        assertThat(dte.encode(0xFF_FFFF_F000L, Set.of(), Map.of())).isEqualTo(0xFFFFFFF1L);
    }

    @Test
    void decodeNamesFieldsAndFlagsReservedBits() {
        EntryCodec pte = codec(example("rockchip-v1.iommu"), "pte");
        EntryCodec.Decoded d = pte.decode(0x12345E07L);
        assertThat(d.valid()).isTrue();
        assertThat(d.address()).contains(0x12345000L);
        assertThat(d.reservedBits()).isEqualTo(0xE00L);
        assertThat(d.fields()).extracting(EntryCodec.FieldValue::name).startsWith("valid", "readable", "writable");
        assertThat(pte.decode(0x12345006L).valid()).isFalse();
    }

    @Test
    void indexSplitOfDeadbeef() {
        List<WalkGeometry.LevelIndex> split = WalkGeometry.split(example("rockchip-v2.iommu"), 0xDEADBEEFL);
        assertThat(split).extracting(WalkGeometry.LevelIndex::index).containsExactly(0x37AL, 0x2DBL);
        assertThat(0xDEADBEEFL & 0xFFF).isEqualTo(0xEEFL);
    }

    @Test
    void givenFieldsAreCheckedAndTagsCannotBeOverridden() {
        EntryCodec pte = codec(example("rockchip-v1.iommu"), "pte");
        assertThatThrownBy(() -> pte.encode(0L, Set.of(), Map.of("nope", 1L))).hasMessageContaining("no field 'nope'");
        assertThatThrownBy(() -> pte.encode(0L, Set.of(), Map.of("readable", 2L))).hasMessageContaining("does not fit");
        assertThatThrownBy(() -> pte.encode(0L, Set.of(), Map.of("valid", 0L))).hasMessageContaining("is a tag");
    }
}
