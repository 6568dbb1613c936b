package org.iommuc.dsl.check;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostic;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.Binary;
import org.iommuc.dsl.model.BinaryOp;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Expr;
import org.iommuc.dsl.model.Register;
import org.iommuc.dsl.model.Rule;
import org.iommuc.dsl.source.Span;

/**
 * Warns about an equality that the widths decide: {@code CMD.GO == 2} with a one-bit GO is never
 * true (and {@code !=} always), whether in a rule's trigger ({@code on write CMD.GO == 2}), a
 * guard, a poll (which then always times out), an {@code expect} or an interrupt condition.
 * Usually a wrong constant or the wrong field.
 */
final class DecidedComparisonCheck implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        ConstantValues constants = new ConstantValues();
        // iova of unknown width: an address fault's handler (and guard) sees any 64-bit IOVA
        ValueWidth widths = new ValueWidth(description, Optional.empty(), false);
        for (Expr expr : BehaviourSupport.allExpressions(description)) {
            BehaviourSupport.forEachNode(expr, node -> {
                if (node instanceof Binary b && (b.op() == BinaryOp.EQ || b.op() == BinaryOp.NE)) {
                    compare(b.op(), b.left(), b.right(), b.span(), widths, constants, diagnostics);
                    compare(b.op(), b.right(), b.left(), b.span(), widths, constants, diagnostics);
                }
            });
        }
        for (Rule rule : description.rules()) {
            if (rule.value().isEmpty() || rule.compare().isEmpty()) {
                continue;
            }
            BinaryOp op = rule.compare().get();
            if (op != BinaryOp.EQ && op != BinaryOp.NE) {
                continue;
            }
            Optional<Register> register = BehaviourSupport.register(description, rule.target());
            if (register.isEmpty()) {
                continue;
            }
            int width = BehaviourSupport.field(register.get(), rule.target()).map(f -> f.bits().width())
                    .orElse(register.get().widthValue());
            OptionalLong value = constants.value(rule.value().get());
            if (value.isPresent() && BehaviourSupport.bitLength(value.getAsLong()) > width) {
                report(op, rule.target().text(), width, value.getAsLong(), rule.value().get().span(), diagnostics);
            }
        }
    }

    private static void compare(BinaryOp op, Expr side, Expr constant, Span span, ValueWidth widths,
            ConstantValues constants, Diagnostics diagnostics) {
        OptionalLong value = constants.value(constant);
        if (value.isEmpty() || constants.isConstant(side)) {
            return;
        }
        OptionalInt width = widths.of(side);
        if (width.isPresent() && BehaviourSupport.bitLength(value.getAsLong()) > width.getAsInt()) {
            report(op, BehaviourSupport.shortText(side, "the value"), width.getAsInt(), value.getAsLong(), span,
                    diagnostics);
        }
    }

    private static void report(BinaryOp op, String what, int width, long value, Span span, Diagnostics diagnostics) {
        int needs = BehaviourSupport.bitLength(value);
        String verdict = op == BinaryOp.EQ ? "never true" : "always true";
        diagnostics.report(Diagnostic.of(Code.W0106, span, "this comparison is " + verdict + ": "
                + StructureSupport.hex(value) + " needs " + needs + " bit" + (needs == 1 ? "" : "s") + ", but " + what
                + " has " + width + (width == 1 ? " bit; " : " bits; ") + "check the constant and the field"));
    }
}
