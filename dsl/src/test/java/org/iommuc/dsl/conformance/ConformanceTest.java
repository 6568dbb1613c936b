package org.iommuc.dsl.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.iommuc.dsl.Compilation;
import org.iommuc.dsl.Frontend;
import org.iommuc.dsl.TestFiles;
import org.iommuc.dsl.model.AllowRule;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Direction;
import org.iommuc.dsl.model.Expr;
import org.iommuc.dsl.model.Format;
import org.iommuc.dsl.model.Num;
import org.iommuc.dsl.semantics.CodecException;
import org.iommuc.dsl.semantics.EntryCodec;
import org.iommuc.dsl.semantics.Folding;
import org.iommuc.dsl.semantics.WalkGeometry;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conformance suite every example passes: the facts' test vectors, encode/decode round trips
 * of random output addresses across the whole output width for every permission, boundary
 * addresses, the truncation of the drivers' types, and IOVA splits. Seeds are in the case names
 * and can be changed with {@code -Dconformance.seed=N}.
 */
class ConformanceTest {

    private static final long SEED = Long.getLong("conformance.seed", 20261121L);
    private static final int ROUND_TRIPS = Integer.getInteger("conformance.roundTrips", 2000);
    private static final Map<String, Description> CACHE = new HashMap<>();

    private static final List<Set<Direction>> PROTS = List.of(
            EnumSet.noneOf(Direction.class), EnumSet.of(Direction.READ), EnumSet.of(Direction.WRITE),
            EnumSet.of(Direction.READ, Direction.WRITE));

    static synchronized Description example(String file) {
        return CACHE.computeIfAbsent(file, f -> {
            Compilation c = Frontend.compile(List.of(TestFiles.root().resolve("examples").resolve(f)), TestFiles.root());
            assertThat(c.render()).as("diagnostics of %s", f).isEmpty();
            return c.main().orElseThrow();
        });
    }

    static Stream<TestVector> vectors() throws IOException {
        return TestVector.load(TestFiles.root().resolve("examples/test-vectors.txt")).stream();
    }

    static Stream<String> examples() throws IOException {
        try (Stream<Path> files = Files.list(TestFiles.root().resolve("examples"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".iommu")).sorted().toList().stream();
        }
    }

    /** Every (example, format with an address) pair. */
    static Stream<Arguments> addressFormats() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String file : examples().toList()) {
            for (Format f : example(file).formats()) {
                if (f.address().isPresent()) {
                    out.add(Arguments.of(Named.of(file + " " + f.name().text(), file), f.name().text()));
                }
            }
        }
        return out.stream();
    }

    // ---------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void factsTestVector(TestVector vector) throws CodecException {
        Description d = example(vector.file());
        switch (vector.verb()) {
            case "encode" -> assertThat(hex(encode(d, vector.command())))
                    .as("%s (line %d)", vector.name(), vector.line()).isEqualTo(hex(TestVector.number(vector.expected())));
            case "decode" -> {
                Map<String, Long> decoded = decode(d, vector.command().get(1), TestVector.number(vector.command().get(2)));
                vector.expectedPairs().forEach((name, value) -> assertThat(hex(decoded.get(name)))
                        .as("%s: %s", vector.name(), name).isEqualTo(hex(TestVector.number(value))));
            }
            case "index" -> {
                long iova = TestVector.number(vector.command().get(1));
                Map<String, Long> split = new LinkedHashMap<>();
                WalkGeometry.split(d, iova).forEach(l -> split.put(l.level(), l.index()));
                split.put("offset", iova & (WalkGeometry.pageSizes(d).get(0) - 1));
                vector.expectedPairs().forEach((name, value) -> assertThat(hex(split.get(name)))
                        .as("%s: %s", vector.name(), name).isEqualTo(hex(TestVector.number(value))));
            }
            default -> throw new AssertionError("unknown verb in " + vector);
        }
    }

    @ParameterizedTest(name = "{0} (seed " + "{index})")
    @MethodSource("addressFormats")
    void randomAddressesRoundTripForEveryPermission(String file, String formatName) throws CodecException {
        Description d = example(file);
        EntryCodec codec = EntryCodec.of(d.format(formatName).orElseThrow());
        Random random = new Random(SEED ^ (file + formatName).hashCode());
        long addressable = codec.addressMask() & widthMask(d.oaBitsValue());
        for (int i = 0; i < ROUND_TRIPS; i++) {
            long oa = random.nextLong() & addressable;
            Set<Direction> prot = PROTS.get(i % PROTS.size());
            long entry = codec.encode(oa, prot, Map.of());
            assertRoundTrip(d, codec, oa, prot, entry);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("addressFormats")
    void boundaryAddresses(String file, String formatName) throws CodecException {
        Description d = example(file);
        EntryCodec codec = EntryCodec.of(d.format(formatName).orElseThrow());
        long addressable = codec.addressMask() & widthMask(d.oaBitsValue());
        List<Long> boundaries = new ArrayList<>(List.of(0L, addressable));
        for (int bit = 0; bit < 64; bit++) {
            if ((addressable >>> bit & 1) != 0) {
                boundaries.add(1L << bit);
                boundaries.add(addressable & ~(1L << bit));
            }
        }
        for (long oa : boundaries) {
            for (Set<Direction> prot : PROTS) {
                assertRoundTrip(d, codec, oa, prot, codec.encode(oa, prot, Map.of()));
            }
        }
    }

    /**
     * The drivers' types truncate: address bits above what the entry holds are dropped (a u32
     * cast, a mask), and bits below the slices are dropped or, for an unmasked field, ORed in
     * exactly as the driver's unmasked arithmetic does.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("addressFormats")
    void truncationOfTheDriversTypes(String file, String formatName) throws CodecException {
        Description d = example(file);
        Format format = d.format(formatName).orElseThrow();
        EntryCodec codec = EntryCodec.of(format);
        int top = format.address().get().addressBits();
        int low = format.address().get().lowestAddressBit();
        Random random = new Random(SEED + formatName.hashCode());
        for (int i = 0; i < 200; i++) {
            long oa = random.nextLong() & codec.addressMask();
            Set<Direction> prot = PROTS.get(i % PROTS.size());
            long plain = codec.encode(oa, prot, Map.of());
            long high = top >= 64 ? 0 : random.nextLong() << top;
            assertThat(codec.encode(oa | high, prot, Map.of())).as("bits above %d are dropped", top).isEqualTo(plain);
            long below = low == 0 ? 0 : random.nextLong() & ((1L << low) - 1);
            long withLow = codec.encode(oa | below, prot, Map.of());
            if (format.address().get().unmasked()) {
                assertThat(withLow).as("unmasked: the low bits are ORed in").isEqualTo(plain | codec.unmaskedLowBits(below));
            } else {
                assertThat(withLow).as("bits below %d are dropped", low).isEqualTo(plain);
            }
            assertThat(Long.compareUnsigned(plain, widthMask(codec.width()))).as("fits its %d bits", codec.width())
                    .isLessThanOrEqualTo(0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void iovaSplitsIntoIndicesAndOffset(String file) {
        Description d = example(file);
        Random random = new Random(SEED + file.hashCode());
        long smallest = WalkGeometry.pageSizes(d).get(0);
        for (int i = 0; i < 1000; i++) {
            long iova = random.nextLong() & widthMask(d.iovaBitsValue());
            long rebuilt = iova & (smallest - 1);
            for (WalkGeometry.LevelIndex l : WalkGeometry.split(d, iova)) {
                if (!l.fixed()) {
                    assertThat(Long.compareUnsigned(l.index(), 1L << l.bits().width())).isLessThan(0);
                    rebuilt |= l.index() << l.bits().low();
                }
            }
            assertThat(hex(rebuilt)).isEqualTo(hex(iova));
        }
    }

    // ---------------------------------------------------------------------------------------

    private static void assertRoundTrip(Description d, EntryCodec codec, long oa, Set<Direction> prot, long entry) {
        EntryCodec.Decoded decoded = codec.decode(entry);
        String what = codec.format().name().text() + " of " + hex(oa) + " " + prot;
        assertThat(decoded.valid()).as("%s is valid", what).isTrue();
        assertThat(decoded.address()).as("%s decodes to its address", what).contains(oa);
        assertThat(decoded.reservedBits()).as("%s sets no reserved bit", what).isZero();
        for (Direction direction : prot) {
            assertThat(allowed(codec, decoded, direction)).as("%s allows %s", what, direction).isNotEqualTo(Boolean.FALSE);
        }
    }

    /** TRUE/FALSE when the entry alone decides; null when registers or the master decide. */
    private static Boolean allowed(EntryCodec codec, EntryCodec.Decoded decoded, Direction direction) {
        AllowRule rule = codec.format().allow(direction).orElse(null);
        if (rule == null || rule.condition().isEmpty()) {
            return Boolean.TRUE;
        }
        Map<String, Long> fields = new HashMap<>();
        decoded.fields().forEach(f -> fields.put(f.name(), f.value()));
        Expr folded = Folding.fold(rule.condition().get(), fields);
        return folded instanceof Num n ? n.value() != 0 : null;
    }

    private static long encode(Description d, List<String> command) throws CodecException {
        EntryCodec codec = EntryCodec.of(d.format(command.get(1)).orElseThrow());
        Long oa = null;
        Set<Direction> prot = Set.of();
        for (int i = 2; i < command.size(); i += 2) {
            switch (command.get(i)) {
                case "--oa" -> oa = TestVector.number(command.get(i + 1));
                case "--prot" -> prot = prot(command.get(i + 1));
                default -> throw new AssertionError("unknown option " + command.get(i));
            }
        }
        return codec.encode(oa, prot, Map.of());
    }

    private static Set<Direction> prot(String word) {
        return switch (word) {
            case "r" -> EnumSet.of(Direction.READ);
            case "w" -> EnumSet.of(Direction.WRITE);
            case "rw" -> EnumSet.of(Direction.READ, Direction.WRITE);
            default -> EnumSet.noneOf(Direction.class);
        };
    }

    private static Map<String, Long> decode(Description d, String format, long value) {
        EntryCodec codec = EntryCodec.of(d.format(format).orElseThrow());
        EntryCodec.Decoded decoded = codec.decode(value);
        Map<String, Long> out = new LinkedHashMap<>();
        decoded.fields().forEach(f -> out.put(f.name(), f.value()));
        decoded.address().ifPresent(a -> out.put(codec.format().address().get().name().text(), a));
        return out;
    }

    private static long widthMask(int bits) {
        return bits >= 64 ? -1L : (1L << bits) - 1;
    }

    private static String hex(Long value) {
        return value == null ? "absent" : "0x" + Long.toHexString(value).toUpperCase(java.util.Locale.ROOT);
    }
}
