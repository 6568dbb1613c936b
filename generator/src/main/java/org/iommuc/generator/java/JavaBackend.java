package org.iommuc.generator.java;

import com.palantir.javapoet.JavaFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iommuc.dsl.diag.Code;
import org.iommuc.dsl.diag.Diagnostic;
import org.iommuc.dsl.diag.Note;
import org.iommuc.dsl.model.Description;
import org.iommuc.dsl.model.Format;
import org.iommuc.generator.GeneratedFile;
import org.iommuc.generator.JavaOptions;

/**
 * The Java backend: for each checked description, its registers class, one codec class per
 * entry format and its hardware model, as source files. Pure: nothing is written; what a
 * description asks that Java cannot express is reported as an {@code E0700} diagnostic at the
 * place in the description that asks it, and that description gives no files.
 */
public final class JavaBackend {

    private JavaBackend() {}

    /** The files generated, in a fixed order, and the problems found. */
    public record Result(List<GeneratedFile> files, List<Diagnostic> diagnostics) {
        public Result {
            files = List.copyOf(files);
            diagnostics = List.copyOf(diagnostics);
        }

        public boolean hasErrors() {
            return !diagnostics.isEmpty();
        }
    }

    public static Result generate(List<Description> descriptions, JavaOptions options) {
        List<GeneratedFile> files = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        Map<String, Description> owners = new LinkedHashMap<>();
        for (Description d : descriptions) {
            List<GeneratedFile> generated;
            try {
                generated = generate(d, options);
            } catch (ExprCompiler.Unsupported e) {
                diagnostics.add(Diagnostic.of(Code.E0700, e.span().isNone() ? d.name().span() : e.span(),
                        "cannot generate Java for iommu " + d.name().text() + ": " + e.getMessage()));
                continue;
            }
            for (GeneratedFile f : generated) {
                Description other = owners.putIfAbsent(f.path(), d);
                if (other != null) {
                    diagnostics.add(Diagnostic.of(Code.E0700, d.name().span(), "iommu " + d.name().text()
                            + " and iommu " + other.name().text() + " would both generate " + f.path()
                            + "; generate them into different packages", new Note(other.name().span(),
                                    other.name().text() + " is declared here")));
                    break;
                }
            }
            files.addAll(generated);
        }
        return new Result(diagnostics.isEmpty() ? files : List.of(), diagnostics);
    }

    /** The files of one description; throws {@link ExprCompiler.Unsupported} for what Java cannot say. */
    static List<GeneratedFile> generate(Description d, JavaOptions options) {
        Naming naming = Naming.of(d, options.packageName());
        List<JavaFile> javaFiles = new ArrayList<>();
        javaFiles.add(new RegistersGenerator(d, naming).generate());
        for (Format f : d.formats()) {
            javaFiles.add(new CodecGenerator(d, f, naming).generate());
        }
        javaFiles.add(new ModelGenerator(d, naming).generate());
        List<GeneratedFile> files = new ArrayList<>();
        for (JavaFile f : javaFiles) {
            String path = f.packageName().replace('.', '/') + "/" + f.typeSpec().name() + ".java";
            files.add(new GeneratedFile(path, JavaFiles.render(f)));
        }
        return files;
    }

    /** True for a Java keyword or restricted identifier. */
    public static boolean isReserved(String word) {
        return JavaNames.RESERVED.contains(word);
    }
}
