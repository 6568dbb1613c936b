package org.iommuc.cli;

import java.io.PrintWriter;
import java.util.List;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.semantics.WalkGeometry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code iommuc index FILE IOVA}: the table index at every level and the page offset. */
@Command(mixinStandardHelpOptions = true, name = "index", description = "Print the per-level table indices and the page offset of an IOVA.")
final class IndexCommand extends DescriptionCommand {

    @Parameters(index = "1", paramLabel = "IOVA", description = "The input address, e.g. 0xdeadbeef.")
    String iova;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    int run(Description d, PrintWriter out) throws Loaded.Failure {
        long address = EncodeCommand.number(iova, "IOVA");
        int bits = d.iovaBitsValue();
        if (bits < 64 && (address >>> bits) != 0) {
            throw new Loaded.Failure("IOVA " + Numbers.hex(address) + " is beyond the " + bits + "-bit IOVA of "
                    + d.name().text());
        }
        out.println(json ? json(d, address) : text(d, address));
        return Main.OK;
    }

    private static String text(Description d, long iova) {
        StringBuilder out = new StringBuilder();
        out.append(d.name().text()).append(" iova ").append(Numbers.hex(iova, d.iovaBitsValue())).append('\n');
        int width = 5;
        for (WalkGeometry.LevelIndex l : WalkGeometry.split(d, iova)) {
            width = Math.max(width, l.level().length());
        }
        for (WalkGeometry.LevelIndex l : WalkGeometry.split(d, iova)) {
            String source = l.fixed() ? "fixed" : "iova[" + l.bits() + "]";
            out.append("  ").append(l.level()).append(" ".repeat(width - l.level().length())).append("  ")
                    .append(String.format("%-12s", source)).append("  index ").append(Numbers.hex(l.index()))
                    .append(" (").append(l.index()).append(")\n");
        }
        for (long size : WalkGeometry.pageSizes(d)) {
            out.append("  offset in a ").append(Exprs.sizeText(size)).append(" page: ")
                    .append(Numbers.hex(iova & (size - 1))).append('\n');
        }
        return out.toString().stripTrailing();
    }

    private static String json(Description d, long iova) {
        StringBuilder out = new StringBuilder("{\"iommu\":").append(Json.string(d.name().text()))
                .append(",\"iova\":").append(Json.string(Numbers.hex(iova))).append(",\"levels\":[");
        List<WalkGeometry.LevelIndex> split = WalkGeometry.split(d, iova);
        for (int i = 0; i < split.size(); i++) {
            WalkGeometry.LevelIndex l = split.get(i);
            out.append(i == 0 ? "" : ",").append("{\"level\":").append(Json.string(l.level()))
                    .append(",\"bits\":").append(l.fixed() ? "null" : Json.string(l.bits().toString()))
                    .append(",\"index\":").append(l.index()).append('}');
        }
        out.append("],\"offsets\":{");
        String separator = "";
        for (long size : WalkGeometry.pageSizes(d)) {
            out.append(separator).append(Json.string(Exprs.sizeText(size))).append(':').append(Json.string(Numbers.hex(iova & (size - 1))));
            separator = ",";
        }
        return out.append("}}").toString();
    }
}
