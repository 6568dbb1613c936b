package org.iommuc.sim;

import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.semantics.ModelSettings;
import org.iommuc.dsl.semantics.RegisterLayout;
import org.iommuc.runtime.IommuEngine;
import org.iommuc.runtime.ModelConfig;
import org.iommuc.runtime.PhysicalMemory;
import org.iommuc.runtime.RegisterMap;
import org.iommuc.runtime.SystemMemory;
import org.iommuc.runtime.TranslationMode;
import org.iommuc.runtime.WalkerView;

/**
 * Runs any checked description as a hardware model, without generating code. The model has the
 * meaning docs/model-semantics.md gives a description, event for event the same as a generated
 * model of it, so either is the other's oracle in differential runs ({@link Differential}).
 *
 * <pre>{@code
 * Description d = Frontend.compile(List.of(path)).descriptions().get(0);
 * IommuModel model = Interpreter.model(d, SimOptions.defaults());
 * model.mmioWrite(0x08, 32, 0);          // what the description's rules make of it
 * long oa = model.translate(0, 0x1000, false);
 * }</pre>
 *
 * <p>The model is total: any operation on it, whatever the addresses and values, ends in a bus
 * error, a fault or an outcome recorded in its trace, never in an exception. It is slower than
 * a generated model (every expression is interpreted), but precomputes what does not change
 * while it runs.
 */
public final class Interpreter {

    private Interpreter() {}

    /** A model of a checked description, with strict caches. */
    public static IommuEngine model(Description description) {
        return model(description, SimOptions.defaults());
    }

    /**
     * A model of a checked description.
     *
     * @throws IllegalArgumentException when the description has no walk (it was not checked)
     */
    public static IommuEngine model(Description description, SimOptions options) {
        CompiledDescription compiled = new CompiledDescription(description);
        ModelConfig config = config(compiled.settings);
        SystemMemory memory = new SystemMemory(new PhysicalMemory(Math.max(12, Math.min(64, config.oaBits()))),
                config.walker());
        return new InterpretedModel(compiled, config, registerMap(compiled.layout), memory, options.strict());
    }

    /** The register map of a description (docs/model-semantics.md, section 1). */
    public static RegisterMap registerMap(Description description) {
        return registerMap(RegisterLayout.of(description));
    }

    /** The engine configuration of a description (docs/model-semantics.md, section 2). */
    public static ModelConfig config(Description description) {
        return config(ModelSettings.of(description));
    }

    static RegisterMap registerMap(RegisterLayout layout) {
        RegisterMap.Builder b = RegisterMap.builder();
        for (RegisterLayout.Slot s : layout.slots()) {
            b.add(s.name(), s.offset(), s.width(), s.reset()).writable(s.writable()).w1c(s.w1c())
                    .readToClear(s.readToClear()).selfClearing(s.selfClearing());
            if (s.writeOnly()) {
                b.writeOnly();
            }
            if (s.computed()) {
                b.computed();
            }
            if (s.losesPower()) {
                b.losesPower();
            }
            if (s.clearsTarget() >= 0) {
                b.clears(s.clearsTarget());
            }
            if (s.readView()) {
                b.readView();
            }
            if (s.writeView()) {
                b.writeView();
            }
        }
        return b.build();
    }

    static ModelConfig config(ModelSettings s) {
        return new ModelConfig(s.name(), s.iovaBits(), s.oaBits(), s.apertureFirst(), s.apertureLast(), s.pageShifts(),
                s.tlbByMaster(), s.walkCacheByMaster(), s.tlbCapacity(), s.walkCacheCapacity(), translationMode(s.resetTranslation()),
                s.losesStateOnPowerOff(), s.interruptNames().toArray(new String[0]), walkerView(s.walker()),
                s.masters());
    }

    private static TranslationMode translationMode(String keyword) {
        for (TranslationMode m : TranslationMode.values()) {
            if (m.word().equals(keyword)) {
                return m;
            }
        }
        return TranslationMode.BYPASS;
    }

    private static WalkerView walkerView(String keyword) {
        for (WalkerView v : WalkerView.values()) {
            if (v.name().equalsIgnoreCase(keyword)) {
                return v;
            }
        }
        return WalkerView.COHERENT;
    }
}
