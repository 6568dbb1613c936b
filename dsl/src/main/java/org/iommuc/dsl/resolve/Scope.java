package org.iommuc.dsl.resolve;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.iommuc.dsl.model.EnumValue;
import org.iommuc.dsl.model.Format;
import org.iommuc.dsl.model.Register;
import org.iommuc.dsl.model.Var;

/**
 * What names an expression may use where it is written. Scopes are immutable; a narrower one is
 * made with the {@code with...} methods.
 *
 * @param vars the context variables available ({@code iova}, {@code value}, ...)
 * @param params sequence parameters
 * @param lets {@code let}s of a sequence defined so far
 * @param format the format whose fields are visible (permission rules), or null
 * @param trigger the register whose access triggered a behaviour rule, or null
 * @param expected enumerated values to try first for a bare name (the target field's), or empty
 * @param registersAllowed false where an expression must be constant
 * @param where words for messages: "in a register offset", "in a fault handler"
 */
record Scope(
        Set<Var> vars,
        List<String> params,
        List<String> lets,
        Format format,
        Register trigger,
        List<EnumValue> expected,
        String expectedOwner,
        boolean registersAllowed,
        boolean sharedAllowed,
        String where) {

    static Scope constant(String where) {
        return new Scope(EnumSet.noneOf(Var.class), List.of(), List.of(), null, null, List.of(), "", false, false, where);
    }

    static Scope runtime(String where, Var... vars) {
        Set<Var> set = EnumSet.noneOf(Var.class);
        set.addAll(List.of(vars));
        return new Scope(set, List.of(), List.of(), null, null, List.of(), "", true, false, where);
    }

    Scope withParams(List<String> names) {
        return new Scope(vars, List.copyOf(names), lets, format, trigger, expected, expectedOwner, registersAllowed,
                sharedAllowed, where);
    }

    Scope withLet(String name) {
        Set<String> all = new LinkedHashSet<>(lets);
        all.add(name);
        return new Scope(vars, params, List.copyOf(all), format, trigger, expected, expectedOwner, registersAllowed,
                sharedAllowed, where);
    }

    Scope withFormat(Format f) {
        return new Scope(vars, params, lets, f, trigger, expected, expectedOwner, registersAllowed, sharedAllowed, where);
    }

    Scope withTrigger(Register r) {
        return new Scope(vars, params, lets, format, r, expected, expectedOwner, registersAllowed, sharedAllowed, where);
    }

    Scope expecting(List<EnumValue> values, String owner) {
        return new Scope(vars, params, lets, format, trigger, values, owner, registersAllowed, sharedAllowed, where);
    }

    Scope withShared() {
        return new Scope(vars, params, lets, format, trigger, expected, expectedOwner, registersAllowed, true, where);
    }
}
