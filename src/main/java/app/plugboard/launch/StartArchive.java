package app.plugboard.launch;

import java.nio.file.Path;
import java.util.List;

/**
 * The JDK's way of starting from what an earlier run loaded, on the JDK running Plugboard: a dynamic class data
 * sharing archive (JDK 17 to 24: classes parsed, verified and laid out ahead of time), or the AOT cache of JDK 25 and
 * later (JEP 483 and 514: classes also loaded and linked ahead of time). Either is recorded at the end of a training
 * run (the first start of a new build) and read by every start after it. The JDK's own messages about them are
 * turned off: a class it cannot archive is no news to the person at the terminal.
 */
enum StartArchive {

    CLASS_DATA_SHARING("plugboard.jsa", "-XX:ArchiveClassesAtExit=", "-XX:SharedArchiveFile=", List.of("-Xlog:cds=off",
            "-Xlog:cds+dynamic=off", "-Xlog:class+path=off")),
    AOT_CACHE("plugboard.aot", "-XX:AOTCacheOutput=", "-XX:AOTCache=", List.of("-Xlog:cds=off", "-Xlog:aot=off",
            "-Xlog:class+path=off"));

    /** The first feature release whose single training run writes an AOT cache ({@code -XX:AOTCacheOutput}). */
    static final int AOT_CACHE_SINCE = 25;

    private final String fileName;
    private final String record;
    private final String use;
    private final List<String> quiet;

    StartArchive(String fileName, String record, String use, List<String> quiet) {
        this.fileName = fileName;
        this.record = record;
        this.use = use;
        this.quiet = quiet;
    }

    static StartArchive forJava(int feature) {
        return feature >= AOT_CACHE_SINCE ? AOT_CACHE : CLASS_DATA_SHARING;
    }

    Path file(Path dir) {
        return dir.resolve(fileName);
    }

    /** The JVM options of a training run: the archive is written when it ends. */
    List<String> recordInto(Path dir) {
        return options(record + file(dir));
    }

    /** The JVM options of a start from the archive. */
    List<String> startFrom(Path dir) {
        return options(use + file(dir));
    }

    private List<String> options(String archive) {
        return java.util.stream.Stream.concat(quiet.stream(), java.util.stream.Stream.of(archive)).toList();
    }

    /** Whether the JVM options already name an archive of either kind: the person chose their own. */
    static boolean named(List<String> jvmArguments) {
        return jvmArguments.stream().anyMatch(argument -> argument.startsWith("-XX:SharedArchiveFile")
                || argument.startsWith("-XX:ArchiveClassesAtExit") || argument.startsWith("-XX:AOT")
                || argument.startsWith("-Xshare") || argument.contains("DumpSharedSpaces")
                || argument.startsWith("-XX:+AutoCreateSharedArchive"));
    }
}
