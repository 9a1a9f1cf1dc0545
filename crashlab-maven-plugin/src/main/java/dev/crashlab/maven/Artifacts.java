package dev.crashlab.maven;

import java.io.File;
import java.util.Collection;
import java.util.Optional;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;

/** The jars the goals need, found among the project's and the plugin's resolved artifacts. */
final class Artifacts {

    private Artifacts() {
    }

    /**
     * byte-buddy-agent: the project's own when its tests bring it (the version the test JVM runs
     * crashlab with), else the plugin's.
     */
    static File agentJar(Collection<Artifact> project, Collection<Artifact> plugin) throws MojoExecutionException {
        Optional<File> own = find(project, "net.bytebuddy", "byte-buddy-agent", null);
        if (own.isPresent()) {
            return own.get();
        }
        return find(plugin, "net.bytebuddy", "byte-buddy-agent", null).orElseThrow(() -> new MojoExecutionException(
                "crashlab: no byte-buddy-agent jar among the plugin's dependencies; is the plugin installed whole?"));
    }

    private static Optional<File> find(Collection<Artifact> artifacts, String group, String id, String classifier) {
        return artifacts.stream()
                .filter(a -> a.getGroupId().equals(group) && a.getArtifactId().equals(id))
                .filter(a -> classifier == null ? !a.hasClassifier() : classifier.equals(a.getClassifier()))
                .map(Artifact::getFile)
                .filter(f -> f != null && f.isFile())
                .findFirst();
    }
}
