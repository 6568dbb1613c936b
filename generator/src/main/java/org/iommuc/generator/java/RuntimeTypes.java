package org.iommuc.generator.java;

import com.palantir.javapoet.ClassName;

/**
 * The runtime types generated code uses. Generated code depends on {@code iommuc-runtime} only;
 * the generator names these types without loading them.
 */
final class RuntimeTypes {

    private RuntimeTypes() {}

    private static final String PACKAGE = "org.iommuc.runtime";

    static final ClassName ENGINE = ClassName.get(PACKAGE, "IommuEngine");
    static final ClassName REGISTER_MAP = ClassName.get(PACKAGE, "RegisterMap");
    static final ClassName MODEL_CONFIG = ClassName.get(PACKAGE, "ModelConfig");
    static final ClassName SYSTEM_MEMORY = ClassName.get(PACKAGE, "SystemMemory");
    static final ClassName PHYSICAL_MEMORY = ClassName.get(PACKAGE, "PhysicalMemory");
    static final ClassName WALKER_VIEW = ClassName.get(PACKAGE, "WalkerView");
    static final ClassName TRANSLATION_MODE = ClassName.get(PACKAGE, "TranslationMode");
    static final ClassName FAULT_KIND = ClassName.get(PACKAGE, "FaultKind");
    static final ClassName FAULT_ACTION = ClassName.get(PACKAGE, "FaultAction");
    static final ClassName OPS = ClassName.get(PACKAGE, "Ops");

    /** The methods of the engine and of Object: a generated model's own methods must not take these names. */
    static final java.util.Set<String> ENGINE_METHODS = java.util.Set.of(
            "onWrite", "onRead", "computed", "walk", "permits", "recordFault", "interruptLines", "bypasses", "mmioRead",
            "mmioWrite", "translate", "fault", "oaContains", "entryInOa", "readEntry", "fillTlb", "lookupWalkCache",
            "fillWalkCache", "reg", "setReg", "regElement", "setRegElement", "setTranslation", "setStall",
            "invalidateTlbAll", "invalidateTlbPage", "invalidateTlbRange", "invalidateTlbMasked",
            "invalidateTlbMaster", "invalidateWalkCacheAll", "invalidateWalkCachePage", "invalidateWalkCacheRange",
            "invalidateWalkCacheMasked", "invalidateWalkCacheMaster", "resetAll", "faultResume", "faultAbort",
            "interrupt", "powerOff", "powerOn", "powered", "cpuWrite", "clean", "config", "registers", "memory",
            "translationMode", "stalled", "faultPending", "lastFaultKind", "setTrace", "trace", "tlb", "walkCache",
            "redirect", "toString", "hashCode", "equals", "getClass", "notify", "notifyAll", "wait", "clone", "finalize");
}
