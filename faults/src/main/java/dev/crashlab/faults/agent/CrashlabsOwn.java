package dev.crashlab.faults.agent;

import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.utility.JavaModule;

/**
 * crashlab's own classes: under dev.crashlab. and not compiled test code, whether in a
 * test-classes folder or packaged as a module's test jar (crashlab's tests are written like a
 * user's targets and fsync like one: the command line's tests check the campaign's example targets
 * from its test jar). Everything crashlab bundles is relocated under
 * its package, so this one prefix covers its libraries too.
 */
final class CrashlabsOwn implements AgentBuilder.RawMatcher {

    @Override
    public boolean matches(TypeDescription type, ClassLoader loader, JavaModule module, Class<?> redefined,
                           ProtectionDomain domain) {
        return is(type.getName(), loader, domain);
    }

    /** @param name the binary name, with dots */
    static boolean is(String name, ClassLoader loader, ProtectionDomain domain) {
        if (!name.startsWith("dev.crashlab.")) {
            return false;
        }
        CodeSource source = domain == null ? null : domain.getCodeSource();
        URL url = source == null ? null : source.getLocation();
        if (url == null && loader != null) {
            url = loader.getResource(name.replace('.', '/') + ".class");
        }
        String location = url == null ? "" : url.getPath();
        return !location.contains("/test-classes/") && !location.endsWith("/test-classes")
                && !location.endsWith("-tests.jar");
    }
}
