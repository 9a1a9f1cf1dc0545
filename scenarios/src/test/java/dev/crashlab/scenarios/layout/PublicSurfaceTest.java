package dev.crashlab.scenarios.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The project's public surface, kept as a reviewed file the way golden outputs are: every public
 * top-level type of main code is listed in {@code public-surface.txt} with why it is public, and a
 * new one fails this test until the list is updated on purpose. The reasons are checked, not
 * trusted: "across" means another package's main code names it; "exposed" that a public member of a
 * type another package uses names it (a lambda's interface, a record component); "framework" means
 * JMH, Maven, picocli, a {@code main} method or crashlab's own loading of a target by its class name
 * needs it public; "tests" that another package's tests drive it directly; "user" is only allowed
 * in the packages a user programs against. Anything else belongs package-private, as in Jimfs. And no simple type name is defined
 * twice in main code, so one concept has one name.
 *
 * <p>Regenerate with {@code -Dcrashlab.golden.update=true} and review the diff.
 */
class PublicSurfaceTest {

    private static final List<String> MODULES = List.of("store", "seeded-bugs", "faults", "reports", "engine", "scenarios", "cli", "benchmarks",
            "crashlab-maven-plugin");
    /** Where a user's code names crashlab's types: the store, the results, the check API, its models and faults. */
    private static final Set<String> USER_PACKAGES = Set.of("dev.crashlab.store", "dev.crashlab.reports",
            "dev.crashlab.scenarios.api", "dev.crashlab.scenarios.junit", "dev.crashlab.scenarios.grade",
            "dev.crashlab.scenarios.sequence", "dev.crashlab.faults.crash", "dev.crashlab.faults.plan");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Path LIST = Path.of("src/test/resources/public-surface.txt");

    private record Type(String pkg, String name, String source) {
        String qualified() {
            return pkg + "." + name;
        }
    }

    @Test
    void everyPublicTypeIsListedWithAReasonThatHolds() throws IOException {
        List<Type> types = mainTypes();
        Map<String, String> computed = new TreeMap<>();
        for (Type t : types) {
            if (isPublic(t)) {
                computed.put(t.qualified(), reason(t, types));
            }
        }
        String expected = computed.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
        if (Boolean.getBoolean("crashlab.golden.update")) {
            Files.writeString(LIST, expected, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(LIST, StandardCharsets.UTF_8), expected,
                "the public surface changed: make the new type package-private, or regenerate " + LIST
                        + " with -Dcrashlab.golden.update=true and review it");
        List<String> misplaced = computed.entrySet().stream()
                .filter(e -> e.getValue().equals("user"))
                .filter(e -> !USER_PACKAGES.contains(e.getKey().substring(0, e.getKey().lastIndexOf('.'))))
                .map(Map.Entry::getKey).toList();
        assertEquals(List.of(), misplaced, "public, but no other package names it and a user does not program against"
                + " its package: make it package-private");
    }

    /**
     * A ratchet on the share of public types: it may only go down. Each type made package-private
     * lowers it; the aim is a third, as in Jimfs, where the API a user sees fits on a screen.
     */
    @Test
    void thePublicShareOfMainTypesDoesNotGrow() throws IOException {
        List<Type> types = mainTypes();
        long publicTypes = types.stream().filter(PublicSurfaceTest::isPublic).count();
        double share = (double) publicTypes / types.size();
        assertTrue(share <= MAX_PUBLIC_SHARE, String.format("%d of %d main types are public (%.1f%%), more than %.0f%%: make"
                + " the new ones package-private, or give a package one public entry", publicTypes, types.size(),
                100 * share, 100 * MAX_PUBLIC_SHARE));
    }

    private static final double MAX_PUBLIC_SHARE = 0.39;

    @Test
    void noSimpleNameIsDefinedTwice() throws IOException {
        Map<String, Set<String>> byName = new TreeMap<>();
        for (Type t : mainTypes()) {
            byName.computeIfAbsent(t.name(), k -> new TreeSet<>()).add(t.pkg());
        }
        List<String> twice = byName.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " in " + e.getValue()).toList();
        assertEquals(List.of(), twice);
    }

    @Test
    void theCheckCanFail() {
        Type internal = new Type("dev.crashlab.scenarios.layout", "NamedByNothingElse", "public final class NamedByNothingElse {}");
        assertTrue(isPublic(internal));
        assertEquals("user", reason(internal, List.of(internal)), "nothing names it and it has no framework mark");
        assertTrue(!USER_PACKAGES.contains(internal.pkg()), "so the placement check refuses it");
    }

    private static boolean isPublic(Type t) {
        return Pattern.compile("^public\\s+(?:final\\s+|abstract\\s+|sealed\\s+)*(?:class|interface|enum|record|@interface)\\s+"
                + t.name() + "\\b", Pattern.MULTILINE).matcher(t.source()).find();
    }

    private static String reason(Type t, List<Type> all) {
        String s = t.source();
        if (s.contains("@Benchmark") || s.contains("@State(") || s.contains("@Mojo(") || s.contains("@Command(")
                || s.contains("implements CrashTargetProvider")
                || s.contains("public static void main(")) {
            return "framework";
        }
        Pattern named = Pattern.compile("\\b" + t.name() + "\\b");
        if (all.stream().anyMatch(o -> !o.pkg().equals(t.pkg()) && named.matcher(o.source()).find())) {
            return "across";
        }
        // In a public member of a type other packages use (a lambda's interface, a record component).
        Pattern member = Pattern.compile("public [^;{=]*\\b" + t.name() + "\\b");
        boolean exposed = all.stream().anyMatch(o -> o != t && o.pkg().equals(t.pkg()) && isPublic(o)
                && member.matcher(o.source()).find()
                && all.stream().anyMatch(x -> !x.pkg().equals(o.pkg())
                        && Pattern.compile("\\b" + o.name() + "\\b").matcher(x.source()).find()));
        if (exposed) {
            return "exposed";
        }
        // A stage another package's tests drive directly (the property tests record as the campaign does).
        boolean tested = TEST_SOURCES.stream().anyMatch(o -> !o.pkg().equals(t.pkg()) && named.matcher(o.source()).find());
        return tested ? "tests" : "user";
    }

    private static final List<Type> TEST_SOURCES = types("src/test/java");

    private static List<Type> mainTypes() {
        return types("src/main/java");
    }

    private static List<Type> types(String tree) {
        try {
            return read(tree);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Type> read(String tree) throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<Type> out = new ArrayList<>();
        for (String module : MODULES) {
            Path src = root.resolve(module).resolve(tree);
            if (!Files.isDirectory(src)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(src)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String name = f.getFileName().toString().replace(".java", "");
                    if (name.equals("package-info")) {
                        continue;
                    }
                    String source = Files.readString(f, StandardCharsets.UTF_8);
                    Matcher m = PACKAGE.matcher(source);
                    out.add(new Type(m.find() ? m.group(1) : "", name, source));
                }
            }
        }
        return out;
    }
}
