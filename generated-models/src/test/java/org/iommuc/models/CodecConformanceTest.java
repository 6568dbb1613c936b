package org.iommuc.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.iommuc.dsl.TestFiles;
import org.iommuc.dsl.conformance.TestVector;
import org.iommuc.dsl.model.EntryField;
import org.iommuc.dsl.model.Format;
import org.iommuc.dsl.semantics.CodecException;
import org.iommuc.dsl.semantics.EntryCodec;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conformance suite on the generated codec classes: every encode and decode vector of
 * examples/test-vectors.txt (the index vectors run through the walk, in {@link WalkTest}), and
 * random entries, addresses and permissions against {@link EntryCodec}, the reference: encode,
 * decode field by field, the address, building from fields, and round trips of every address
 * the entry can hold. Seeds are in the case names; {@code -Dmodels.seed=N} changes them.
 */
class CodecConformanceTest {

    private static final long SEED = Long.getLong("models.seed", 20261201L);
    private static final int SAMPLES = Integer.getInteger("models.samples", 2000);

    static Stream<TestVector> vectors() throws IOException {
        return TestVector.load(TestFiles.root().resolve("examples/test-vectors.txt")).stream()
                .filter(v -> !v.verb().equals("index"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void passesTheTestVector(TestVector vector) {
        GeneratedExample example = GeneratedExample.of(vector.file());
        List<String> command = vector.command();
        GeneratedCodec codec = example.codec(command.get(1));
        if (vector.verb().equals("encode")) {
            long oa = TestVector.number(option(command, "--oa", "0"));
            String prot = option(command, "--prot", "none");
            long entry = codec.encode(oa, prot.contains("r"), prot.contains("w"));
            assertThat(Outcomes.hex(entry)).as(vector.name()).isEqualTo(Outcomes.hex(TestVector.number(vector.expected())));
            return;
        }
        assertThat(vector.verb()).isEqualTo("decode");
        long entry = TestVector.number(command.get(2));
        Format format = example.description().format(command.get(1)).orElseThrow();
        for (Map.Entry<String, String> pair : vector.expectedPairs().entrySet()) {
            boolean isAddress = format.address().map(a -> a.name().text().equals(pair.getKey())).orElse(false);
            long value = isAddress ? codec.address(entry) : codec.field(pair.getKey(), entry);
            assertThat(Outcomes.hex(value)).as("%s: %s", vector.name(), pair.getKey())
                    .isEqualTo(Outcomes.hex(TestVector.number(pair.getValue())));
        }
    }

    /** Every (example, format) with its seed. */
    static Stream<Arguments> formats() {
        List<Arguments> cases = new ArrayList<>();
        for (GeneratedExample e : GeneratedExample.ALL) {
            for (Format f : e.description().formats()) {
                long seed = SEED + cases.size();
                cases.add(Arguments.of(Named.of(e.file() + " " + f.name().text() + " seed " + seed, e), f.name().text(), seed));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void agreesWithTheReferenceCodec(GeneratedExample example, String format, long seed) throws CodecException {
        Format f = example.description().format(format).orElseThrow();
        EntryCodec reference = EntryCodec.of(f);
        GeneratedCodec codec = example.codec(format);
        assertThat(codec.constant("WIDTH")).isEqualTo(reference.width());
        assertThat(codec.constant("TAG_MASK")).isEqualTo(reference.tagMask());
        assertThat(codec.constant("TAG_VALUE")).isEqualTo(reference.tagValue());
        assertThat(codec.constant("RESERVED_MASK")).isEqualTo(reference.reservedMask());
        assertThat(codec.constant("BLANK")).isEqualTo(reference.build(Map.of()));
        Random random = new Random(seed);
        for (int i = 0; i < SAMPLES; i++) {
            long entry = sample(random);
            long oa = sample(random);
            boolean read = random.nextBoolean();
            boolean write = random.nextBoolean();
            String at = "sample " + i + ": entry " + Outcomes.hex(entry) + ", oa " + Outcomes.hex(oa);
            assertThat(codec.matches(entry)).as(at).isEqualTo(reference.matches(entry));
            assertThat(codec.encode(oa, read, write)).as("%s encode r=%s w=%s", at, read, write)
                    .isEqualTo(reference.encode(oa, EntryCodec.directions(read, write), Map.of()));
            if (reference.hasAddress()) {
                assertThat(codec.address(entry)).as(at).isEqualTo(reference.address(entry));
                assertThat(codec.packAddress(oa)).as(at).isEqualTo(reference.packAddress(oa));
            }
            for (EntryField field : f.fields()) {
                assertThat(codec.field(field.name().text(), entry)).as("%s field %s", at, field.name().text())
                        .isEqualTo(reference.field(entry, field.name().text()));
            }
            assertBuildAgrees(f, reference, codec, random, at);
        }
    }

    /** Every address the entry holds (within the output width) comes back from the entry it encodes. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void everyAddressRoundTripsForEveryPermission(GeneratedExample example, String format, long seed) {
        GeneratedCodec codec = example.codec(format);
        if (!codec.hasAddress()) {
            return;
        }
        long width = example.config().oaBits() >= 64 ? -1L : (1L << example.config().oaBits()) - 1;
        long addressable = EntryCodec.of(example.description().format(format).orElseThrow()).addressMask() & width;
        long reserved = codec.constant("RESERVED_MASK");
        Random random = new Random(seed);
        for (int i = 0; i < SAMPLES; i++) {
            long oa = i == 0 ? addressable : i == 1 ? 0 : random.nextLong() & addressable;
            boolean read = (i & 1) != 0;
            boolean write = (i & 2) != 0;
            long entry = codec.encode(oa, read, write);
            String what = codec + ".encode(" + Outcomes.hex(oa) + ", " + read + ", " + write + ") = " + Outcomes.hex(entry);
            assertThat(codec.matches(entry)).as("%s matches its format", what).isTrue();
            assertThat(Outcomes.hex(codec.address(entry))).as(what).isEqualTo(Outcomes.hex(oa));
            assertThat(entry & reserved).as("%s sets no reserved bit", what).isZero();
            assertThat(codec.withAddress(entry, oa)).as("%s: withAddress of its own address", what).isEqualTo(entry);
        }
    }

    /** A chain of {@code with} calls from BLANK builds what {@code EntryCodec.build} builds. */
    private static void assertBuildAgrees(Format f, EntryCodec reference, GeneratedCodec codec, Random random, String at) {
        Map<String, Long> given = new LinkedHashMap<>();
        long entry = codec.constant("BLANK");
        for (EntryField field : f.fields()) {
            if (!field.isTag() && codec.hasSetter(field.name().text()) && random.nextBoolean()) {
                long value = sample(random);
                given.put(field.name().text(), value);
                entry = codec.with(field.name().text(), entry, value);
            }
        }
        if (reference.hasAddress() && random.nextBoolean()) {
            long oa = sample(random);
            given.put(f.address().get().name().text(), oa);
            entry = codec.withAddress(entry, oa);
        }
        assertThat(entry).as("%s build %s", at, given).isEqualTo(reference.build(given));
    }

    /** Random values with a bias to the edges: all ones, small, 32-bit, single bits and their neighbours. */
    static long sample(Random random) {
        switch (random.nextInt(6)) {
            case 0:
                return -1L;
            case 1:
                return random.nextInt(256);
            case 2:
                return random.nextLong() & 0xFFFF_FFFFL;
            case 3:
                return (1L << random.nextInt(64)) + random.nextInt(3) - 1;
            default:
                return random.nextLong();
        }
    }

    private static String option(List<String> command, String name, String otherwise) {
        int i = command.indexOf(name);
        return i < 0 ? otherwise : command.get(i + 1);
    }
}
