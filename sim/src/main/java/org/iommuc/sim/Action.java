package org.iommuc.sim;

import java.util.List;
import org.iommuc.dsl.model.Expr;
import org.iommuc.dsl.model.InvalidateScope;
import org.iommuc.runtime.TranslationMode;

/**
 * An effect of a behaviour rule or a fault handler, resolved once against the register layout
 * so that running it needs no name lookup. {@link InterpretedModel} runs them.
 */
sealed interface Action {

    /** {@code translation on|bypass|block;} */
    record SetTranslation(TranslationMode mode) implements Action {}

    /** {@code stall on|off;} */
    record SetStall(boolean on) implements Action {}

    /** {@code invalidate tlb|walkcache SCOPE(ARGS);} */
    record Invalidate(boolean walkCache, InvalidateScope scope, List<Expr> args) implements Action {}

    /** {@code reset;} */
    record Reset() implements Action {}

    /** {@code fault resume;} or {@code fault abort;} */
    record FinishFault(boolean resume) implements Action {}

    /** {@code stall;} or {@code abort;} in a fault handler. */
    record ChooseFaultAction(boolean stall) implements Action {}

    /** {@code redirect address;} in a fault handler. */
    record Redirect(Expr address) implements Action {}

    /** {@code REG[i].FIELD = value;} */
    record Assign(RegisterTarget target, Expr value) implements Action {}

    /** {@code if c { ... } else { ... }} */
    record If(Expr condition, List<Action> then, List<Action> otherwise) implements Action {}
}
