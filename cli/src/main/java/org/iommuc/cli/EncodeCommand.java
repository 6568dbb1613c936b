package org.iommuc.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Direction;
import org.iommuc.dsl.model.EntryField;
import org.iommuc.dsl.model.EnumValue;
import org.iommuc.dsl.model.Format;
import org.iommuc.dsl.semantics.CodecException;
import org.iommuc.dsl.semantics.EntryCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code iommuc encode FILE FORMAT [--oa ADDR] [--prot r|w|rw|none] [FIELD=VALUE...]}: the entry
 * a driver's mk-function builds from a physical address and Linux prot flags.
 */
@Command(mixinStandardHelpOptions = true, name = "encode",
        description = {"Encode a page-table entry as the driver's mk-function builds it from a physical address "
                + "and IOMMU_READ/IOMMU_WRITE. Prints the entry in hex.",
            "With --batch, reads requests 'FORMAT [--oa ADDR] [--prot P] [FIELD=VALUE...]' from stdin, one per line."})
final class EncodeCommand extends DescriptionCommand {

    @Parameters(index = "1", arity = "0..1", paramLabel = "FORMAT", description = "Entry format, e.g. pte.")
    String format;

    @Parameters(index = "2..*", arity = "0..*", paramLabel = "FIELD=VALUE",
            description = "Field values (numbers or enumerated names), written after prot; each field once.")
    List<String> fields = new ArrayList<>();

    @Option(names = "--oa", paramLabel = "ADDR", description = "Output (physical) address of the page or table.")
    String oa;

    @Option(names = "--prot", paramLabel = "PROT",
            description = "r, w, rw or none (default none); only for a format with prot rules.")
    String prot;

    @Option(names = "--batch", description = "Read one request per line from stdin.")
    boolean batch;

    @Override
    int run(Description d, PrintWriter out) throws Loaded.Failure {
        if (batch) {
            batchTakesNoRequest(format);
            return Batch.run(System.in, out, false, words -> encodeLine(d, words));
        }
        if (format == null) {
            throw new Loaded.Usage("missing FORMAT (the description's formats: " + formatNames(d) + ")");
        }
        out.println(encode(d, format, oa, prot, fields));
        return Main.OK;
    }

    private static String encodeLine(Description d, List<String> words) throws Loaded.Failure {
        String oa = null;
        String prot = null;
        List<String> fields = new ArrayList<>();
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("--oa") || w.equals("--prot")) {
                if (i + 1 == words.size()) {
                    throw new Loaded.Failure(w + " needs a value");
                }
                String value = words.get(++i);
                if (w.equals("--oa")) {
                    oa = value;
                } else {
                    prot = value;
                }
            } else if (w.startsWith("--oa=")) {
                oa = w.substring(5);
            } else if (w.startsWith("--prot=")) {
                prot = w.substring(7);
            } else {
                fields.add(w);
            }
        }
        return encode(d, words.get(0), oa, prot, fields);
    }

    static String encode(Description d, String formatName, String oa, String prot, List<String> fieldArgs)
            throws Loaded.Failure {
        Format format = Loaded.format(d, formatName);
        EntryCodec codec = EntryCodec.of(format);
        Long address = null;
        if (oa != null) {
            address = number(oa, "--oa");
            if (!codec.hasAddress()) {
                throw new Loaded.Failure("format '" + formatName + "' holds no address; drop --oa");
            }
        }
        Set<Direction> directions = directions(prot);
        if (prot != null && format.prot().isEmpty()) {
            throw new Loaded.Failure("format '" + formatName + "' has no permission encoding (no prot rules); drop --prot");
        }
        Map<String, Long> given = new LinkedHashMap<>();
        for (String arg : fieldArgs) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new Loaded.Failure("'" + arg + "' is not FIELD=VALUE");
            }
            String name = arg.substring(0, eq);
            if (given.containsKey(name)) {
                throw new Loaded.Failure("field '" + name + "' is given twice; give it once");
            }
            given.put(name, fieldValue(codec, name, arg.substring(eq + 1)));
        }
        try {
            return Numbers.hex(codec.encode(address, directions, given), codec.width());
        } catch (CodecException e) {
            throw new Loaded.Failure(e.getMessage());
        }
    }

    /** A field's value: one of its enumerated names, or a number. */
    private static long fieldValue(EntryCodec codec, String name, String text) throws Loaded.Failure {
        Optional<EntryField> field = codec.entryField(name);
        if (field.isEmpty() || field.get().values().isEmpty()) {
            return number(text, "value of " + name);
        }
        List<String> names = new ArrayList<>();
        for (EnumValue v : field.get().values()) {
            if (v.name().text().equals(text)) {
                return v.valueAsLong();
            }
            names.add(v.name().text());
        }
        try {
            return Numbers.parse(text, "value of " + name);
        } catch (Numbers.BadNumber e) {
            throw new Loaded.Failure("value of " + name + " '" + text + "' is neither a number nor one of its values: "
                    + String.join(", ", names));
        }
    }

    static Set<Direction> directions(String prot) throws Loaded.Failure {
        if (prot == null) {
            return Set.of();
        }
        switch (prot) {
            case "none":
                return Set.of();
            case "r":
            case "read":
                return Set.of(Direction.READ);
            case "w":
            case "write":
                return Set.of(Direction.WRITE);
            case "rw":
            case "wr":
            case "read|write":
                return Set.of(Direction.READ, Direction.WRITE);
            default:
                throw new Loaded.Failure("--prot '" + prot + "' is not one of r, w, rw, none");
        }
    }

    static long number(String text, String what) throws Loaded.Failure {
        try {
            return Numbers.parse(text, what);
        } catch (Numbers.BadNumber e) {
            throw new Loaded.Failure(e.getMessage());
        }
    }

    static String formatNames(Description d) {
        List<String> names = new ArrayList<>();
        for (Format f : d.formats()) {
            names.add(f.name().text());
        }
        return String.join(", ", names);
    }
}
