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

    /** A member of the registers class, imported statically: its plain name. */
    String ref(String name) {
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
