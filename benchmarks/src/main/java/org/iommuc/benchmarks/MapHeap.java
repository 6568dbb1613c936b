package org.iommuc.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.Locale;
import org.iommuc.runtime.IommuModel;

/**
 * The heap a model costs beyond its page tables: maps {@value #DEFAULT_PAGES} 4 KiB pages as the
 * driver would (tables above 4 GiB, 40-bit physical addresses), then measures the used heap after
 * a full GC against the heap before the model existed (after a first model of the kind loaded
 * what all its models share), less the table pages in the model's memory. The performance bar is {@value #LIMIT_MIB} MiB after the map. A second figure, after
 * one translation of every page, shows what the strict-mode TLB adds when it holds every page.
 *
 * <p>Run: {@code java -XX:+UseSerialGC -Xmx2g -cp benchmarks/target/benchmarks.jar
 * org.iommuc.benchmarks.MapHeap [kind [pages]]}. Exits with status 1 when the map figure is over
 * the bar.
 */
public final class MapHeap {

    static final int DEFAULT_PAGES = 1_000_000;
    static final long LIMIT_MIB = 64;
    private static final long TABLES = 0x1_0000_0000L;
    private static final long FIRST_PAGE = 0x80_0000_0000L;
    private static final long MIB = 1L << 20;

    private MapHeap() {}

    /** Heap figures in bytes. */
    record Figures(long pages, int tablePages, long tableBytes, long afterMap, long afterTranslate) {}

    public static void main(String[] args) {
        String kind = args.length > 0 ? args[0] : "baseline";
        long pages = args.length > 1 ? Long.parseLong(args[1]) : DEFAULT_PAGES;
        Figures f = measure(kind, pages);
        System.out.printf(Locale.ROOT, "%s: %,d pages mapped, %d table pages (%.1f MiB)%n", kind, f.pages(), f.tablePages(),
                (double) f.tableBytes() / MIB);
        System.out.printf(Locale.ROOT, "  heap beyond the table pages after the map:             %8.2f MiB (bar: %d MiB)%n",
                (double) f.afterMap() / MIB, LIMIT_MIB);
        System.out.printf(Locale.ROOT, "  heap beyond the table pages with every page in the TLB: %8.2f MiB%n",
                (double) f.afterTranslate() / MIB);
        if (f.afterMap() > LIMIT_MIB * MIB) {
            System.exit(1);
        }
    }

    static Figures measure(String kind, long pages) {
        // A first model loads the kind's classes and caches (the description, generated code),
        // which every later model shares: they are not what one model costs.
        Reference.reachabilityFence(Models.create(kind));
        long before = usedAfterGc();
        IommuModel model = Models.create(kind);
        RockchipV2Tables tables = new RockchipV2Tables(model, TABLES);
        if (!tables.enable()) {
            throw new IllegalStateException(kind + ": enable failed");
        }
        tables.map(0, FIRST_PAGE, pages, true, true);
        long tableBytes = (long) model.memory().physical().pageCount() * RockchipV2Tables.PAGE_SIZE;
        long afterMap = usedAfterGc() - before - tableBytes;
        for (long i = 0; i < pages; i++) {
            long iova = i * RockchipV2Tables.PAGE_SIZE;
            if (model.translate(0, iova, false) != FIRST_PAGE + iova) {
                throw new IllegalStateException(kind + ": IOVA 0x" + Long.toHexString(iova) + " translated wrongly");
            }
        }
        long afterTranslate = usedAfterGc() - before - tableBytes;
        Reference.reachabilityFence(model);
        Reference.reachabilityFence(tables);
        return new Figures(pages, tables.tablePages(), tableBytes, afterMap, afterTranslate);
    }

    private static long usedAfterGc() {
        MemoryMXBean bean = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, bean.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
