package dev.crashlab.maven;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * {@code crashlab:check}, bound to {@code verify}: runs {@code crashlab check --target} on each of
 * the project's targets (classes implementing {@code CrashTargetProvider}) against the project's
 * test class path, writes the reports under {@code target/crashlab-reports/check/}, and fails the
 * build when one breaks a guarantee it claims. Each target runs in a JVM of its own started from
 * crashlab's command-line jar, which loads the project's classes and library versions on their own.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
public class CheckMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    PluginDescriptor plugin;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
    RepositorySystemSession repositorySession;

    @Parameter(defaultValue = "${project.remotePluginRepositories}", readonly = true, required = true)
    List<RemoteRepository> repositories;

    @Component
    RepositorySystem repositorySystem;

    /** Binary names of the classes implementing CrashTargetProvider to check, e.g. com.example.CheckpointCrashTarget. */
    @Parameter(property = "crashlab.targets")
    List<String> targets;

    @Parameter(property = "crashlab.reportsDirectory", defaultValue = "${project.build.directory}/crashlab-reports")
    File reportsDirectory;

    @Parameter(property = "crashlab.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("crashlab: skipped (crashlab.skip)");
            return;
        }
        if (targets == null || targets.isEmpty()) {
            throw new MojoExecutionException("crashlab:check has no targets to check: add <configuration><targets>"
                    + "<target>com.example.MyCrashTarget</target></targets></configuration>, naming classes that "
                    + "implement dev.crashlab.scenarios.api.CrashTargetProvider");
        }
        File cli = cliJar();
        String classpath = testClasspath();
        List<String> broken = new ArrayList<>();
        for (String target : targets) {
            File out = new File(new File(reportsDirectory, "check"), target);
            if (!out.getParentFile().isDirectory() && !out.getParentFile().mkdirs()) {
                throw new MojoExecutionException("crashlab: cannot create " + out.getParentFile());
            }
            int code = run(List.of(java(), "-Xshare:off", "-jar", cli.getPath(), "check", "--target", target,
                    "--classpath", classpath, "--out", out.getPath()));
            switch (code) {
                case 0 -> getLog().info("crashlab: " + target + ": every claimed guarantee held");
                case 1 -> broken.add(target + " (" + new File(out, "report.html") + ")");
                default -> throw new MojoExecutionException("crashlab: the check of " + target + " could not run (exit "
                        + code + "); the line above says why");
            }
        }
        if (!broken.isEmpty()) {
            throw new MojoFailureException("crashlab: " + String.join(", ", broken)
                    + " broke a guarantee it claims; the counterexamples are printed above and in the reports");
        }
    }

    /**
     * crashlab's self-contained command-line jar, of the plugin's own version. Resolved when the goal
     * runs rather than declared as the plugin's dependency: a dependency on another module's attached
     * jar breaks {@code mvn test} of crashlab's own reactor, where nothing is packaged yet.
     */
    private File cliJar() throws MojoExecutionException {
        var jar = new DefaultArtifact("dev.crashlab", "crashlab-cli", "all", "jar", plugin.getVersion());
        try {
            return repositorySystem.resolveArtifact(repositorySession, new ArtifactRequest(jar, repositories, null))
                    .getArtifact().getFile();
        } catch (ArtifactResolutionException e) {
            throw new MojoExecutionException("crashlab: cannot get crashlab's command-line jar " + jar + ": "
                    + e.getMessage(), e);
        }
    }

    private String testClasspath() throws MojoExecutionException {
        try {
            return String.join(File.pathSeparator, project.getTestClasspathElements());
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("crashlab: the test class path is not resolved: " + e.getMessage(), e);
        }
    }

    private static String java() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    /** Runs the command, its output line by line into the build log, and returns its exit code. */
    private int run(List<String> command) throws MojoExecutionException {
        getLog().debug("crashlab: " + String.join(" ", command));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    getLog().info(line);
                }
            }
            return p.waitFor();
        } catch (IOException e) {
            throw new MojoExecutionException("crashlab: cannot start " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("crashlab: interrupted", e);
        }
    }
}
