package org.iommuc.dsl.semantics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iommuc.dsl.model.Access;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.Field;
import org.iommuc.dsl.model.Power;
import org.iommuc.dsl.model.Register;

/**
 * The registers of a description as slots with their access semantics: what
 * {@code org.iommuc.runtime.RegisterMap} is built from, by the interpreter directly and by
 * generated models through generated code (docs/model-semantics.md, section 1). One
 * derivation, so both agree.
 */
public final class RegisterLayout {

    /** One slot: a register, or one element of a register array. */
    public record Slot(
            String name,
            String register,
            int element,
            long offset,
            int width,
            long reset,
            long writable,
            long w1c,
            long readToClear,
            long selfClearing,
            boolean writeOnly,
            boolean computed,
            boolean losesPower,
            int clearsTarget,
            boolean readView,
            boolean writeView) {}

    private final List<Slot> slots;
    private final List<Register> registers;
    private final int[] firstSlot;

    private RegisterLayout(List<Slot> slots, List<Register> registers, int[] firstSlot) {
        this.slots = List.copyOf(slots);
        this.registers = registers;
        this.firstSlot = firstSlot;
    }

    public static RegisterLayout of(Description d) {
        List<Register> registers = d.registers();
        int[] first = new int[registers.size()];
        int next = 0;
        for (int i = 0; i < registers.size(); i++) {
            first[i] = next;
            next += (int) registers.get(i).countValue();
        }
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < registers.size(); i++) {
            Register r = registers.get(i);
            int clears = r.clears().map(c -> firstOf(registers, first, c.text())).orElse(-1);
            for (int e = 0; e < r.countValue(); e++) {
                slots.add(slot(d, r, e, clears));
            }
        }
        return new RegisterLayout(slots, registers, first);
    }

    private static Slot slot(Description d, Register r, int element, int clears) {
        String name = r.isArray() ? r.name().text() + "[" + element + "]" : r.name().text();
        long writable = 0;
        long w1c = 0;
        long rc = 0;
        long sc = 0;
        long covered = 0;
        for (Field f : r.fields()) {
            long mask = f.bits().mask();
            covered |= mask;
            Access a = r.accessOf(f);
            writable |= bits(a == Access.RW || a == Access.WO || a == Access.SC, mask);
            w1c |= bits(a == Access.W1C, mask);
            rc |= bits(a == Access.RC, mask);
            sc |= bits(a == Access.SC, mask);
        }
        Access a = r.access().value();
        long rest = ~covered;
        writable |= bits(a == Access.RW || a == Access.WO || a == Access.SC, rest);
        w1c |= bits(a == Access.W1C, rest);
        rc |= bits(a == Access.RC, rest);
        sc |= bits(a == Access.SC, rest);
        long widthMask = r.widthValue() >= 64 ? -1L : (1L << r.widthValue()) - 1;
        boolean hasView = r.view().isPresent() || d.viewOf(r).isPresent();
        return new Slot(name, r.name().text(), element, r.offsetValue() + element * r.strideValue(), r.widthValue(),
                reset(r) & widthMask, writable & widthMask, w1c & widthMask, rc & widthMask, sc & widthMask,
                a == Access.WO, r.value().isPresent(), loses(d, r.name().text()), clears,
                hasView && a != Access.WO, hasView && a == Access.WO);
    }

    private static long reset(Register r) {
        long value = r.resetValue();
        for (Field f : r.fields()) {
            if (f.reset().isPresent()) {
                long fieldValue = Exprs.constant(f.reset().get()).orElse(0);
                value = (value & ~f.bits().mask()) | ((fieldValue << f.bits().low()) & f.bits().mask());
            }
        }
        return value;
    }

    private static boolean loses(Description d, String register) {
        Optional<Power> power = d.power();
        return power.isPresent() && power.get().loses(register);
    }

    private static long bits(boolean on, long mask) {
        return on ? mask : 0;
    }

    private static int firstOf(List<Register> registers, int[] first, String name) {
        for (int i = 0; i < registers.size(); i++) {
            if (registers.get(i).name().text().equals(name)) {
                return first[i];
            }
        }
        return -1;
    }

    public List<Slot> slots() {
        return slots;
    }

    public int size() {
        return slots.size();
    }

    /** The first slot of a register (its only slot, or element 0 of an array). */
    public int firstSlot(String register) {
        return firstOf(registers, firstSlot, register);
    }
}
