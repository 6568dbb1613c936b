package org.iommuc.generator.java;

import com.palantir.javapoet.ClassName;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the code of one model uses, collected while it is generated: the register constants it
 * imports statically, the methods of its computed registers, and which helper methods it needs,
 * so the model declares exactly what it uses.
 */
final class ModelParts {

    private final ClassName registersType;
    private final Set<String> staticImports = new TreeSet<>();
    private final Map<String, String> computedMethods = new LinkedHashMap<>();
    private boolean setField;
    private boolean setElementField;

    ModelParts(ClassName registersType) {
        this.registersType = registersType;
    }

    /**
     * The constants every model inherits from {@code IommuModel}: a registers member of one of
     * these names would be hidden by the inherited one, so it is referred to qualified.
     */
    static final Set<String> INHERITED = Set.of("FAULT", "STALLED", "BLOCKED", "BUS_ERROR");

    /** A member of the registers class: its plain name, imported statically, or qualified when inherited names hide it. */
    String ref(String name) {
        if (INHERITED.contains(name)) {
            return registersType.simpleName() + "." + name;
        }
        staticImports.add(name);
        return name;
    }

    /** A static member of a generated class: the plain name for the registers class, else qualified. */
    com.palantir.javapoet.CodeBlock ref(ClassName owner, String name) {
        if (owner.equals(registersType)) {
            return com.palantir.javapoet.CodeBlock.of("$N", ref(name));
        }
        return com.palantir.javapoet.CodeBlock.of("$T.$N", owner, name);
    }

    Set<String> staticImports() {
        return staticImports;
    }

    void computedMethod(String register, String method) {
        computedMethods.put(register, method);
    }

    /** The method computing a computed register, or null for a stored one. */
    String computedMethod(String register) {
        return computedMethods.get(register);
    }

    void useSetField() {
        setField = true;
    }

    void useSetElementField() {
        setElementField = true;
        setField = true;
    }

    boolean setFieldUsed() {
        return setField;
    }

    boolean setElementFieldUsed() {
        return setElementField;
    }
}
