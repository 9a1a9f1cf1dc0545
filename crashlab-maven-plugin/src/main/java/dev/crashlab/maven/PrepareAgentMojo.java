package dev.crashlab.maven;

import java.io.File;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * {@code crashlab:prepare-agent}: appends crashlab's agent to the {@code argLine} property that
 * Surefire (and Failsafe) read, as JaCoCo's prepare-agent does, so the two compose in either
 * order. A Surefire {@code <argLine>} of your own must start with {@code @{argLine}} to keep them.
 * A Surefire or Failsafe too old to run JUnit 5 fails the build here, before it skips every check.
 */
@Mojo(name = "prepare-agent", defaultPhase = LifecyclePhase.INITIALIZE,
        requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class PrepareAgentMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${plugin.artifacts}", readonly = true, required = true)
    List<Artifact> pluginArtifacts;

    /** The property to append to: Surefire's {@code argLine}, or your own for a custom {@code <argLine>}. */
    @Parameter(property = "crashlab.propertyName", defaultValue = "argLine")
    String propertyName;

    /** Where {@code @CrashTest}s write their reports. */
    @Parameter(property = "crashlab.reportsDirectory", defaultValue = "${project.build.directory}/crashlab-reports")
    File reportsDirectory;

    @Parameter(property = "crashlab.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("crashlab: skipped (crashlab.skip)");
            return;
        }
        Map<String, String> plugins = new HashMap<>();
        for (Plugin plugin : project.getBuildPlugins()) {
            plugins.put(plugin.getArtifactId(), plugin.getVersion());
        }
        List<String> problems = TestRunners.problems(plugins);
        if (!problems.isEmpty()) {
            throw new MojoExecutionException("crashlab: " + String.join("; ", problems));
        }
        File agent = Artifacts.agentJar(project.getArtifacts(), pluginArtifacts);
        String ours = ArgLine.crashlab(agent.toPath(), reportsDirectory.toPath());
        String now = ArgLine.append(project.getProperties().getProperty(propertyName), ours);
        project.getProperties().setProperty(propertyName, now);
        getLog().info("crashlab: " + propertyName + " set to " + now);
    }
}
