package org.iommuc.generator.java;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.iommuc.dsl.Compilation;
import org.iommuc.dsl.Frontend;
import org.iommuc.dsl.TestFiles;
import org.iommuc.dsl.model.Description;
import org.iommuc.generator.GeneratedFile;
import org.iommuc.generator.JavaOptions;
import org.iommuc.runtime.IommuEngine;
import org.iommuc.runtime.PhysicalMemory;

/**
 * The generated sources of one description, compiled in-process with the system Java compiler
 * against the runtime (on the test class path) into a temporary folder, and loaded.
 */
final class Compiled {

    static final String PACKAGE = "test.generated";
    private static final Map<String, Compiled> EXAMPLES = new HashMap<>();

    final Description description;
    final Naming naming;
    final List<GeneratedFile> files;
    final ClassLoader loader;

    private Compiled(Description description, List<GeneratedFile> files, ClassLoader loader) {
        this.description = description;
        this.naming = Naming.of(description, PACKAGE);
        this.files = files;
        this.loader = loader;
    }

    /** The description of an example file (the last it declares), checked without diagnostics. */
    static Description example(String file) {
        Compilation c = Frontend.compile(List.of(TestFiles.root().resolve("examples").resolve(file)), TestFiles.root());
        assertThat(c.render()).as("diagnostics of %s", file).isEmpty();
        return c.main().orElseThrow();
    }

    /** An example, generated and compiled once per test run. */
    static synchronized Compiled compiledExample(String file) {
        return EXAMPLES.computeIfAbsent(file, f -> of(example(f)));
    }

    /** A description given as text, checked without errors, generated and compiled. */
    static Compiled ofText(String file, String text) {
        Compilation c = Frontend.compileText(file, text);
        assertThat(c.hasErrors()).as(c.render()).isFalse();
        return of(c.main().orElseThrow());
    }

    static Compiled of(Description d) {
        List<GeneratedFile> files = JavaBackend.generate(d, new JavaOptions(PACKAGE));
        return new Compiled(d, files, compile(files));
    }

    /** Compiles sources; fails the test with the compiler's messages when they do not compile cleanly. */
    static ClassLoader compile(List<GeneratedFile> files) {
        try {
            Path dir = Files.createTempDirectory("iommuc-generated");
            Path sources = dir.resolve("src");
            Path classes = dir.resolve("classes");
            Files.createDirectories(classes);
            List<Path> paths = new ArrayList<>();
            for (GeneratedFile f : files) {
                Path p = sources.resolve(f.path());
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.content(), StandardCharsets.UTF_8);
                paths.add(p);
            }
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            StringWriter messages = new StringWriter();
            try (StandardJavaFileManager fm = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
                List<String> options = List.of("-d", classes.toString(), "-classpath",
                        System.getProperty("java.class.path"), "-Xlint:all", "-Xdoclint:all,-missing", "-Werror", "--release", "17");
                boolean ok = compiler.getTask(messages, fm, null, options, null, fm.getJavaFileObjectsFromPaths(paths))
                        .call();
                assertThat(messages.toString()).as("compiler messages").isEmpty();
                assertThat(ok).as("generated sources compile").isTrue();
            }
            return new URLClassLoader(new URL[] {classes.toUri().toURL()}, Compiled.class.getClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Class<?> type(String simpleName) {
        try {
            return loader.loadClass(PACKAGE + "." + simpleName);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    Class<?> codec(String format) {
        return type(naming.codecType(format).simpleName());
    }

    /** A new model on fresh memory of the description's output width (at least 12 bits). */
    IommuEngine model(boolean strict) {
        try {
            Constructor<?> c = type(naming.modelType().simpleName()).getConstructor(PhysicalMemory.class, boolean.class);
            return (IommuEngine) c.newInstance(new PhysicalMemory(Math.max(12, description.oaBitsValue())), strict);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Every register's value, read past the access semantics (for tests only). */
    static long[] registers(IommuEngine model) {
        try {
            Field regs = IommuEngine.class.getDeclaredField("regs");
            regs.setAccessible(true);
            return ((long[]) regs.get(model)).clone();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    String source(String simpleName) {
        for (GeneratedFile f : files) {
            if (f.path().endsWith("/" + simpleName + ".java")) {
                return f.content();
            }
        }
        throw new AssertionError("no generated file " + simpleName);
    }
}
