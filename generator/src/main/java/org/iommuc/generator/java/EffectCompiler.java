package org.iommuc.generator.java;

import com.palantir.javapoet.CodeBlock;
import java.util.List;
import java.util.OptionalLong;
import org.iommuc.dsl.model.CacheKind;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Effect;
import org.iommuc.dsl.model.Register;
import org.iommuc.dsl.model.RegRef;
import org.iommuc.dsl.model.TranslationMode;

/**
 * Compiles the effects of behaviour rules and fault handlers to Java statements that call the
 * engine (docs/model-semantics.md, section 4), in the order written: each effect's arguments
 * are evaluated when it runs, so it sees what earlier effects did.
 */
final class EffectCompiler {

    /**
     * What a {@code stall;}, {@code abort;} or {@code redirect ...;} compiles to, given the name
     * of its {@code FaultAction} constant: nothing, or an assignment to a local. (A redirect's
     * {@code redirect(address)} call is compiled where it stands, whatever this gives.)
     */
    interface Actions {
        CodeBlock action(String action);
    }

    /** Rules have no fault action (the checks forbid one there). */
    static final Actions NO_ACTIONS = action -> CodeBlock.of("");

    private final Description description;
    private final Naming naming;
    private final ModelParts parts;
    private final ExprCompiler expressions;

    EffectCompiler(Description description, Naming naming, ModelParts parts, ExprCompiler expressions) {
        this.description = description;
        this.naming = naming;
        this.parts = parts;
        this.expressions = expressions;
    }

    CodeBlock effects(List<Effect> effects, ExprCompiler.Context c, Actions actions) {
        CodeBlock.Builder code = CodeBlock.builder();
        for (Effect e : effects) {
            code.add(effect(e, c, actions));
        }
        return code.build();
    }

    private CodeBlock effect(Effect e, ExprCompiler.Context c, Actions actions) {
        if (e instanceof Effect.Translation t) {
            return CodeBlock.builder().addStatement("setTranslation($T.$L)", RuntimeTypes.TRANSLATION_MODE,
                    mode(t.mode())).build();
        }
        if (e instanceof Effect.Stall s) {
            return CodeBlock.builder().addStatement("setStall($L)", s.on()).build();
        }
        if (e instanceof Effect.Invalidate i) {
            return invalidate(i, c);
        }
        if (e instanceof Effect.Reset) {
            return CodeBlock.builder().addStatement("resetAll()").build();
        }
        if (e instanceof Effect.FaultDone f) {
            return CodeBlock.builder().addStatement(f.resume() ? "faultResume()" : "faultAbort()").build();
        }
        if (e instanceof Effect.FaultAction a) {
            return actions.action(actionName(a));
        }
        if (e instanceof Effect.Redirect r) {
            return CodeBlock.builder().addStatement("redirect($L)", expressions.value(r.address(), c))
                    .add(actions.action(actionName(r))).build();
        }
        if (e instanceof Effect.Assign a) {
            return assign(a, c);
        }
        if (e instanceof Effect.If i) {
            return conditional(i, c, actions);
        }
        throw new ExprCompiler.Unsupported(e.span(), "this effect was not recognised");
    }

    private static String mode(TranslationMode mode) {
        return switch (mode) {
            case ON -> "ON";
            case BYPASS -> "BYPASS";
            default -> "BLOCK";
        };
    }

    private CodeBlock invalidate(Effect.Invalidate i, ExprCompiler.Context c) {
        String cache = i.cache() == CacheKind.TLB ? "Tlb" : "WalkCache";
        String scope = JavaNames.type(i.scope().keyword());
        CodeBlock.Builder args = CodeBlock.builder();
        for (int n = 0; n < i.args().size(); n++) {
            args.add(n == 0 ? "$L" : ", $L", expressions.value(i.args().get(n), c));
        }
        return CodeBlock.builder().addStatement("invalidate$L$L($L)", cache, scope, args.build()).build();
    }

    /** {@code REG = e;}, {@code REG.F = e;}, {@code REG[i].F = e;}: setReg, cut and placed. */
    private CodeBlock assign(Effect.Assign a, ExprCompiler.Context c) {
        RegRef target = a.target();
        Register register = description.register(target.register().text()).orElseThrow();
        Naming.RegisterNames names = naming.register(register.name().text());
        CodeBlock value = expressions.value(a.value(), c);
        Naming.FieldNames field = target.field().map(f -> names.fields().get(f.text())).orElse(null);
        if (register.isArray() && target.index().isEmpty()) {
            throw new ExprCompiler.Unsupported(target.span(), "an assignment to array " + register.name().text()
                    + " must name an element");
        }
        if (target.index().isEmpty()) {
            return setSlot(names, 0, field, value);
        }
        OptionalLong constant = ExprCompiler.constant(target.index().get());
        if (constant.isPresent()) {
            if (Long.compareUnsigned(constant.getAsLong(), register.countValue()) >= 0) {
                return CodeBlock.of("// $L has no element $L: nothing to set\n", register.name().text(),
                        Long.toUnsignedString(constant.getAsLong()));
            }
            return setSlot(names, (int) constant.getAsLong(), field, value);
        }
        return setElement(names, expressions.value(target.index().get(), c), field, value);
    }

    private CodeBlock setSlot(Naming.RegisterNames names, int element, Naming.FieldNames field, CodeBlock value) {
        CodeBlock slot = element == 0 ? CodeBlock.of("$N", parts.ref(names.slot()))
                : CodeBlock.of("$N + $L", parts.ref(names.slot()), element);
        if (field == null) {
            return CodeBlock.builder().addStatement("setReg($L,$W$L)", slot, value).build();
        }
        parts.useSetField();
        return CodeBlock.builder().addStatement("setField($L, $N,$W$N,$W$L)", slot, parts.ref(field.mask()),
                parts.ref(field.shift()), value).build();
    }

    private CodeBlock setElement(Naming.RegisterNames names, CodeBlock index, Naming.FieldNames field,
            CodeBlock value) {
        if (field == null) {
            return CodeBlock.builder().addStatement("setRegElement($N, $N,$W$L,$W$L)", parts.ref(names.slot()),
                    parts.ref(names.count()), index, value).build();
        }
        parts.useSetElementField();
        return CodeBlock.builder().addStatement("setElementField($N, $N,$W$L,$W$N,$W$N,$W$L)", parts.ref(names.slot()),
                parts.ref(names.count()), index, parts.ref(field.mask()), parts.ref(field.shift()), value).build();
    }

    private CodeBlock conditional(Effect.If i, ExprCompiler.Context c, Actions actions) {
        CodeBlock then = effects(i.then(), c, actions);
        CodeBlock otherwise = effects(i.otherwise(), c, actions);
        if (then.isEmpty() && otherwise.isEmpty()) {
            return CodeBlock.of("");
        }
        CodeBlock.Builder code = CodeBlock.builder();
        if (then.isEmpty()) {
            code.beginControlFlow("if ($L)", ExprCompiler.not(expressions.conditionJ(i.condition(), c)).code());
            return code.add(otherwise).endControlFlow().build();
        }
        code.beginControlFlow("if ($L)", expressions.condition(i.condition(), c)).add(then);
        List<Effect> rest = i.otherwise();
        while (rest.size() == 1 && rest.get(0) instanceof Effect.If next) {
            CodeBlock nextThen = effects(next.then(), c, actions);
            if (nextThen.isEmpty()) {
                break;
            }
            code.nextControlFlow("else if ($L)", expressions.condition(next.condition(), c)).add(nextThen);
            rest = next.otherwise();
        }
        CodeBlock last = effects(rest, c, actions);
        if (!last.isEmpty()) {
            code.nextControlFlow("else").add(last);
        }
        return code.endControlFlow().build();
    }

    /** True for a fault action: {@code stall;}, {@code abort;} or {@code redirect ...;}. */
    static boolean isAction(Effect e) {
        return e instanceof Effect.FaultAction || e instanceof Effect.Redirect;
    }

    /** The {@code FaultAction} constant of a fault action. */
    static String actionName(Effect action) {
        if (action instanceof Effect.FaultAction a) {
            return a.stall() ? "STALL" : "ABORT";
        }
        return "REDIRECT";
    }

    /** True when the effects hold a fault action inside an {@code if}. */
    static boolean hasNestedAction(List<Effect> effects) {
        for (Effect e : effects) {
            if (e instanceof Effect.If i && (hasAction(i.then()) || hasAction(i.otherwise()))) {
                return true;
            }
        }
        return false;
    }

    static boolean hasAction(List<Effect> effects) {
        for (Effect e : effects) {
            if (isAction(e)
                    || e instanceof Effect.If i && (hasAction(i.then()) || hasAction(i.otherwise()))) {
                return true;
            }
        }
        return false;
    }
}
