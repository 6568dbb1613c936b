package org.iommuc.dsl.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.diag.Note;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.Register;

/**
 * Reports two registers (or elements of register arrays) whose bytes overlap, unless the two are
 * a declared read/write view pair; each pair is reported once, at the later register.
 */
final class RegisterOverlaps implements Check {

    /** Offsets beyond this are not compared (no MMIO window is that large; it keeps arithmetic exact). */
    private static final long LIMIT = 1L << 56;

    /** Elements of the smaller array walked per pair; arrays larger than this on both sides are not compared. */
    private static final long MAX_STEPS = 1L << 20;

    /** The bytes of a register: {@code count} blocks of {@code bytes} bytes, {@code stride} apart from {@code start}. */
    record Block(Register register, long start, long stride, long count, long bytes) {

        long elementStart(long index) {
            return start + index * stride;
        }

        String element(long index) {
            return register.name().text() + (register.isArray() ? "[" + index + "]" : "");
        }

        String range(long index) {
            long first = elementStart(index);
            return StructureSupport.hex(first) + ".." + StructureSupport.hex(first + bytes - 1);
        }
    }

    /** A pair of overlapping elements: element {@code first} of one block and {@code second} of the other. */
    record Overlap(long first, long second) {}

    /** A block with its place in declaration order and the end of its whole span (exclusive). */
    private record Placed(Block block, int order, long end) {}

    /**
     * A sweep in offset order: each block is compared only with the blocks whose span is still
     * open at its start, so a register map costs n log n, not n^2 (a description may have
     * thousands of registers). Pairs are compared in declaration order, as before.
     */
    @Override
    public void check(Description description, Diagnostics diagnostics) {
        List<Placed> placed = new ArrayList<>();
        for (Register r : description.registers()) {
            Optional<Block> b = block(r);
            if (b.isPresent()) {
                Block block = b.get();
                long end = block.start() + (block.count() - 1) * block.stride() + block.bytes();
                placed.add(new Placed(block, placed.size(), end));
            }
        }
        placed.sort(Comparator.comparingLong((Placed p) -> p.block().start()).thenComparingInt(Placed::order));
        List<Placed> open = new ArrayList<>();
        for (Placed next : placed) {
            open.removeIf(p -> p.end() <= next.block().start());
            for (Placed other : open) {
                Placed earlier = other.order() < next.order() ? other : next;
                Placed later = earlier == other ? next : other;
                compare(description, earlier.block(), later.block(), diagnostics);
            }
            open.add(next);
        }
    }

    private static void compare(Description description, Block earlier, Block later, Diagnostics diagnostics) {
        if (isViewPair(description, earlier, later)) {
            return;
        }
        Optional<Overlap> overlap = overlap(later, earlier);
        if (overlap.isEmpty()) {
            return;
        }
        long mine = overlap.get().first();
        long theirs = overlap.get().second();
        diagnostics.error(Code.E0200, later.register().name().span(), "register " + later.element(mine) + " ("
                + later.range(mine) + ") overlaps " + earlier.element(theirs) + " (" + earlier.range(theirs) + ")",
                new Note(earlier.register().name().span(), earlier.register().name().text() + " is defined here"));
    }

    /**
     * A declared view pair; also a register whose view names no register (already reported) and
     * a register at the same offset, so a misspelt view name gives one error, not two.
     */
    private static boolean isViewPair(Description description, Block a, Block b) {
        return names(a.register(), b.register()) || names(b.register(), a.register())
                || a.start() == b.start() && (unknownView(description, a.register()) || unknownView(description, b.register()));
    }

    private static boolean names(Register r, Register view) {
        return r.view().map(v -> v.text().equals(view.name().text())).orElse(false);
    }

    private static boolean unknownView(Description description, Register r) {
        return r.view().map(v -> description.register(v.text()).isEmpty()).orElse(false);
    }

    /** The bytes of a register, or empty when its width, offset or array shape is invalid (reported elsewhere). */
    static Optional<Block> block(Register r) {
        Optional<Integer> width = StructureSupport.registerWidth(r);
        OptionalLong offset = Exprs.constant(r.offset());
        long count = r.countValue();
        long stride = r.strideValue();
        if (width.isEmpty() || offset.isEmpty() || offset.getAsLong() < 0 || offset.getAsLong() >= LIMIT
                || count <= 0 || count >= LIMIT || stride < 0 || stride >= LIMIT) {
            return Optional.empty();
        }
        long bytes = width.get() / 8;
        if (count > 1 && stride == 0) {
            count = 1;
        }
        if (count > 1 && count - 1 > LIMIT / stride) {
            return Optional.empty();
        }
        return Optional.of(new Block(r, offset.getAsLong(), count == 1 ? bytes : stride, count, bytes));
    }

    /**
     * The first pair of overlapping elements of two blocks (element of {@code a}, element of
     * {@code b}), found by walking the block with fewer elements and computing which element of
     * the other could meet it.
     */
    static Optional<Overlap> overlap(Block a, Block b) {
        if (a.count() > b.count()) {
            return overlap(b, a).map(o -> new Overlap(o.second(), o.first()));
        }
        if (a.count() > MAX_STEPS) {
            return Optional.empty();
        }
        for (long i = 0; i < a.count(); i++) {
            long x = a.elementStart(i);
            // Element j of b overlaps [x, x + a.bytes) when x - b.bytes < b.start + j * b.stride < x + a.bytes.
            long j = Math.max(0, Math.floorDiv(x - b.bytes() - b.start(), b.stride()) + 1);
            if (j < b.count() && b.elementStart(j) < x + a.bytes()) {
                return Optional.of(new Overlap(i, j));
            }
        }
        return Optional.empty();
    }
}
