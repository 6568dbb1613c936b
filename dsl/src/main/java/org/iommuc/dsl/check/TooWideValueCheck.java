package org.iommuc.dsl.check;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostics;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Effect;
import org.iommuc.dsl.model.Expr;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.FaultHandler;
import org.iommuc.dsl.model.FaultKind;
import org.iommuc.dsl.model.Field;
import org.iommuc.dsl.model.RegRef;
import org.iommuc.dsl.model.Register;
import org.iommuc.dsl.model.Rule;
import org.iommuc.dsl.model.Sequence;
import org.iommuc.dsl.model.Step;

/**
 * Reports a value assigned to a register or field (an effect {@code REG.F = v}, a sequence
 * {@code write} or {@code modify}) that can need more bits than the target has, and a
 * {@code redirect} address that can need more bits than the output address ({@code oa}) has.
 */
final class TooWideValueCheck implements Check {

    @Override
    public void check(Description description, Diagnostics diagnostics) {
        for (Rule rule : description.rules()) {
            ValueWidth widths = new ValueWidth(description, description.register(rule.target().register().text()));
            effects(description, rule.effects(), widths, diagnostics);
        }
        ValueWidth plain = new ValueWidth(description, Optional.empty());
        for (FaultHandler handler : description.faults()) {
            effects(description, handler.effects(), plain, diagnostics);
            redirects(description, handler, diagnostics);
        }
        for (Sequence sequence : description.sequences()) {
            BehaviourSupport.forEachStep(sequence.steps(), step -> {
                if (step instanceof Step.Write w) {
                    check(description, w.target(), w.value(), plain, diagnostics);
                }
            });
        }
    }

    private static void effects(Description description, List<Effect> effects, ValueWidth widths,
            Diagnostics diagnostics) {
        BehaviourSupport.forEachEffect(effects, effect -> {
            if (effect instanceof Effect.Assign a) {
                check(description, a.target(), a.value(), widths, diagnostics);
            }
        });
    }

    /** In an address fault's handler {@code iova} is whatever the master sent: its width is not known. */
    private static void redirects(Description description, FaultHandler handler, Diagnostics diagnostics) {
        // an address fault's IOVA is whatever 64-bit value the master sent
        ValueWidth widths = handler.handles(FaultKind.ADDRESS) ? ValueWidth.anyIova(description)
                : new ValueWidth(description, Optional.empty());
        int oa = description.oaBitsValue();
        BehaviourSupport.forEachEffect(handler.effects(), effect -> {
            if (!(effect instanceof Effect.Redirect r)) {
                return;
            }
            OptionalInt needed = widths.of(r.address());
            if (oa < 1 || oa >= 64 || needed.isEmpty() || needed.getAsInt() <= oa) {
                return;
            }
            String what = BehaviourSupport.shortText(r.address(), "the redirect address");
            String upTo = Exprs.constant(r.address()).isPresent() ? "" : "up to ";
            diagnostics.error(Code.E0503, r.address().span(), what + " needs " + upTo + needed.getAsInt()
                    + " bits but the output address has " + oa + " ('oa " + oa + "'); mask it to the output width");
        });
    }

    private static void check(Description description, RegRef target, Expr value, ValueWidth widths,
            Diagnostics diagnostics) {
        OptionalInt targetWidth = targetWidth(description, target);
        if (targetWidth.isEmpty()) {
            return;
        }
        OptionalInt needed = widths.of(value);
        if (needed.isEmpty() || needed.getAsInt() <= targetWidth.getAsInt()) {
            return;
        }
        OptionalLong constant = Exprs.constant(value);
        String what = BehaviourSupport.shortText(value, "the value");
        String message = constant.isPresent()
                ? what + " needs " + needed.getAsInt() + " bits but " + target.text() + " has "
                        + targetWidth.getAsInt()
                : what + " needs up to " + needed.getAsInt() + " bits but " + target.text() + " has "
                        + targetWidth.getAsInt();
        diagnostics.error(Code.E0503, value.span(), message);
    }

    private static OptionalInt targetWidth(Description description, RegRef target) {
        Optional<Register> register = BehaviourSupport.register(description, target);
        if (register.isEmpty()) {
            return OptionalInt.empty();
        }
        int width = register.get().widthValue();
        if (target.field().isPresent()) {
            Optional<Field> field = BehaviourSupport.field(register.get(), target);
            if (field.isEmpty()) {
                return OptionalInt.empty();
            }
            width = field.get().bits().width();
        }
        return width >= 1 && width <= 64 ? OptionalInt.of(width) : OptionalInt.empty();
    }
}
