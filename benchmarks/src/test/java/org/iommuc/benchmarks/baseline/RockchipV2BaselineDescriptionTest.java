package org.iommuc.benchmarks.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.iommuc.benchmarks.RockchipV2Tables;
import org.iommuc.dsl.Compilation;
import org.iommuc.dsl.Frontend;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Format;
import org.iommuc.dsl.semantics.CodecException;
import org.iommuc.dsl.semantics.EntryCodec;
import org.iommuc.dsl.semantics.ModelSettings;
import org.iommuc.dsl.semantics.RegisterLayout;
import org.iommuc.runtime.ModelConfig;
import org.iommuc.runtime.RegisterMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hand-written baseline against its description, {@code examples/rockchip-v2.iommu}: its
 * register map and configuration are what docs/model-semantics.md derives (RegisterLayout,
 * ModelSettings), and its entry arithmetic is what EntryCodec and the facts' test vectors say.
 */
class RockchipV2BaselineDescriptionTest {

    private static final Description DESCRIPTION = load();

    private static Description load() {
        Path root = Path.of(System.getProperty("iommuc.root", "..")).toAbsolutePath().normalize();
        Path file = root.resolve("examples").resolve("rockchip-v2.iommu");
        assertThat(Files.isRegularFile(file)).as(file.toString()).isTrue();
        Compilation c = Frontend.compile(List.of(file));
        assertThat(c.hasErrors()).as(c.render()).isFalse();
        return c.description("rockchip_v2").orElseThrow();
    }

    @Test
    void registerMapIsTheDescriptionsLayout() {
        RegisterLayout layout = RegisterLayout.of(DESCRIPTION);
        RegisterMap map = RockchipV2Baseline.registerMap();
        assertThat(map.size()).isEqualTo(layout.size());
        for (int slot = 0; slot < layout.size(); slot++) {
            RegisterLayout.Slot s = layout.slots().get(slot);
            String name = s.name();
            assertThat(map.name(slot)).isEqualTo(name);
            assertThat(map.offset(slot)).as(name).isEqualTo(s.offset());
            assertThat(map.width(slot)).as(name).isEqualTo(s.width());
            assertThat(map.reset(slot)).as(name + " reset").isEqualTo(s.reset());
            assertThat(map.writable(slot)).as(name + " writable").isEqualTo(s.writable());
            assertThat(map.w1c(slot)).as(name + " w1c").isEqualTo(s.w1c());
            assertThat(map.readToClear(slot)).as(name + " rc").isEqualTo(s.readToClear());
            assertThat(map.selfClearing(slot)).as(name + " sc").isEqualTo(s.selfClearing());
            assertThat(map.readable(slot)).as(name + " readable").isEqualTo(!s.writeOnly());
            assertThat(map.computed(slot)).as(name + " computed").isEqualTo(s.computed());
            assertThat(map.losesPower(slot)).as(name + " loses power").isEqualTo(s.losesPower());
            assertThat(map.clearsTarget(slot)).as(name + " clears").isEqualTo(s.clearsTarget());
            assertThat(map.readSlot(s.offset())).as(name + " read dispatch").isEqualTo(slot);
            assertThat(map.writeSlot(s.offset())).as(name + " write dispatch").isEqualTo(slot);
        }
        assertThat(layout.firstSlot("STATUS")).isEqualTo(RockchipV2Baseline.STATUS);
        assertThat(layout.firstSlot("INT_STATUS")).isEqualTo(RockchipV2Baseline.INT_STATUS);
    }

    @Test
    void configurationIsTheDescriptionsSettings() {
        ModelSettings s = ModelSettings.of(DESCRIPTION);
        ModelConfig c = RockchipV2Baseline.configuration();
        assertThat(c.name()).isEqualTo(s.name());
        assertThat(c.iovaBits()).isEqualTo(s.iovaBits());
        assertThat(c.oaBits()).isEqualTo(s.oaBits());
        assertThat(c.apertureFirst()).isEqualTo(s.apertureFirst());
        assertThat(c.apertureLast()).isEqualTo(s.apertureLast());
        assertThat(c.pageShifts()).containsExactly(s.pageShifts());
        assertThat(c.tlbByMaster()).isEqualTo(s.tlbByMaster());
        assertThat(c.walkCacheByMaster()).isEqualTo(s.walkCacheByMaster());
        assertThat(c.tlbCapacity()).isEqualTo(s.tlbCapacity());
        assertThat(c.walkCacheCapacity()).isEqualTo(s.walkCacheCapacity());
        assertThat(c.resetTranslation().word()).isEqualTo(s.resetTranslation());
        assertThat(c.losesStateOnPowerOff()).isEqualTo(s.losesStateOnPowerOff());
        assertThat(c.interruptNames()).containsExactlyElementsOf(s.interruptNames());
        assertThat(c.walker().name().toLowerCase(java.util.Locale.ROOT)).isEqualTo(s.walker());
        assertThat(c.masters()).isEqualTo(s.masters());
        assertThat(s.tlbCachesLeaf()).as("the walk fills the TLB with leaves").isTrue();
        assertThat(s.tlbCachesInvalid()).as("the walk fills the TLB with empty entries").isTrue();
        assertThat(s.tlbLine()).as("the walk caches one entry per fill").isEqualTo(1);
        assertThat(s.walkCacheLevels()).as("no walk cache").containsOnly(false);
    }

    @Test
    void formatsAndLevelsAreWhereTheWalkExpectsThem() {
        List<String> formats = new ArrayList<>();
        for (Format f : DESCRIPTION.formats()) {
            formats.add(f.name().text());
        }
        assertThat(formats.indexOf("pte")).isEqualTo(RockchipV2Baseline.PTE_FORMAT);
        assertThat(DESCRIPTION.levels()).hasSize(2);
        assertThat(DESCRIPTION.levels().get(0).indexBits().orElseThrow().low()).isEqualTo(RockchipV2Baseline.DT_COVER_SHIFT);
        assertThat(DESCRIPTION.levels().get(1).indexBits().orElseThrow().low()).isEqualTo(RockchipV2Baseline.PAGE_SHIFT);
    }

    @Test
    void entryArithmeticMatchesTheFactsTestVectors() {
        assertThat(RockchipV2Tables.mkDte(0xAB_CDEF_1234L)).isEqualTo(0xCDEF_1BA1L);
        assertThat(RockchipV2Tables.entryAddress(0xCDEF_1BA1L)).isEqualTo(0xAB_CDEF_1000L);
        assertThat(RockchipV2Baseline.address(0xCDEF_1BA1L)).isEqualTo(0xAB_CDEF_1000L);
        assertThat(RockchipV2Tables.mkPte(0xAB_CDEF_1234L, true, true)).isEqualTo(0xCDEF_1BA7L);
        assertThat(RockchipV2Tables.mkDte(0x1_2345_6000L)).isEqualTo(0x2345_6101L);
        assertThat(RockchipV2Tables.mkDte(0xFF_FFFF_F000L)).isEqualTo(0xFFFF_FFF1L);
    }

    static Stream<Arguments> seeds() {
        long seed = Long.getLong("iommuc.seed", 0x5EED_2024L);
        return IntStream.range(0, 20).mapToObj(i -> Arguments.of("seed " + (seed + i), seed + i));
    }

    /** The driver-side encoding and the baseline's decoding agree with the reference codec. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void entriesAgreeWithTheReferenceCodec(String name, long seed) throws CodecException {
        Random random = new Random(seed);
        EntryCodec pte = EntryCodec.of(format("pte"));
        EntryCodec dte = EntryCodec.of(format("dte"));
        for (int i = 0; i < 200; i++) {
            long address = random.nextLong() & 0xFF_FFFF_FFFFL;
            boolean r = random.nextBoolean();
            boolean w = random.nextBoolean();
            assertThat(RockchipV2Tables.mkPte(address, r, w)).as("pte for 0x%x", address)
                    .isEqualTo(pte.encode(address, EntryCodec.directions(r, w), Map.of()));
            assertThat(RockchipV2Tables.mkDte(address)).as("dte for 0x%x", address)
                    .isEqualTo(dte.encode(address, null, Map.of()));
            long entry = random.nextLong() & 0xFFFF_FFFFL;
            assertThat(RockchipV2Baseline.address(entry)).as("address of 0x%x", entry).isEqualTo(pte.address(entry))
                    .isEqualTo(dte.address(entry)).isEqualTo(RockchipV2Tables.entryAddress(entry));
        }
    }

    private static Format format(String name) {
        for (Format f : DESCRIPTION.formats()) {
            if (f.name().text().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no format " + name);
    }
}
