package org.iommuc.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.iommuc.dsl.model.Binary;
import org.iommuc.dsl.model.BinaryOp;
import org.iommuc.dsl.model.Decode;
import org.iommuc.dsl.model.Expr;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.RegRead;
import org.iommuc.dsl.semantics.EntryCodec;

/**
 * The register writes that make a walk's {@code root} expression give a table address: the
 * inverse of the usual shapes ({@code REG}, {@code REG.FIELD}, {@code REG << 12},
 * {@code fmt(REG).table}, {@code HI << 32 | LO}, {@code REG & mask}). Random operations use it to
 * point the root at the tables they build; a shape it does not know gives no writes.
 */
final class RootSolver {

    /** One register write: the register's slot and the whole value. */
    record RegisterWrite(int slot, long value) {}

    private final CompiledDescription d;

    RootSolver(CompiledDescription d) {
        this.d = d;
    }

    /** The writes that make the root {@code address}; empty when the root has an unknown shape. */
    List<RegisterWrite> solve(long address) {
        List<RegisterWrite> out = new ArrayList<>();
        return solve(d.root, address, out) ? out : List.of();
    }

    private boolean solve(Expr e, long target, List<RegisterWrite> out) {
        if (e instanceof RegRead r) {
            return register(r, target, out);
        }
        if (e instanceof Decode dec) {
            EntryCodec codec = d.evaluator.codec(dec.format());
            if (codec == null) {
                return false;
            }
            long entry = codec.build(Map.of(dec.field(), target));
            return solve(dec.value(), entry, out);
        }
        if (e instanceof Binary b) {
            return binary(b, target, out);
        }
        return Exprs.constant(e).isPresent();
    }

    private boolean binary(Binary b, long target, List<RegisterWrite> out) {
        OptionalLong right = Exprs.constant(b.right());
        switch (b.op()) {
            case SHL:
                return right.isPresent() && right.getAsLong() < 64 && solve(b.left(), target >>> right.getAsLong(), out);
            case SHR:
                return right.isPresent() && right.getAsLong() < 64 && solve(b.left(), target << right.getAsLong(), out);
            case AND:
                return right.isPresent() && solve(b.left(), target, out);
            case OR:
            case ADD:
                return split(b.left(), b.right(), target, out) || split(b.right(), b.left(), target, out);
            default:
                return false;
        }
    }

    /** {@code high << n | low}: the high part takes the bits from n up, the low part the rest. */
    private boolean split(Expr shifted, Expr other, long target, List<RegisterWrite> out) {
        if (!(shifted instanceof Binary s) || s.op() != BinaryOp.SHL) {
            return false;
        }
        OptionalLong n = Exprs.constant(s.right());
        if (n.isEmpty() || n.getAsLong() >= 64) {
            return false;
        }
        long lowMask = (1L << n.getAsLong()) - 1;
        return solve(s.left(), target >>> n.getAsLong(), out) && solve(other, target & lowMask, out);
    }

    private boolean register(RegRead r, long target, List<RegisterWrite> out) {
        CompiledDescription.RegisterSlots rs = d.registers.get(r.register());
        if (rs == null) {
            return false;
        }
        long index = r.index().flatMap(i -> box(Exprs.constant(i))).orElse(0L);
        if (index < 0 || index >= rs.count()) {
            return false;
        }
        Optional<RegisterTarget> t = d.target(new org.iommuc.dsl.model.RegRef(rs.register().name(), Optional.empty(),
                r.field().map(f -> new org.iommuc.dsl.model.Ident(f, r.span())), r.span()));
        if (t.isEmpty()) {
            return false;
        }
        out.add(new RegisterWrite(rs.firstSlot() + (int) index, t.get().insert(0, target)));
        return true;
    }

    private static Optional<Long> box(OptionalLong v) {
        return v.isPresent() ? Optional.of(v.getAsLong()) : Optional.empty();
    }
}
