package org.iommuc.generator.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import javax.lang.model.element.Modifier;
import org.iommuc.dsl.model.AllowRule;
import org.iommuc.dsl.model.BinaryOp;
import org.iommuc.dsl.model.Bypass;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Direction;
import org.iommuc.dsl.model.Effect;
import org.iommuc.dsl.model.EntryKind;
import org.iommuc.dsl.model.Expr;
import org.iommuc.dsl.model.Exprs;
import org.iommuc.dsl.model.FaultHandler;
import org.iommuc.dsl.model.FaultKind;
import org.iommuc.dsl.model.Format;
import org.iommuc.dsl.model.Ident;
import org.iommuc.dsl.model.Interrupt;
import org.iommuc.dsl.model.Level;
import org.iommuc.dsl.model.Register;
import org.iommuc.dsl.model.Rule;
import org.iommuc.dsl.model.Setting;
import org.iommuc.dsl.model.Var;
import org.iommuc.dsl.semantics.ModelSettings;
import org.iommuc.dsl.semantics.RegisterLayout;
import org.iommuc.generator.java.ExprCompiler.J;
import org.iommuc.generator.java.ExprCompiler.Kind;

/**
 * {@code <Name>Model}: the hardware model of one description, a subclass of the runtime's
 * {@code IommuEngine} that implements the seven hooks as docs/model-semantics.md says: behaviour
 * rules as a switch on the register slot and one method per rule, computed registers, the walk
 * unrolled into one method per level and per leaf kind (no loops over levels, no maps, no boxing,
 * no allocation), permission rules, fault handlers and interrupt lines, and the bypass condition
 * when the description has a {@code bypass if} item.
 */
final class ModelGenerator {

    private static final TypeName FAULT_ACTION = RuntimeTypes.FAULT_ACTION;

    private final Description description;
    private final Naming naming;
    private final RegisterLayout layout;
    private final ModelSettings settings;
    private final ModelParts parts;
    private final ExprCompiler expressions;
    private final EffectCompiler effects;
    private final JavaNames.Scope fields;
    private final JavaNames.Scope methods = new JavaNames.Scope(RuntimeTypes.ENGINE_METHODS);
    private final ClassName registers;
    private final List<Level> levels;
    private final Map<String, String> levelConstants = new LinkedHashMap<>();
    private final Map<String, String> formatConstants = new LinkedHashMap<>();
    private final Map<String, String> allowMethods = new LinkedHashMap<>();
    private final List<MethodSpec> helpers = new ArrayList<>();

    ModelGenerator(Description description, Naming naming) {
        this.description = description;
        this.naming = naming;
        this.layout = RegisterLayout.of(description);
        this.settings = ModelSettings.of(description);
        this.registers = naming.registersType();
        this.parts = new ModelParts(registers);
        this.expressions = new ExprCompiler(description, naming, parts);
        this.effects = new EffectCompiler(description, naming, parts, expressions);
        this.fields = new JavaNames.Scope(naming.registersMemberNames());
        this.levels = description.levels();
    }

    JavaFile generate() {
        String registerMapName = fields.allocate("REGISTERS");
        String configName = fields.allocate("CONFIG");
        TypeSpec.Builder type = TypeSpec.classBuilder(naming.modelType())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(RuntimeTypes.ENGINE)
                .addJavadoc("$L", classDoc());
        type.addField(registerMap(registerMapName));
        type.addField(config(configName));
        List<FieldSpec> lines = interruptConstants();
        nameLevelsAndFormats();
        planComputedRegisters();
        for (Rule r : description.rules()) {
            if (!ruleSlots(r).isEmpty()) {
                ruleMethod(r);
            }
        }
        List<MethodSpec> body = new ArrayList<>();
        body.add(onAccess(Direction.WRITE));
        if (hasRules(Direction.READ)) {
            body.add(onAccess(Direction.READ));
        }
        body.addAll(ruleMethods());
        if (!computedRegisters().isEmpty()) {
            body.add(computedHook());
            body.addAll(computedMethods());
        }
        body.addAll(walk());
        description.bypass().ifPresent(b -> body.add(bypasses(b)));
        body.addAll(permits());
        body.addAll(faults());
        body.add(interruptLines(lines));
        type.addFields(lines);
        addLevelAndFormatConstants(type);
        type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                .addJavadoc("A model on {@code memory}. With {@code strict}, the TLB and the walk cache keep every entry "
                        + "until an invalidation the description allows removes it; otherwise they keep as many as "
                        + "their capacities.")
                .addParameter(RuntimeTypes.SYSTEM_MEMORY, "memory").addParameter(TypeName.BOOLEAN, "strict")
                .addCode(description.bypass().isPresent()
                        ? CodeBlock.builder().addStatement("super($N, $N, memory, strict, true)", configName,
                                registerMapName).build()
                        : CodeBlock.builder().addStatement("super($N, $N, memory, strict)", configName,
                                registerMapName).build())
                .build());
        type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                .addJavadoc("A model on {@code memory}, seen by the walker as this IOMMU's walker sees it ($L).",
                        settings.walker())
                .addParameter(RuntimeTypes.PHYSICAL_MEMORY, "memory").addParameter(TypeName.BOOLEAN, "strict")
                .addStatement("this(new $T(memory, $N.walker()), strict)", RuntimeTypes.SYSTEM_MEMORY, configName)
                .build());
        type.addMethods(body);
        addFieldHelpers(type);
        JavaFile.Builder file = JavaFiles.builder(description, naming.packageName(), type.build());
        if (!parts.staticImports().isEmpty()) {
            file.addStaticImport(registers, parts.staticImports().toArray(new String[0]));
        }
        return file.build();
    }

    private String classDoc() {
        String doc = description.doc().isBlank() ? "" : Docs.javadoc(description.doc()) + "\n<p>";
        return doc + Docs.javadoc("The hardware model of iommu " + description.name().text()
                + ", on the iommuc runtime. Program it as a driver programs the hardware: registers through MMIO (offsets in "
                + registers.simpleName() + "), page tables through memory.");
    }

    // ---------------------------------------------------------------------------------------
    // The register map and the configuration

    private FieldSpec registerMap(String name) {
        CodeBlock.Builder init = CodeBlock.builder().add("$T.builder()\n$>$>", RuntimeTypes.REGISTER_MAP);
        for (RegisterLayout.Slot s : layout.slots()) {
            Naming.RegisterNames names = naming.register(s.register());
            long elementOffset = s.offset() - description.register(s.register()).get().offsetValue();
            CodeBlock offset = elementOffset == 0 ? CodeBlock.of("$N", parts.ref(names.offset()))
                    : CodeBlock.of("$N + $L", parts.ref(names.offset()), Literals.hex(elementOffset));
            init.add(".add($S, $L, $L, $L)", s.name(), offset, s.width(), Literals.hex(s.reset()));
            addSlotProperties(init, s);
            init.add("\n");
        }
        init.add(".build()$<$<");
        return FieldSpec.builder(RuntimeTypes.REGISTER_MAP, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The registers, one slot per register (per element of an array), with what software access "
                        + "does to each bit (docs/model-semantics.md, section 1).")
                .initializer(init.build()).build();
    }

    private void addSlotProperties(CodeBlock.Builder init, RegisterLayout.Slot s) {
        long widthMask = s.width() >= 64 ? -1L : (1L << s.width()) - 1;
        if (s.writable() != widthMask) {
            init.add("$Z.writable($L)", Literals.hex(s.writable()));
        }
        if (s.w1c() != 0) {
            init.add("$Z.w1c($L)", Literals.hex(s.w1c()));
        }
        if (s.readToClear() != 0) {
            init.add("$Z.readToClear($L)", Literals.hex(s.readToClear()));
        }
        if (s.selfClearing() != 0) {
            init.add("$Z.selfClearing($L)", Literals.hex(s.selfClearing()));
        }
        if (s.writeOnly()) {
            init.add("$Z.writeOnly()");
        }
        if (s.computed()) {
            init.add("$Z.computed()");
        }
        if (s.losesPower()) {
            init.add("$Z.losesPower()");
        }
        if (s.clearsTarget() >= 0) {
            RegisterLayout.Slot target = layout.slots().get(s.clearsTarget());
            String slot = naming.register(target.register()).slot();
            init.add("$Z.clears($N)", parts.ref(slot));
        }
        if (s.readView()) {
            init.add("$Z.readView()");
        }
        if (s.writeView()) {
            init.add("$Z.writeView()");
        }
    }

    private FieldSpec config(String name) {
        CodeBlock.Builder shifts = CodeBlock.builder();
        for (int shift : settings.pageShifts()) {
            shifts.add(shifts.isEmpty() ? "$L" : ", $L", shift);
        }
        CodeBlock.Builder interrupts = CodeBlock.builder();
        for (String line : settings.interruptNames()) {
            interrupts.add(interrupts.isEmpty() ? "$S" : ", $S", line);
        }
        CodeBlock init = CodeBlock.builder()
                .add("new $T(\n$>$>", RuntimeTypes.MODEL_CONFIG)
                .add("$S,\n", settings.name())
                .add("$L, // IOVA bits\n", settings.iovaBits())
                .add("$L, // output address bits\n", settings.oaBits())
                .add("$L, // aperture first\n", Literals.hex(settings.apertureFirst()))
                .add("$L, // aperture last\n", Literals.hex(settings.apertureLast()))
                .add("new int[] {$L}, // page shifts: leaf pages$L\n", shifts.build(),
                        settings.tlbCachesInvalid() ? " and level covers" : "")
                .add("$L, // TLB tagged by master\n", settings.tlbByMaster())
                .add("$L, // walk cache tagged by master\n", settings.walkCacheByMaster())
                .add("$L, // TLB capacity (0: unbounded)\n", settings.tlbCapacity())
                .add("$L, // walk cache capacity (0: unbounded)\n", settings.walkCacheCapacity())
                .add("$T.$L, // translation at reset\n", RuntimeTypes.TRANSLATION_MODE,
                        settings.resetTranslation().toUpperCase(java.util.Locale.ROOT))
                .add("$L, // power off loses state\n", settings.losesStateOnPowerOff())
                .add("new String[] {$L}, // interrupt lines\n", interrupts.build())
                .add("$T.$L, // walker\n", RuntimeTypes.WALKER_VIEW, settings.walker().toUpperCase(java.util.Locale.ROOT))
                .add("$L // masters\n$<$<)", settings.masters())
                .build();
        return FieldSpec.builder(RuntimeTypes.MODEL_CONFIG, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("What the engine needs besides the registers (docs/model-semantics.md, section 2).")
                .initializer(init).build();
    }

    private List<FieldSpec> interruptConstants() {
        List<FieldSpec> lines = new ArrayList<>();
        List<Interrupt> interrupts = description.interrupts();
        for (int i = 0; i < interrupts.size(); i++) {
            Interrupt irq = interrupts.get(i);
            String doc = (irq.doc().isBlank() ? "" : Docs.javadoc(irq.doc()) + "\n<p>") + "Interrupt line "
                    + Docs.code(irq.name().text() + " = " + Exprs.text(irq.condition())) + ", for {@code interrupt(line)}.";
            lines.add(FieldSpec.builder(TypeName.INT, fields.allocate(JavaNames.constant(irq.name().text()) + "_LINE"),
                    Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL).addJavadoc("$L", doc).initializer("$L", i).build());
        }
        return lines;
    }

    /** Level numbers and format indexes get constants; only those the code uses are declared. */
    private void nameLevelsAndFormats() {
        for (Level l : levels) {
            levelConstants.put(l.name().text(), fields.allocate(JavaNames.constant(l.name().text()) + "_LEVEL"));
        }
        for (Format f : description.formats()) {
            formatConstants.put(f.name().text(), fields.allocate(JavaNames.constant(f.name().text()) + "_FORMAT"));
        }
    }

    private final Set<String> usedFormatConstants = new java.util.HashSet<>();

    private String formatConstant(String format) {
        usedFormatConstants.add(format);
        return formatConstants.get(format);
    }

    private void addLevelAndFormatConstants(TypeSpec.Builder type) {
        for (int i = 0; i < levels.size(); i++) {
            type.addField(FieldSpec.builder(TypeName.INT, levelConstants.get(levels.get(i).name().text()),
                    Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("Level $L, numbered from 0 in the order written.", levels.get(i).name().text())
                    .initializer("$L", i).build());
        }
        List<Format> formats = description.formats();
        for (int i = 0; i < formats.size(); i++) {
            if (usedFormatConstants.contains(formats.get(i).name().text())) {
                type.addField(FieldSpec.builder(TypeName.INT, formatConstants.get(formats.get(i).name().text()),
                        Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("Format $L: its position in the description's format list (a cached entry's kind).",
                                formats.get(i).name().text())
                        .initializer("$L", i).build());
            }
        }
    }

    // ---------------------------------------------------------------------------------------
    // Behaviour rules

    private boolean hasRules(Direction direction) {
        for (Rule r : description.rules()) {
            if (r.trigger() == direction) {
                return true;
            }
        }
        return false;
    }

    private final Map<Rule, String> ruleMethods = new LinkedHashMap<>();

    private String ruleMethod(Rule r) {
        return ruleMethods.computeIfAbsent(r, rule -> methods.allocate(ruleName(rule)));
    }

    /** {@code onWriteCommandCmdIsZapCache} for {@code on write COMMAND.CMD == ZAP_CACHE}. */
    private static String ruleName(Rule r) {
        StringBuilder name = new StringBuilder(r.trigger() == Direction.WRITE ? "onWrite" : "onRead");
        name.append(JavaNames.type(r.target().register().text()));
        OptionalLong element = r.target().index().map(ExprCompiler::constant).orElse(OptionalLong.empty());
        element.ifPresent(i -> name.append("Element").append(Long.toUnsignedString(i)));
        r.target().field().ifPresent(f -> name.append(JavaNames.type(f.text())));
        if (r.compare().isPresent() && r.value().isPresent()) {
            name.append(r.compare().get() == BinaryOp.EQ ? "Is" : "IsNot");
            String value = Exprs.text(r.value().get());
            if (value.matches("[0-9][A-Za-z0-9]*")) {
                name.append(value);
            } else if (value.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                name.append(JavaNames.type(value));
            }
        }
        return name.toString();
    }

    /** The slots a rule fires on: its register's, its element's, or every element of an array. */
    private List<Integer> ruleSlots(Rule r) {
        Register register = description.register(r.target().register().text()).orElseThrow();
        int first = layout.firstSlot(register.name().text());
        List<Integer> slots = new ArrayList<>();
        if (r.target().index().isEmpty()) {
            for (int e = 0; e < register.countValue(); e++) {
                slots.add(first + e);
            }
            return slots;
        }
        OptionalLong index = ExprCompiler.constant(r.target().index().get());
        if (index.isEmpty()) {
            throw new ExprCompiler.Unsupported(r.target().span(), "a rule on an element of "
                    + register.name().text() + " needs a constant index");
        }
        if (Long.compareUnsigned(index.getAsLong(), register.countValue()) < 0) {
            slots.add(first + (int) index.getAsLong());
        }
        return slots;
    }

    private MethodSpec onAccess(Direction direction) {
        boolean write = direction == Direction.WRITE;
        MethodSpec.Builder m = MethodSpec.methodBuilder(write ? "onWrite" : "onRead").addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED).addParameter(TypeName.INT, "slot").addParameter(TypeName.LONG, "value");
        Map<Integer, List<Rule>> bySlot = new java.util.TreeMap<>();
        for (Rule r : description.rules()) {
            if (r.trigger() == direction) {
                for (int slot : ruleSlots(r)) {
                    bySlot.computeIfAbsent(slot, s -> new ArrayList<>()).add(r);
                }
            }
        }
        if (bySlot.isEmpty()) {
            return m.addComment("iommu $L has no 'on $L' rules", description.name().text(), direction.keyword())
                    .build();
        }
        m.addJavadoc("The 'on $L' rules of the register accessed, in the order written.", direction.keyword());
        m.beginControlFlow("switch (slot)");
        for (Map.Entry<Integer, List<Rule>> e : bySlot.entrySet()) {
            CodeBlock label = slotLabel(e.getKey());
            if (e.getValue().size() == 1) {
                m.addStatement("case $L -> $N(value)", label, ruleMethod(e.getValue().get(0)));
                continue;
            }
            m.beginControlFlow("case $L ->", label);
            for (Rule r : e.getValue()) {
                m.addStatement("$N(value)", ruleMethod(r));
            }
            m.endControlFlow();
        }
        return m.endControlFlow().build();
    }

    /** {@code COMMAND_SLOT}, or {@code DM_AUT_CTRL_SLOT + 2} for an element. */
    private CodeBlock slotLabel(int slot) {
        RegisterLayout.Slot s = layout.slots().get(slot);
        String name = naming.register(s.register()).slot();
        int element = slot - layout.firstSlot(s.register());
        return element == 0 ? CodeBlock.of("$N", parts.ref(name)) : CodeBlock.of("$N + $L", parts.ref(name), element);
    }

    private List<MethodSpec> ruleMethods() {
        List<MethodSpec> out = new ArrayList<>();
        for (Rule r : description.rules()) {
            if (!ruleMethods.containsKey(r)) {
                continue;
            }
            out.add(ruleMethod(r, ruleMethods.get(r)));
        }
        return out;
    }

    private MethodSpec ruleMethod(Rule r, String name) {
        Register trigger = description.register(r.target().register().text()).orElseThrow();
        ExprCompiler.Context c = ruleContext(trigger);
        MethodSpec.Builder m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE)
                .addParameter(TypeName.LONG, "value")
                .addJavadoc("$L ($L).", Docs.code(ruleText(r)), where(r.span()));
        CodeBlock body = effects.effects(r.effects(), c, EffectCompiler.NO_ACTIONS);
        Optional<J> condition = ruleCondition(r, trigger, c);
        if (condition.isEmpty()) {
            return m.addCode(body).build();
        }
        return m.beginControlFlow("if ($L)", condition.get().code()).addCode(body).endControlFlow().build();
    }

    /** The comparison on the access value (or its field), then the guard. */
    private Optional<J> ruleCondition(Rule r, Register trigger, ExprCompiler.Context c) {
        J condition = null;
        if (r.compare().isPresent() && r.value().isPresent()) {
            J accessed = J.of(Kind.LONG, ExprCompiler.PRIMARY, "value");
            if (r.target().field().isPresent()) {
                Naming.FieldNames f = naming.register(trigger.name().text()).fields().get(r.target().field().get().text());
                accessed = J.of(Kind.LONG, ExprCompiler.SHIFT, "(value & $N) >>> $N", parts.ref(f.mask()),
                        parts.ref(f.shift()));
            }
            J expected = expressions.valueJ(r.value().get(), c);
            String op = r.compare().get() == BinaryOp.EQ ? "==" : "!=";
            condition = J.of(Kind.BOOLEAN, ExprCompiler.EQUALITY, "$L $L $L",
                    ExprCompiler.paren(accessed, ExprCompiler.ADDITIVE).code(), op,
                    ExprCompiler.paren(expected, ExprCompiler.ADDITIVE).code());
        }
        if (r.guard().isPresent()) {
            J guard = expressions.conditionJ(r.guard().get(), c);
            condition = condition == null ? guard : ExprCompiler.logical(BinaryOp.LOGICAL_AND, condition, guard);
        }
        return Optional.ofNullable(condition);
    }

    private static String ruleText(Rule r) {
        StringBuilder text = new StringBuilder("on ").append(r.trigger().keyword()).append(' ')
                .append(r.target().register().text());
        r.target().index().ifPresent(i -> text.append('[').append(Exprs.text(i)).append(']'));
        r.target().field().ifPresent(f -> text.append('.').append(f.text()));
        if (r.compare().isPresent() && r.value().isPresent()) {
            text.append(' ').append(r.compare().get().symbol()).append(' ').append(Exprs.text(r.value().get()));
        }
        r.guard().ifPresent(g -> text.append(" if ").append(Exprs.text(g)));
        return text.toString();
    }

    private static String where(org.iommuc.dsl.source.Span span) {
        return Docs.javadoc(span.isNone() ? "defaulted" : fileName(span.file()) + ":" + span.line());
    }

    private static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }

    private static ExprCompiler.Context ruleContext(Register trigger) {
        return new ExprCompiler.Context() {
            @Override
            public Optional<J> variable(Var var) {
                return var == Var.VALUE ? Optional.of(J.of(Kind.LONG, ExprCompiler.PRIMARY, "value")) : Optional.empty();
            }

            @Override
            public Register trigger() {
                return trigger;
            }
        };
    }

    /** Contexts without variables: computed registers, the root, interrupts. */
    private static final ExprCompiler.Context REGISTERS_ONLY = var -> Optional.empty();

    /** Fault handlers and permission rules: the transaction's variables. */
    private static Optional<J> transactionVariable(Var var, boolean withEntry) {
        return switch (var) {
            case IOVA -> Optional.of(J.of(Kind.LONG, ExprCompiler.PRIMARY, "iova"));
            case WRITE -> Optional.of(J.of(Kind.BOOLEAN, ExprCompiler.PRIMARY, "write"));
            case READ -> Optional.of(J.of(Kind.BOOLEAN, ExprCompiler.UNARY, "!write"));
            case MASTER -> Optional.of(J.of(Kind.INT, ExprCompiler.PRIMARY, "master"));
            case ENTRY -> withEntry ? Optional.of(J.of(Kind.LONG, ExprCompiler.PRIMARY, "entry")) : Optional.empty();
            default -> Optional.empty();
        };
    }

    // ---------------------------------------------------------------------------------------
    // Computed registers

    private List<Register> computedRegisters() {
        List<Register> computed = new ArrayList<>();
        for (Register r : description.registers()) {
            if (r.value().isPresent()) {
                computed.add(r);
            }
        }
        return computed;
    }

    private void planComputedRegisters() {
        for (Register r : computedRegisters()) {
            parts.computedMethod(r.name().text(), methods.allocate(JavaNames.method(r.name().text())));
        }
        ComputedCycles.check(description);
    }

    private MethodSpec computedHook() {
        MethodSpec.Builder m = MethodSpec.methodBuilder("computed").addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED).returns(TypeName.LONG).addParameter(TypeName.INT, "slot")
                .addJavadoc("The value of a computed register.")
                .addCode("return switch (slot) {\n$>");
        for (Register r : computedRegisters()) {
            int first = layout.firstSlot(r.name().text());
            CodeBlock.Builder labels = CodeBlock.builder();
            for (int e = 0; e < r.countValue(); e++) {
                labels.add(e == 0 ? "$L" : ", $L", slotLabel(first + e));
            }
            m.addStatement("case $L -> $N()", labels.build(), parts.computedMethod(r.name().text()));
        }
        m.addStatement("default -> 0");
        return m.addCode("$<};\n").build();
    }

    private List<MethodSpec> computedMethods() {
        List<MethodSpec> out = new ArrayList<>();
        for (Register r : computedRegisters()) {
            Expr value = r.value().get();
            CodeBlock code = expressions.value(value, REGISTERS_ONLY);
            if (Widths.bits(value, description) > r.widthValue()) {
                code = CodeBlock.of("($L) & $L", code, Literals.hex((1L << r.widthValue()) - 1));
            }
            out.add(MethodSpec.methodBuilder(parts.computedMethod(r.name().text())).addModifiers(Modifier.PRIVATE)
                    .returns(TypeName.LONG)
                    .addJavadoc("Computed register $L, cut to its $L bits.",
                            Docs.code(r.name().text() + " = " + Exprs.text(value)), r.widthValue())
                    .addStatement("return $L", code).build());
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------
    // The walk

    private List<MethodSpec> walk() {
        List<String> levelMethods = new ArrayList<>();
        for (Level l : levels) {
            levelMethods.add(methods.allocate("walk" + JavaNames.type(l.name().text())));
        }
        List<MethodSpec> out = new ArrayList<>();
        CodeBlock root = expressions.value(description.walk().get().root().get(), REGISTERS_ONLY);
        out.add(MethodSpec.methodBuilder("walk").addAnnotation(Override.class).addModifiers(Modifier.PROTECTED)
                .returns(TypeName.LONG).addParameter(TypeName.INT, "master").addParameter(TypeName.LONG, "iova")
                .addParameter(TypeName.BOOLEAN, "write")
                .addJavadoc("The walk after a TLB miss, from the root $L.",
                        Docs.code(Exprs.text(description.walk().get().root().get())))
                .addStatement("return $N(master, iova, write,$W$L)", levelMethods.get(0), root).build());
        for (int i = 0; i < levels.size(); i++) {
            String next = i + 1 < levels.size() ? levelMethods.get(i + 1) : null;
            out.add(new LevelWalk(i, levelMethods.get(i), next).method());
        }
        out.addAll(helpers);
        helpers.clear();
        return out;
    }

    /** The code of one level of the walk, and of its leaf kinds. */
    private final class LevelWalk {
        private final int number;
        private final Level level;
        private final String name;
        private final String next;
        private final String levelConstant;
        private final int entryBytes;
        private final boolean fixed;
        private final int cover;

        LevelWalk(int number, String name, String next) {
            this.number = number;
            this.level = levels.get(number);
            this.name = name;
            this.next = next;
            this.levelConstant = levelConstants.get(level.name().text());
            Format first = description.format(level.kinds().get(0).format().text()).orElseThrow();
            this.entryBytes = first.widthValue() / 8;
            this.fixed = level.isFixed();
            this.cover = fixed ? -1 : level.indexBits().get().low();
        }

        private boolean walkCached() {
            return settings.walkCacheLevels()[number];
        }

        MethodSpec method() {
            MethodSpec.Builder m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE).returns(TypeName.LONG)
                    .addParameter(TypeName.INT, "master").addParameter(TypeName.LONG, "iova")
                    .addParameter(TypeName.BOOLEAN, "write").addParameter(TypeName.LONG, "table")
                    .addJavadoc("$L", doc());
            if (walkCached()) {
                m.addStatement("int cached = lookupWalkCache(master, iova, $L)", cover)
                        .beginControlFlow("if (cached >= 0)");
                if (next == null) {
                    // only empty entries of the last level are cached: tables are filled by table kinds
                    m.addStatement("return fault($T.TRANSLATION, $N, walkCache().entry(cached))",
                            RuntimeTypes.FAULT_KIND, levelConstant);
                } else {
                    m.beginControlFlow("if (walkCache().isNegative(cached))")
                            .addStatement("return fault($T.TRANSLATION, $N, walkCache().entry(cached))",
                                    RuntimeTypes.FAULT_KIND, levelConstant)
                            .endControlFlow()
                            .addStatement("return $N(master, iova, write, walkCache().address(cached))", next);
                }
                m.endControlFlow();
            }
            m.addStatement("long address = $L", entryAddress());
            m.beginControlFlow("if (!entryInOa(table, address, $L))", entryBytes)
                    .addStatement("return fault($T.BUS, $N, 0)", RuntimeTypes.FAULT_KIND, levelConstant)
                    .endControlFlow();
            m.addStatement("long entry = readEntry($N, address, $L)", levelConstant, entryBytes);
            for (EntryKind kind : level.kinds()) {
                Format format = description.format(kind.format().text()).orElseThrow();
                CodeBlock taken = kindTaken(kind, format);
                if (format.tagMask() == 0) {
                    // a format without tags matches every entry: the kinds after it are never tried
                    return m.addCode(taken).build();
                }
                m.beginControlFlow("if ($T.matches(entry))", naming.codecType(format.name().text()))
                        .addCode(taken).endControlFlow();
            }
            if (settings.tlbCachesInvalid() && !fixed) {
                m.addStatement("fillTlb(master, iova, $L, 0, entry, -1, $N, true)", cover, levelConstant);
            }
            if (walkCached() && settings.walkCacheCachesInvalid()) {
                m.addStatement("fillWalkCache(master, iova, $L, 0, entry, -1, $N, true)", cover, levelConstant);
            }
            return m.addStatement("return fault($T.TRANSLATION, $N, entry)", RuntimeTypes.FAULT_KIND, levelConstant)
                    .build();
        }

        private String doc() {
            StringBuilder kinds = new StringBuilder();
            for (EntryKind k : level.kinds()) {
                kinds.append(kinds.length() == 0 ? "" : " | ").append(k.format().text())
                        .append(k.leaf() ? " leaf " + Exprs.sizeText(k.pageSizeValue()) : " table");
                if (k.contiguousValue() > 1) {
                    kinds.append(" contiguous ").append(k.contiguousValue());
                }
            }
            String index = fixed ? "entry " + level.fixedIndex().get().value()
                    : "the entry iova[" + level.indexBits().get() + "] selects";
            String doc = (level.doc().isBlank() ? "" : Docs.text(level.doc().strip()) + "\n<p>")
                    + Docs.text("Level " + level.name().text() + " (" + number + "): reads " + index
                    + " of the table at ") + "{@code table}; its kinds are " + Docs.code(kinds.toString()) + ".";
            return Docs.markup(doc);
        }

        /** {@code table + ((iova >>> 22) & 0x3FF) * 4}, or {@code table + N * bytes} for a fixed index. */
        private CodeBlock entryAddress() {
            if (fixed) {
                long offset = level.fixedIndex().map(Setting::value).orElse(0L) * entryBytes;
                return offset == 0 ? CodeBlock.of("table") : CodeBlock.of("table + $L", Literals.hex(offset));
            }
            int low = level.indexBits().get().low();
            long ones = level.indexBits().get().mask() >>> low;
            CodeBlock index = low == 0 ? CodeBlock.of("(iova & $L)", Literals.hex(ones))
                    : CodeBlock.of("((iova >>> $L) & $L)", low, Literals.hex(ones));
            return entryBytes == 1 ? CodeBlock.of("table + $L", index)
                    : CodeBlock.of("table + $L * $L", index, entryBytes);
        }

        /** What a matching kind does: go to the next level, or end the walk at a leaf. */
        private CodeBlock kindTaken(EntryKind kind, Format format) {
            ClassName codec = naming.codecType(format.name().text());
            CodeBlock.Builder code = CodeBlock.builder();
            if (kind.leaf()) {
                return code.addStatement("return $N(master, iova, write, entry$L)", leafMethod(kind, format, this),
                        settings.tlbLine() > 1 && settings.tlbCachesLeaf() ? ", address" : "").build();
            }
            if (!walkCached()) {
                return code.addStatement("return $N(master, iova, write, $T.address(entry))", next, codec).build();
            }
            return code.addStatement("long nextTable = $T.address(entry)", codec)
                    .addStatement("fillWalkCache(master, iova, $L, nextTable, entry,$W$N, $N, false)", cover,
                            formatConstant(format.name().text()), levelConstant)
                    .addStatement("return $N(master, iova, write, nextTable)", next).build();
        }
    }

    private final Map<String, String> leafMethodNames = new LinkedHashMap<>();

    /** The method for one leaf kind of one level, generated on first use. */
    private String leafMethod(EntryKind kind, Format format, LevelWalk walk) {
        String key = walk.level.name().text() + "/" + format.name().text();
        String existing = leafMethodNames.get(key);
        if (existing != null) {
            return existing;
        }
        boolean leafElsewhere = false;
        for (Level l : levels) {
            for (EntryKind k : l.kinds()) {
                leafElsewhere |= l != walk.level && k.leaf() && k.format().text().equals(format.name().text());
            }
        }
        String suggestion = leafElsewhere ? JavaNames.method(walk.level.name().text()) + JavaNames.type(format.name().text())
                + "Page" : JavaNames.method(format.name().text()) + "Page";
        String method = methods.allocate(suggestion);
        leafMethodNames.put(key, method);
        helpers.add(leaf(kind, format, walk, method));
        return method;
    }

    private MethodSpec leaf(EntryKind kind, Format format, LevelWalk walk, String method) {
        ClassName codec = naming.codecType(format.name().text());
        long pageSize = kind.pageSizeValue();
        int shift = 63 - Long.numberOfLeadingZeros(pageSize);
        boolean line = settings.tlbLine() > 1 && settings.tlbCachesLeaf();
        MethodSpec.Builder m = MethodSpec.methodBuilder(method).addModifiers(Modifier.PRIVATE).returns(TypeName.LONG)
                .addParameter(TypeName.INT, "master").addParameter(TypeName.LONG, "iova")
                .addParameter(TypeName.BOOLEAN, "write").addParameter(TypeName.LONG, "entry")
                .addJavadoc("A leaf of format $L at level $L maps a $L page$L: the walk ends here.", format.name().text(),
                        walk.level.name().text(), Exprs.sizeText(pageSize),
                        kind.contiguousValue() > 1 ? " (written to " + kind.contiguousValue() + " slots)" : "");
        if (line) {
            m.addParameter(TypeName.LONG, "address");
        }
        m.addStatement("long page = $T.address(entry)", codec);
        if (settings.tlbCachesLeaf()) {
            m.addStatement("fillTlb(master, iova, $L, page, entry, $N,$W$N, false)", shift,
                    formatConstant(format.name().text()), walk.levelConstant);
        }
        if (line) {
            m.addStatement("$N(master, iova, address)", lineMethod(walk));
        }
        String allows = allowMethod(format);
        if (allows != null) {
            m.beginControlFlow("if (!$N(entry, master, write, iova))", allows)
                    .addStatement("return fault($T.PERMISSION, $N, entry)", RuntimeTypes.FAULT_KIND, walk.levelConstant)
                    .endControlFlow();
        }
        return m.addStatement("return page + (iova & $L)", Literals.hex(pageSize - 1)).build();
    }

    private final Map<String, String> lineMethods = new LinkedHashMap<>();

    /**
     * The TLB fetches lines of N entries: after a leaf is cached, the other entries of its
     * aligned group are read in index order and cached as the walk would cache them.
     */
    private String lineMethod(LevelWalk walk) {
        String existing = lineMethods.get(walk.level.name().text());
        if (existing != null) {
            return existing;
        }
        String method = methods.allocate("fillLine" + JavaNames.type(walk.level.name().text()));
        lineMethods.put(walk.level.name().text(), method);
        int low = walk.level.indexBits().get().low();
        long entries = walk.level.indexBits().get().mask() >>> low;
        long group = Math.min(settings.tlbLine(), entries + 1);
        MethodSpec.Builder m = MethodSpec.methodBuilder(method).addModifiers(Modifier.PRIVATE)
                .addParameter(TypeName.INT, "master").addParameter(TypeName.LONG, "iova")
                .addParameter(TypeName.LONG, "address")
                .addJavadoc("The TLB caches lines of $L entries: reads the other entries of the aligned group around "
                        + "the one at {@code address} that lie in the output width, in index order, and caches each as "
                        + "the walk would.", group)
                .addStatement("long index = (iova >>> $L) & $L", low, Literals.hex(entries))
                .addStatement("long table = address - index * $L", walk.entryBytes)
                .addStatement("long first = index & ~$L", Literals.longNumber(group - 1))
                .beginControlFlow("for (long i = first; i < first + $L; i++)", group)
                .beginControlFlow("if (i == index || !entryInOa(table, table + i * $L, $L))", walk.entryBytes,
                        walk.entryBytes)
                .addStatement("continue").endControlFlow()
                .addStatement("long entry = readEntry($N, table + i * $L, $L)", walk.levelConstant, walk.entryBytes,
                        walk.entryBytes)
                .addStatement("long other = (iova & ~$L) | (i << $L)", Literals.hex(entries << low).endsWith("L")
                        ? Literals.hex(entries << low) : Literals.hex(entries << low) + "L", low);
        m.addCode(lineKinds(walk));
        helpers.add(m.endControlFlow().build());
        return method;
    }

    /** In a line: a leaf is cached at its own IOVA, an empty entry as empty, a table entry not at all. */
    private CodeBlock lineKinds(LevelWalk walk) {
        CodeBlock.Builder code = CodeBlock.builder();
        boolean open = false;
        for (EntryKind kind : walk.level.kinds()) {
            Format format = description.format(kind.format().text()).orElseThrow();
            ClassName codec = naming.codecType(format.name().text());
            boolean always = format.tagMask() == 0;
            if (always && open) {
                code.nextControlFlow("else");
            } else if (!always) {
                if (open) {
                    code.nextControlFlow("else if ($T.matches(entry))", codec);
                } else {
                    code.beginControlFlow("if ($T.matches(entry))", codec);
                }
                open = true;
            }
            if (kind.leaf()) {
                int shift = 63 - Long.numberOfLeadingZeros(kind.pageSizeValue());
                code.addStatement("fillTlb(master, other, $L, $T.address(entry), entry,$W$N, $N, false)", shift, codec,
                        formatConstant(format.name().text()), walk.levelConstant);
            } else {
                code.add("// a table entry is not cached in the TLB\n");
            }
            if (always) {
                return open ? code.endControlFlow().build() : code.build();
            }
        }
        if (settings.tlbCachesInvalid()) {
            code.nextControlFlow("else")
                    .addStatement("fillTlb(master, other, $L, 0, entry, -1, $N, true)", walk.cover, walk.levelConstant);
        }
        return code.endControlFlow().build();
    }

    // ---------------------------------------------------------------------------------------
    // Per-transaction bypass

    /** The {@code bypass if} condition, asked by the engine while translation is on. */
    private MethodSpec bypasses(Bypass bypass) {
        ExprCompiler.Context c = var -> transactionVariable(var, false);
        String doc = bypass.doc().isBlank() ? "" : Docs.javadoc(bypass.doc()) + "\n<p>";
        return MethodSpec.methodBuilder("bypasses").addAnnotation(Override.class).addModifiers(Modifier.PROTECTED)
                .returns(TypeName.BOOLEAN).addParameter(TypeName.INT, "master").addParameter(TypeName.LONG, "iova")
                .addParameter(TypeName.BOOLEAN, "write")
                .addJavadoc("$L$L ($L): while translation is on, a transaction for which it holds passes untranslated.",
                        doc, Docs.code("bypass if " + Exprs.text(bypass.condition())), where(bypass.span()))
                .addStatement("return $L", expressions.condition(bypass.condition(), c)).build();
    }

    // ---------------------------------------------------------------------------------------
    // Permission rules

    /** The method checking a leaf format's allow rules, or null when it allows everything. */
    private String allowMethod(Format format) {
        if (allowsEverything(format)) {
            return null;
        }
        return allowMethods.computeIfAbsent(format.name().text(),
                f -> methods.allocate("allows" + JavaNames.type(f)));
    }

    private static boolean allowsEverything(Format format) {
        for (AllowRule rule : format.allows()) {
            if (rule.condition().isPresent()) {
                return false;
            }
        }
        return true;
    }

    private List<MethodSpec> permits() {
        List<MethodSpec> out = new ArrayList<>();
        MethodSpec.Builder hook = MethodSpec.methodBuilder("permits").addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED).returns(TypeName.BOOLEAN)
                .addParameter(TypeName.LONG, "entry").addParameter(TypeName.INT, "kind")
                .addParameter(TypeName.INT, "master").addParameter(TypeName.BOOLEAN, "write")
                .addParameter(TypeName.LONG, "iova")
                .addJavadoc("The allow rules of a cached leaf's format ({@code kind} is its format index).");
        if (allowMethods.isEmpty()) {
            out.add(hook.addComment("no leaf format of iommu $L restricts access", description.name().text())
                    .addStatement("return true").build());
            return out;
        }
        hook.addCode("return switch (kind) {\n$>");
        for (Map.Entry<String, String> e : allowMethods.entrySet()) {
            hook.addStatement("case $N -> $N(entry, master, write, iova)", formatConstant(e.getKey()), e.getValue());
        }
        out.add(hook.addStatement("default -> true").addCode("$<};\n").build());
        for (Map.Entry<String, String> e : allowMethods.entrySet()) {
            out.add(allows(description.format(e.getKey()).orElseThrow(), e.getValue()));
        }
        return out;
    }

    private MethodSpec allows(Format format, String name) {
        ExprCompiler.Context c = new ExprCompiler.Context() {
            @Override
            public Optional<J> variable(Var var) {
                return transactionVariable(var, false);
            }

            @Override
            public Format format() {
                return format;
            }
        };
        List<String> rules = new ArrayList<>();
        for (AllowRule rule : format.allows()) {
            rules.add("allow " + rule.direction().keyword()
                    + rule.condition().map(e -> " if " + Exprs.text(e)).orElse(" always"));
        }
        MethodSpec.Builder m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE).returns(TypeName.BOOLEAN)
                .addParameter(TypeName.LONG, "entry").addParameter(TypeName.INT, "master")
                .addParameter(TypeName.BOOLEAN, "write").addParameter(TypeName.LONG, "iova")
                .addJavadoc("$L: $L; a direction without a rule is allowed.", format.name().text(),
                        Docs.code(String.join("; ", rules)));
        Optional<Expr> read = format.allow(Direction.READ).flatMap(AllowRule::condition);
        Optional<Expr> write = format.allow(Direction.WRITE).flatMap(AllowRule::condition);
        if (read.isPresent() && write.isPresent()) {
            return m.beginControlFlow("if (write)")
                    .addStatement("return $L", expressions.condition(write.get(), c))
                    .endControlFlow()
                    .addStatement("return $L", expressions.condition(read.get(), c)).build();
        }
        if (write.isPresent()) {
            J writeAllowed = expressions.conditionJ(write.get(), c);
            return m.addStatement("return $L", ExprCompiler.logical(BinaryOp.LOGICAL_OR,
                    J.of(Kind.BOOLEAN, ExprCompiler.UNARY, "!write"), writeAllowed).code()).build();
        }
        J readAllowed = expressions.conditionJ(read.get(), c);
        return m.addStatement("return $L", ExprCompiler.logical(BinaryOp.LOGICAL_OR,
                J.of(Kind.BOOLEAN, ExprCompiler.PRIMARY, "write"), readAllowed).code()).build();
    }

    // ---------------------------------------------------------------------------------------
    // Fault handlers

    private List<MethodSpec> faults() {
        List<MethodSpec> out = new ArrayList<>();
        MethodSpec.Builder hook = MethodSpec.methodBuilder("recordFault").addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED).returns(FAULT_ACTION)
                .addParameter(RuntimeTypes.FAULT_KIND, "kind").addParameter(TypeName.INT, "master")
                .addParameter(TypeName.LONG, "iova").addParameter(TypeName.BOOLEAN, "write")
                .addParameter(TypeName.INT, "level").addParameter(TypeName.LONG, "entry")
                .addJavadoc("The first fault handler, in the order written, that names the kind, includes the level "
                        + "and whose guard holds.");
        ExprCompiler.Context c = var -> transactionVariable(var, true);
        Set<FaultKind> settled = EnumSet.noneOf(FaultKind.class);
        for (FaultHandler h : description.faults()) {
            List<FaultKind> kinds = new ArrayList<>();
            for (Setting<FaultKind> k : h.kinds()) {
                if (!settled.contains(k.value()) && !kinds.contains(k.value())) {
                    kinds.add(k.value());
                }
            }
            if (kinds.isEmpty()) {
                continue;
            }
            String method = methods.allocate(handlerName(h));
            out.add(handler(h, method, c));
            List<J> tests = new ArrayList<>();
            tests.add(anyOf(kinds, k -> J.of(Kind.BOOLEAN, ExprCompiler.EQUALITY, "kind == $T.$L",
                    RuntimeTypes.FAULT_KIND, k.name())));
            if (!h.levels().isEmpty()) {
                tests.add(anyOf(h.levels(), l -> J.of(Kind.BOOLEAN, ExprCompiler.EQUALITY, "level == $N",
                        levelConstants.get(l.text()))));
            }
            h.guard().ifPresent(g -> tests.add(expressions.conditionJ(g, c)));
            J test = tests.get(0);
            for (int i = 1; i < tests.size(); i++) {
                test = ExprCompiler.logical(BinaryOp.LOGICAL_AND, test, tests.get(i));
            }
            hook.beginControlFlow("if ($L)", test.code())
                    .addStatement("return $N(master, iova, write, entry)", method).endControlFlow();
            if (h.levels().isEmpty() && h.guard().isEmpty()) {
                settled.addAll(kinds);
            }
        }
        hook.addStatement("return $T.UNHANDLED", FAULT_ACTION);
        out.add(0, hook.build());
        return out;
    }

    private static <T> J anyOf(List<T> items, java.util.function.Function<T, J> test) {
        J any = test.apply(items.get(0));
        for (int i = 1; i < items.size(); i++) {
            any = ExprCompiler.logical(BinaryOp.LOGICAL_OR, any, test.apply(items.get(i)));
        }
        return any;
    }

    /** {@code recordTranslationOrPermissionFault}, {@code recordTranslationFaultAtDt}. */
    private static String handlerName(FaultHandler h) {
        List<String> kinds = new ArrayList<>();
        for (Setting<FaultKind> k : h.kinds()) {
            kinds.add(JavaNames.type(k.value().keyword()));
        }
        List<String> levels = new ArrayList<>();
        for (Ident l : h.levels()) {
            levels.add(JavaNames.type(l.text()));
        }
        return "record" + String.join("Or", kinds) + "Fault" + (levels.isEmpty() ? "" : "At" + String.join("Or", levels));
    }

    private MethodSpec handler(FaultHandler h, String name, ExprCompiler.Context c) {
        MethodSpec.Builder m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE).returns(FAULT_ACTION)
                .addParameter(TypeName.INT, "master").addParameter(TypeName.LONG, "iova")
                .addParameter(TypeName.BOOLEAN, "write").addParameter(TypeName.LONG, "entry")
                .addJavadoc("$L ($L).", Docs.code(handlerText(h)), where(h.span()));
        List<Effect> list = h.effects();
        int lastTopAction = -1;
        for (int i = 0; i < list.size(); i++) {
            if (EffectCompiler.isAction(list.get(i))) {
                lastTopAction = i;
            }
        }
        boolean nestedAfter = EffectCompiler.hasNestedAction(list.subList(lastTopAction + 1, list.size()));
        if (!nestedAfter) {
            // the last top-level action always runs last: it is the handler's action
            String action = lastTopAction < 0 ? "ABORT" : EffectCompiler.actionName(list.get(lastTopAction));
            return m.addCode(effects.effects(list, c, EffectCompiler.NO_ACTIONS))
                    .addStatement("return $T.$L", FAULT_ACTION, action).build();
        }
        m.addStatement("$T action = $T.ABORT", FAULT_ACTION, FAULT_ACTION);
        m.addCode(effects.effects(list, c, action -> CodeBlock.builder()
                .addStatement("action = $T.$L", FAULT_ACTION, action).build()));
        return m.addStatement("return action").build();
    }

    private static String handlerText(FaultHandler h) {
        List<String> kinds = new ArrayList<>();
        for (Setting<FaultKind> k : h.kinds()) {
            kinds.add(k.value().keyword());
        }
        List<String> levels = new ArrayList<>();
        for (Ident l : h.levels()) {
            levels.add(l.text());
        }
        return "fault " + String.join(", ", kinds) + (levels.isEmpty() ? "" : " at " + String.join(", ", levels))
                + h.guard().map(g -> " if " + Exprs.text(g)).orElse("");
    }

    // ---------------------------------------------------------------------------------------
    // Interrupts and helpers

    private MethodSpec interruptLines(List<FieldSpec> lines) {
        MethodSpec.Builder m = MethodSpec.methodBuilder("interruptLines").addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED).returns(TypeName.LONG);
        List<Interrupt> interrupts = description.interrupts();
        if (interrupts.isEmpty()) {
            return m.addComment("iommu $L has no interrupt lines", description.name().text()).addStatement("return 0")
                    .build();
        }
        m.addJavadoc("Bit i is set while interrupt line i's condition is not 0.");
        if (interrupts.size() == 1) {
            return m.addStatement("return $L ? 1 : 0",
                    expressions.condition(interrupts.get(0).condition(), REGISTERS_ONLY)).build();
        }
        m.addStatement("long lines = 0");
        for (int i = 0; i < interrupts.size(); i++) {
            m.beginControlFlow("if ($L)", expressions.condition(interrupts.get(i).condition(), REGISTERS_ONLY))
                    .addStatement("lines |= 1L << $N", lines.get(i).name()).endControlFlow();
        }
        return m.addStatement("return lines").build();
    }

    private void addFieldHelpers(TypeSpec.Builder type) {
        if (parts.setFieldUsed()) {
            type.addMethod(MethodSpec.methodBuilder("setField").addModifiers(Modifier.PRIVATE)
                    .addParameter(TypeName.INT, "slot").addParameter(TypeName.LONG, "mask")
                    .addParameter(TypeName.INT, "shift").addParameter(TypeName.LONG, "value")
                    .addJavadoc("Sets one field of a register: {@code value} cut to the field's bits and placed in them.")
                    .addStatement("setReg(slot, (reg(slot) & ~mask) | ((value << shift) & mask))").build());
        }
        if (parts.setElementFieldUsed()) {
            type.addMethod(MethodSpec.methodBuilder("setElementField").addModifiers(Modifier.PRIVATE)
                    .addParameter(TypeName.INT, "first").addParameter(TypeName.INT, "count")
                    .addParameter(TypeName.LONG, "index").addParameter(TypeName.LONG, "mask")
                    .addParameter(TypeName.INT, "shift").addParameter(TypeName.LONG, "value")
                    .addJavadoc("Sets one field of element {@code index} of an array; nothing happens out of range.")
                    .beginControlFlow("if (Long.compareUnsigned(index, count) < 0)")
                    .addStatement("setField(first + (int) index, mask, shift, value)")
                    .endControlFlow().build());
        }
    }
}
