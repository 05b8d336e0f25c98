package app.plugboard.launch;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How this JVM was started, as far as a relaunch needs it: from Spring Boot's packaged jar ({@code java -jar}), or
 * from classes and jars on the class path ({@code ./mvnw spring-boot:run}, an IDE).
 *
 * @param packagedJar  the packaged jar, when started from one
 * @param classPath    the class path's entries otherwise (directories and jars)
 * @param jvmArguments the JVM's own arguments ({@code -X…}, {@code -D…}), in order
 * @param javaHome     the JDK or JRE running this JVM
 * @param javaVersion  its full version ({@code 17.0.15+6-…})
 * @param javaFeature  its feature release ({@code 17}, {@code 25})
 */
record HowStarted(@Nullable Path packagedJar, List<Path> classPath, List<String> jvmArguments, Path javaHome,
        String javaVersion, int javaFeature, Map<String, String> environment) {

    static HowStarted thisJvm(Class<?> mainClass) {
        String classPath = System.getProperty("java.class.path", "");
        List<Path> entries = Arrays.stream(classPath.split(File.pathSeparator)).filter(entry -> !entry.isEmpty())
                .map(Path::of).toList();
        boolean fromPackagedJar = mainClass.getClassLoader() != ClassLoader.getSystemClassLoader() && entries.size() == 1
                && entries.get(0).toString().endsWith(".jar") && Files.isRegularFile(entries.get(0));
        return new HowStarted(fromPackagedJar ? entries.get(0).toAbsolutePath() : null, fromPackagedJar ? List.of() : entries,
                ManagementFactory.getRuntimeMXBean().getInputArguments(), Path.of(System.getProperty("java.home")),
                Runtime.version().toString(), Runtime.version().feature(), System.getenv());
    }

    Path java() {
        return javaHome.resolve("bin").resolve(isWindows() ? "java.exe" : "java");
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }
}
