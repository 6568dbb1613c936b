package org.iommuc.generator.java;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.iommuc.dsl.TestFiles;
import org.iommuc.dsl.conformance.TestVector;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.EntryField;
import org.iommuc.dsl.model.Format;
import org.iommuc.dsl.semantics.CodecException;
import org.iommuc.dsl.semantics.EntryCodec;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every generated codec of every example agrees with {@link EntryCodec}, the reference: on random
 * entries, addresses and permissions (seeded; the seed is in the case name and can be set with
 * {@code -Dcodec.seed=N}), and on every encode and decode vector of examples/test-vectors.txt.
 */
class CodecConformanceTest {

    private static final long SEED = Long.getLong("codec.seed", 20261122L);
    private static final int SAMPLES = Integer.getInteger("codec.samples", 3000);

    static Stream<String> examples() throws IOException {
        try (Stream<Path> files = Files.list(TestFiles.root().resolve("examples"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".iommu")).sorted().toList().stream();
        }
    }

    static Stream<Arguments> formats() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (String file : examples().toList()) {
            Description d = Compiled.example(file);
            for (Format f : d.formats()) {
                long seed = SEED + cases.size();
                cases.add(Arguments.of(Named.of(file + " " + f.name().text() + " seed " + seed, file), f.name().text(), seed));
            }
        }
        return cases.stream();
    }

    /** Calls the static methods of one generated codec. */
    static final class Codec {
        private final Class<?> type;
        private final Naming.CodecNames names;

        Codec(Compiled compiled, String format) {
            this.type = compiled.codec(format);
            this.names = compiled.naming.codec(format);
        }

        long call(String method, long arg) {
            return (long) invoke(method, MethodType.methodType(long.class, long.class), arg);
        }

        long call(String method, long a, long b) {
            return (long) invoke(method, MethodType.methodType(long.class, long.class, long.class), a, b);
        }

        boolean matches(long entry) {
            return (boolean) invoke("matches", MethodType.methodType(boolean.class, long.class), entry);
        }

        long encode(long oa, boolean read, boolean write) {
            return (long) invoke("encode", MethodType.methodType(long.class, long.class, boolean.class, boolean.class),
                    oa, read, write);
        }

        long constant(String name) {
            try {
                return ((Number) type.getField(name).get(null)).longValue();
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }

        Naming.EntryFieldNames field(String name) {
            return names.fields().get(name);
        }

        private Object invoke(String name, MethodType type, Object... args) {
            try {
                MethodHandle h = MethodHandles.publicLookup().findStatic(this.type, name, type);
                return h.invokeWithArguments(args);
            } catch (Throwable e) {
                throw new AssertionError(name, e);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void agreesWithTheReferenceCodec(String file, String format, long seed) throws CodecException {
        Compiled compiled = Compiled.compiledExample(file);
        Format f = compiled.description.format(format).orElseThrow();
        EntryCodec reference = EntryCodec.of(f);
        Codec codec = new Codec(compiled, format);
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
            String at = "sample " + i + ": entry 0x" + Long.toHexString(entry) + ", oa 0x" + Long.toHexString(oa);
            assertThat(codec.matches(entry)).as(at).isEqualTo(reference.matches(entry));
            assertThat(codec.encode(oa, read, write)).as(at + " encode r=%s w=%s", read, write)
                    .isEqualTo(reference.encode(oa, EntryCodec.directions(read, write), Map.of()));
            if (reference.hasAddress()) {
                assertThat(codec.call("address", entry)).as(at).isEqualTo(reference.address(entry));
                assertThat(codec.call("packAddress", oa)).as(at).isEqualTo(reference.packAddress(oa));
                assertThat(codec.constant("ADDRESS_MASK")).isEqualTo(reference.packAddress(-1L));
            }
            for (EntryField field : f.fields()) {
                assertThat(codec.call(codec.field(field.name().text()).accessor(), entry)).as(at + " " + field.name().text())
                        .isEqualTo(reference.field(entry, field.name().text()));
            }
            assertBuildAgrees(f, reference, codec, random, at);
        }
    }

    /** A chain of {@code with} calls from BLANK builds what {@code EntryCodec.build} builds. */
    private static void assertBuildAgrees(Format f, EntryCodec reference, Codec codec, Random random, String at) {
        Map<String, Long> given = new LinkedHashMap<>();
        long entry = codec.constant("BLANK");
        for (EntryField field : f.fields()) {
            if (!field.isTag() && random.nextBoolean()) {
                long value = sample(random);
                given.put(field.name().text(), value);
                entry = codec.call(codec.field(field.name().text()).setter(), entry, value);
            }
        }
        if (reference.hasAddress() && random.nextBoolean()) {
            long oa = sample(random);
            given.put(f.address().get().name().text(), oa);
            entry = codec.call("withAddress", entry, oa);
        }
        assertThat(entry).as(at + " build " + given).isEqualTo(reference.build(given));
    }

    /** Random values with a bias to the edges: all ones, zero, small, and around 2^32. */
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

    static Stream<TestVector> vectors() throws IOException {
        return TestVector.load(TestFiles.root().resolve("examples/test-vectors.txt")).stream()
                .filter(v -> !v.verb().equals("index"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void passesTheTestVectors(TestVector vector) {
        Compiled compiled = Compiled.compiledExample(vector.file());
        List<String> command = vector.command();
        Codec codec = new Codec(compiled, command.get(1));
        if (vector.verb().equals("encode")) {
            long oa = TestVector.number(option(command, "--oa", "0"));
            String prot = option(command, "--prot", "none");
            long entry = codec.encode(oa, prot.contains("r"), prot.contains("w"));
            assertThat(entry).as(vector.name()).isEqualTo(TestVector.number(vector.expected()));
            return;
        }
        long entry = TestVector.number(command.get(2));
        Format format = compiled.description.format(command.get(1)).orElseThrow();
        for (Map.Entry<String, String> pair : vector.expectedPairs().entrySet()) {
            boolean isAddress = format.address().map(a -> a.name().text().equals(pair.getKey())).orElse(false);
            long value = isAddress ? codec.call("address", entry) : codec.call(codec.field(pair.getKey()).accessor(), entry);
            assertThat(value).as(vector.name() + " " + pair.getKey()).isEqualTo(TestVector.number(pair.getValue()));
        }
    }

    private static String option(List<String> command, String name, String otherwise) {
        int i = command.indexOf(name);
        return i < 0 ? otherwise : command.get(i + 1);
    }
}
