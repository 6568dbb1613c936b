package org.iommuc.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.iommuc.generator.GeneratedFile;
import org.iommuc.generator.JavaOptions;
import org.iommuc.generator.java.JavaBackend;
import org.iommuc.runtime.IommuModel;
import org.iommuc.runtime.PhysicalMemory;

/**
 * The generated model of {@code examples/rockchip-v2.iommu}: the sources {@code iommuc generate
 * --target java} writes, compiled once per JVM with the system Java compiler into a temporary
 * folder and loaded. (Until a module builds the examples' models with the Maven plugin; then
 * this becomes a plain {@code new}.)
 */
final class GeneratedModels {

    static final String PACKAGE = "org.iommuc.benchmarks.generated";
    private static Constructor<?> rockchipV2;

    private GeneratedModels() {}

    /** A new generated Rockchip v2 model with its own 40-bit memory, in strict mode. */
    static IommuModel rockchipV2() {
        try {
            return (IommuModel) constructor().newInstance(new PhysicalMemory(40), true);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create the generated model", e);
        }
    }

    private static synchronized Constructor<?> constructor() throws ReflectiveOperationException {
        if (rockchipV2 == null) {
            JavaBackend.Result result = JavaBackend.generate(List.of(RockchipV2Description.get()), new JavaOptions(PACKAGE));
            if (result.hasErrors()) {
                throw new IllegalStateException("the generator refused rockchip-v2: " + result.diagnostics());
            }
            List<GeneratedFile> files = result.files();
            String model = files.get(files.size() - 1).path();
            String name = model.substring(0, model.length() - ".java".length()).replace('/', '.');
            Class<?> type = compile(files).loadClass(name);
            rockchipV2 = type.getConstructor(PhysicalMemory.class, boolean.class);
        }
        return rockchipV2;
    }

    private static ClassLoader compile(List<GeneratedFile> files) {
        try {
            Path dir = Files.createTempDirectory("iommuc-benchmarks-generated");
            Path classes = dir.resolve("classes");
            List<Path> sources = new ArrayList<>();
            for (GeneratedFile f : files) {
                Path p = dir.resolve("src").resolve(f.path());
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.content(), StandardCharsets.UTF_8);
                sources.add(p);
            }
            Files.createDirectories(classes);
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            if (compiler == null) {
                throw new IllegalStateException("no system Java compiler: run the benchmarks on a JDK");
            }
            StringWriter messages = new StringWriter();
            try (StandardJavaFileManager fm = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
                List<String> options = List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path"),
                        "--release", "17", "-proc:none");
                if (!compiler.getTask(messages, fm, null, options, null, fm.getJavaFileObjectsFromPaths(sources)).call()) {
                    throw new IllegalStateException("the generated sources do not compile:\n" + messages);
                }
            }
            ClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, GeneratedModels.class.getClassLoader());
            deleteOnExit(dir.toFile());
            return loader;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Registers a folder and everything in it for deletion at exit (children are deleted first). */
    private static void deleteOnExit(File file) {
        file.deleteOnExit();
        File[] children = file.listFiles();
        if (children != null) {
            for (File child : children) {
                deleteOnExit(child);
            }
        }
    }
}
