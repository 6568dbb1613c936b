package org.iommuc.generator.java;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.iommuc.dsl.model.Binary;
import org.iommuc.dsl.model.Builtin;
import org.iommuc.dsl.model.Conditional;
import org.iommuc.dsl.model.Decode;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Encode;
import org.iommuc.dsl.model.Expr;
import org.iommuc.dsl.model.FieldValue;
import org.iommuc.dsl.model.RegRead;
import org.iommuc.dsl.model.Register;
import org.iommuc.dsl.model.Unary;

/**
 * Finds a computed register that reads itself, directly or through other computed registers
 * ({@code A = B + 1; B = A}). Such a register has no value, and a model computing it would
 * recurse without end, so the backend refuses it.
 */
final class ComputedCycles {

    private ComputedCycles() {}

    static void check(Description d) {
        for (Register r : d.registers()) {
            if (r.value().isPresent()) {
                List<String> path = new ArrayList<>();
                path.add(r.name().text());
                if (reaches(d, r.value().get(), r.name().text(), path, new LinkedHashSet<>())) {
                    throw new ExprCompiler.Unsupported(r.value().get().span(), "computed register " + r.name().text()
                            + " reads itself (" + String.join(" -> ", path) + "): it has no value to compute");
                }
            }
        }
    }

    private static boolean reaches(Description d, Expr e, String target, List<String> path, Set<String> seen) {
        for (Expr child : children(e)) {
            if (reaches(d, child, target, path, seen)) {
                return true;
            }
        }
        if (!(e instanceof RegRead read)) {
            return false;
        }
        Register r = d.register(read.register()).orElse(null);
        if (r == null || r.value().isEmpty()) {
            return false;
        }
        path.add(r.name().text());
        if (r.name().text().equals(target)) {
            return true;
        }
        if (seen.add(r.name().text()) && reaches(d, r.value().get(), target, path, seen)) {
            return true;
        }
        path.remove(path.size() - 1);
        return false;
    }

    private static List<Expr> children(Expr e) {
        List<Expr> out = new ArrayList<>();
        if (e instanceof Unary u) {
            out.add(u.operand());
        } else if (e instanceof Binary b) {
            out.add(b.left());
            out.add(b.right());
        } else if (e instanceof Conditional c) {
            out.add(c.condition());
            out.add(c.then());
            out.add(c.otherwise());
        } else if (e instanceof Builtin b) {
            out.addAll(b.args());
        } else if (e instanceof RegRead r) {
            r.index().ifPresent(out::add);
        } else if (e instanceof Decode dec) {
            out.add(dec.value());
        } else if (e instanceof Encode en) {
            for (FieldValue v : en.values()) {
                out.add(v.value());
            }
        }
        return out;
    }
}
