package org.iommuc.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.model.Dependency;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.iommuc.dsl.Compilation;
import org.iommuc.dsl.Frontend;
import org.iommuc.dsl.diag.Severity;
import org.iommuc.generator.GeneratedFile;
import org.iommuc.generator.Generation;
import org.iommuc.generator.JavaOptions;
import org.iommuc.generator.OutputWriter;

/**
 * Generates the Java models of the IOMMU descriptions in {@code src/main/iommu}: per description,
 * {@code <Name>Registers} (offsets, fields, values), one codec class per entry format and
 * {@code <Name>Model}, the hardware model on {@code iommuc-runtime} (which the project needs as a
 * compile dependency). The output folder becomes a compile source root.
 *
 * <p>The descriptions go through the same front end as {@code iommuc check} and {@code iommuc
 * generate}: an error fails the build with the same diagnostics ({@code file:line:col:
 * error[CODE]: message}, the source line, a caret), paths relative to the project folder, and
 * writes nothing; warnings are shown and do not fail it. A file in the output folder that iommuc
 * did not generate is never overwritten.
 *
 * <p>When nothing changed since the last generation (the descriptions and what they include,
 * the options, the plugin, the generated files) the goal says so in one line and writes
 * nothing. Files generated earlier from a description that is gone are removed. What the last
 * generation was made from is recorded in {@code .iommuc-<execution id>.stamp} in the output
 * folder ({@link Stamp}); deleting it forces the next build to generate again.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends AbstractMojo {

    /** The dependency generated models run on. */
    static final String RUNTIME_GROUP = "org.iommuc";
    static final String RUNTIME_ARTIFACT = "iommuc-runtime";

    /** The fingerprint of this plugin's code, computed once per build. */
    private static volatile String codeFingerprint;

    /** The folder the descriptions are in. */
    @Parameter(property = "iommuc.sourceDirectory", defaultValue = "${project.basedir}/src/main/iommu", required = true)
    File sourceDirectory;

    /**
     * Which files of {@code sourceDirectory} are descriptions, as Ant-style patterns relative to
     * it; {@code **}&#47;{@code *.iommu} when none is given. Files they include are read from
     * wherever the include points and need not match.
     */
    @Parameter
    List<String> includes;

    /** Files of {@code sourceDirectory} to leave out, as Ant-style patterns. */
    @Parameter
    List<String> excludes;

    /** Where the generated sources go; it becomes a compile source root. */
    @Parameter(property = "iommuc.outputDirectory", defaultValue = "${project.build.directory}/generated-sources/iommuc",
            required = true)
    File outputDirectory;

    /** The Java package of the generated classes (the default of {@code iommuc generate --package}). */
    @Parameter(property = "iommuc.packageName", defaultValue = JavaOptions.DEFAULT_PACKAGE, required = true)
    String packageName;

    /** Skips the goal: nothing is generated and no source root is added. */
    @Parameter(property = "iommuc.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    MojoExecution execution;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("iommuc: skipped (iommuc.skip)");
            return;
        }
        if (!JavaOptions.isValidPackage(packageName)) {
            throw new MojoExecutionException("iommuc: packageName '" + packageName
                    + "' is not a Java package name (dotted identifiers, no keywords)");
        }
        Path base = project.getBasedir().toPath().toAbsolutePath().normalize();
        Path sources = sourceDirectory.toPath().toAbsolutePath().normalize();
        Path out = outputDirectory.toPath().toAbsolutePath().normalize();
        Includes chosen = new Includes(includes, excludes);
        List<Path> files = scan(chosen, sources);
        Path stampFile = out.resolve(Stamp.fileName(execution == null ? null : execution.getExecutionId()));
        Optional<Stamp> previous = Stamp.read(stampFile);
        if (files.isEmpty() && previous.isEmpty()) {
            getLog().info("iommuc: no descriptions in " + shown(base, sources) + " (" + chosen + "); nothing to generate");
            return;
        }
        Plan plan = new Plan(base, out, stampFile, files, displayPaths(base, files), code(), "package=" + packageName);
        String stale = previous.isEmpty() ? "no earlier generation here"
                : previous.get().staleness(plan.code(), plan.options(), plan.descriptions(), base, out);
        String described = Compilation.plural(files.size(), "description");
        if (stale == null) {
            getLog().info("iommuc: generated sources are up to date (" + described
                    + ", nothing changed); skipping generation");
        } else {
            getLog().info("iommuc: generating Java from " + described + " in " + shown(base, sources) + " (" + stale + ")");
            generate(plan, previous);
        }
        project.addCompileSourceRoot(out.toString());
        warnWithoutRuntime();
    }

    /** One generation: where, from what, and what the stamp records besides the files. */
    private record Plan(Path base, Path out, Path stampFile, List<Path> files, List<String> descriptions, String code,
            String options) {

        /** The stamp of a finished generation. */
        GeneratedFile stamp(Generation.Generated generated) {
            List<Stamp.Item> inputs = new ArrayList<>();
            for (String s : generated.sources()) {
                String fingerprint = Fingerprints.ofFile(base.resolve(s));
                inputs.add(new Stamp.Item(s, fingerprint == null ? "unreadable" : fingerprint));
            }
            List<Stamp.Item> outputs = new ArrayList<>();
            for (GeneratedFile f : generated.files()) {
                outputs.add(new Stamp.Item(f.path(), Fingerprints.of(f.bytes())));
            }
            Stamp stamp = new Stamp(code, options, descriptions, inputs, outputs);
            return new GeneratedFile(stampFile.getFileName().toString(), stamp.text());
        }
    }

    /** Generates and writes the files, removes those of the last generation no longer made, then writes the stamp. */
    private void generate(Plan plan, Optional<Stamp> previous) throws MojoFailureException, MojoExecutionException {
        Generation.Generated generated;
        try {
            generated = Generation.generate(new Generation.Request(plan.files(), displayRoot(plan.base(), plan.files()),
                    plan.out(), new JavaOptions(packageName)));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            throw new MojoExecutionException("iommuc: internal error: " + e
                    + " (please report this with the input that caused it)", e);
        }
        log(generated.messages());
        if (!generated.ok()) {
            List<Generation.Message> messages = generated.messages();
            throw new MojoFailureException(messages.get(messages.size() - 1).text().strip());
        }
        try {
            OutputWriter.Report report = Generation.write(generated.files(), plan.out());
            List<String> gone = previous.map(p -> p.outputsNotIn(generated.files())).orElse(List.of());
            List<Path> removed = new OutputWriter(plan.out()).remove(gone);
            Generation.write(List.of(plan.stamp(generated)), plan.out());
            getLog().info("iommuc: wrote " + Compilation.plural(report.written().size(), "file") + " ("
                    + report.unchanged().size() + " unchanged" + (removed.isEmpty() ? "" : ", " + removed.size() + " removed")
                    + ") in " + shown(plan.base(), plan.out()));
        } catch (Generation.WriteFailure e) {
            log(List.of(e.message()));
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoFailureException("iommuc: error: cannot remove old files from " + plan.out() + ": "
                    + e.getMessage(), e);
        }
    }

    private static List<Path> scan(Includes chosen, Path sources) throws MojoExecutionException {
        try {
            return chosen.scan(sources);
        } catch (IOException e) {
            throw new MojoExecutionException("iommuc: cannot list " + sources + ": " + e.getMessage(), e);
        }
    }

    /** Logs messages line by line at their severity, as the command line prints them. */
    private void log(List<Generation.Message> messages) {
        for (Generation.Message m : messages) {
            for (String line : m.lines()) {
                if (m.severity() == Severity.ERROR) {
                    getLog().error(line);
                } else {
                    getLog().warn(line);
                }
            }
        }
    }

    /** The generated sources do not compile without the runtime: say so before javac does. */
    private void warnWithoutRuntime() {
        String version = pluginVersion();
        for (Dependency d : project.getDependencies()) {
            if (RUNTIME_GROUP.equals(d.getGroupId()) && RUNTIME_ARTIFACT.equals(d.getArtifactId())) {
                if (version != null && !version.equals(d.getVersion())) {
                    getLog().warn("iommuc: the models are generated for " + RUNTIME_GROUP + ":" + RUNTIME_ARTIFACT + ":"
                            + version + " but the project depends on version " + d.getVersion());
                }
                return;
            }
        }
        getLog().warn("iommuc: the generated models need " + RUNTIME_GROUP + ":" + RUNTIME_ARTIFACT + ":"
                + (version == null ? "<version of this plugin>" : version)
                + " as a compile dependency; add it to <dependencies>");
    }

    private String pluginVersion() {
        return execution == null || execution.getMojoDescriptor() == null ? null
                : execution.getMojoDescriptor().getPluginDescriptor().getVersion();
    }

    /** The plugin's version and the fingerprint of the code that generates. */
    private String code() {
        String fingerprint = codeFingerprint;
        if (fingerprint == null) {
            fingerprint = Fingerprints.ofCode(GenerateMojo.class, Generation.class, Frontend.class);
            codeFingerprint = fingerprint;
        }
        return pluginVersion() + " " + fingerprint;
    }

    /**
     * Paths as the front end shows them: relative to the project folder, or as they are when one
     * cannot be (another drive).
     */
    private static List<String> displayPaths(Path base, List<Path> files) {
        Path root = displayRoot(base, files);
        List<String> paths = new ArrayList<>();
        for (Path f : files) {
            paths.add(root == null ? f.toString() : root.relativize(f).toString());
        }
        return paths;
    }

    /** The project folder when every file can be named relative to it, else null. */
    private static Path displayRoot(Path base, List<Path> files) {
        try {
            for (Path f : files) {
                base.relativize(f);
            }
            return base;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A folder for messages: relative to the project folder, as the diagnostics name files. */
    private static String shown(Path base, Path folder) {
        if (folder.equals(base)) {
            return ".";
        }
        try {
            return base.relativize(folder).toString();
        } catch (IllegalArgumentException e) {
            return folder.toString();
        }
    }
}
