package org.iommuc.sim;

import java.util.Optional;
import org.iommuc.dsl.model.Expr;

/**
 * A register, an array element or a field of either, as slots: the array's first slot and
 * element count, the element index (empty for a plain register) and the bits of the field
 * (the whole register when no field is named).
 */
record RegisterTarget(int firstSlot, int count, Optional<Expr> index, long mask, int low, boolean wholeRegister) {

    /** The value of the target within a register value. */
    long extract(long registerValue) {
        return wholeRegister ? registerValue : (registerValue & mask) >>> low;
    }

    /** A register value with the target's bits replaced by {@code value} (cut to the field). */
    long insert(long registerValue, long value) {
        return wholeRegister ? value : (registerValue & ~mask) | ((value << low) & mask);
    }
}
