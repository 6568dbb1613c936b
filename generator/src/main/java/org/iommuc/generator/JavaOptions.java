package org.iommuc.generator;

import java.util.regex.Pattern;

/**
 * Options of the Java backend.
 *
 * @param packageName the package of the generated classes
 */
public record JavaOptions(String packageName) {

    /** The package used when none is given. */
    public static final String DEFAULT_PACKAGE = "org.iommuc.generated";

    private static final Pattern PACKAGE = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");

    public JavaOptions {
        if (!isValidPackage(packageName)) {
            throw new IllegalArgumentException("not a Java package name: '" + packageName + "'");
        }
    }

    public static JavaOptions defaults() {
        return new JavaOptions(DEFAULT_PACKAGE);
    }

    /** True for a dotted name of Java identifiers, none of them a keyword. */
    public static boolean isValidPackage(String name) {
        if (name == null || !PACKAGE.matcher(name).matches()) {
            return false;
        }
        for (String part : name.split("\\.")) {
            if (org.iommuc.generator.java.JavaBackend.isReserved(part)) {
                return false;
            }
        }
        return true;
    }
}
