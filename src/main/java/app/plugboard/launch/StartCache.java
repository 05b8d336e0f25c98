package app.plugboard.launch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.jspecify.annotations.Nullable;

/**
 * What a fast start needs, kept beside the build it belongs to: {@code <jar name>.start/} next to the packaged jar,
 * {@code plugboard.start/} next to the {@code classes} directory of {@code spring-boot:run}. One directory per build
 * and JDK, named by a fingerprint of both (the jar's size and time, or the classes' names, sizes and times; the JDK's
 * home and version), holds a class path of jars only (the packaged jar extracted by Spring Boot's own tools, or each
 * classes directory put in a jar: the JDK archives classes from jars only) and, after the training run, the archive.
 * A new build gets a new directory; the old ones go once no running Plugboard holds them (a shared file lock).
 */
final class StartCache {

    static final String READY = "class-path";
    static final String LOCK = "lock";
    static final String ATTEMPTS = "training-attempts";
    static final int MOST_ATTEMPTS = 2;

    private final Path dir;
    private final StartArchive archive;

    private StartCache(Path dir, StartArchive archive) {
        this.dir = dir;
        this.archive = archive;
    }

    /** The cache of this build on this JDK; empty when there is no place for it beside the build. */
    static Optional<StartCache> of(HowStarted how) {
        Path root = root(how);
        if (root == null) {
            return Optional.empty();
        }
        String kind = how.packagedJar() != null ? "jar" : "classes";
        return Optional.of(new StartCache(root.resolve(kind + "-" + how.javaFeature() + "-" + fingerprint(how)),
                StartArchive.forJava(how.javaFeature())));
    }

    static @Nullable Path root(HowStarted how) {
        if (how.packagedJar() != null) {
            String name = how.packagedJar().getFileName().toString();
            return how.packagedJar().resolveSibling(name.substring(0, name.length() - ".jar".length()) + ".start");
        }
        return how.classPath().stream().filter(Files::isDirectory).findFirst().map(Path::toAbsolutePath)
                .map(Path::getParent).map(parent -> parent.resolve("plugboard.start")).orElse(null);
    }

    Path dir() {
        return dir;
    }

    StartArchive archive() {
        return archive;
    }

    boolean ready() {
        return Files.isRegularFile(dir.resolve(READY));
    }

    boolean trained() {
        try {
            return Files.isRegularFile(archive.file(dir)) && Files.size(archive.file(dir)) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** The class path of jars to start from, once {@link #prepare} made it. */
    List<String> classPath() {
        try {
            return Files.readAllLines(dir.resolve(READY), StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Holds the cache while a Plugboard runs from it ({@code shared}) or makes it (not shared); empty if another holds it so. */
    Optional<FileLock> hold(boolean shared) {
        try {
            Files.createDirectories(dir);
            FileChannel channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            FileLock lock = channel.tryLock(0, Long.MAX_VALUE, shared);
            if (lock == null) {
                channel.close();
            }
            return Optional.ofNullable(lock);
        } catch (IOException | OverlappingFileLockException e) {
            return Optional.empty();
        }
    }

    /** Makes the class path of jars: the packaged jar extracted, or each classes directory in a jar of its own. */
    void prepare(HowStarted how) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        List<String> classPath = new ArrayList<>();
        if (how.packagedJar() != null) {
            Path extracted = dir.resolve("app");
            deleteTree(extracted);
            Process extract = new ProcessBuilder(how.java().toString(), "-Djarmode=tools", "-jar", how.packagedJar().toString(),
                    "extract", "--destination", extracted.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!extract.waitFor(2, TimeUnit.MINUTES) || extract.exitValue() != 0) {
                extract.destroyForcibly();
                throw new IOException("extracting " + how.packagedJar() + " failed");
            }
            classPath.add(extracted.resolve(how.packagedJar().getFileName()).toString());
        } else {
            int directories = 0;
            for (Path entry : how.classPath()) {
                if (Files.isDirectory(entry)) {
                    Path jar = dir.resolve("classes-" + directories++ + ".jar");
                    jarUp(entry, jar);
                    classPath.add(jar.toString());
                } else {
                    classPath.add(entry.toAbsolutePath().toString());
                }
            }
        }
        Files.write(dir.resolve(READY), classPath, StandardCharsets.UTF_8);
    }

    /** Counts a training run; false once it has been tried {@link #MOST_ATTEMPTS} times without an archive. */
    boolean mayTrainAgain() {
        try {
            Path attempts = dir.resolve(ATTEMPTS);
            int before = Files.exists(attempts) ? Integer.parseInt(Files.readString(attempts).trim()) : 0;
            if (before >= MOST_ATTEMPTS) {
                return false;
            }
            Files.writeString(attempts, String.valueOf(before + 1));
            return true;
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    /** Removes the caches of other builds that no running Plugboard holds. */
    void removeOthers() {
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(dir.getParent(), Files::isDirectory)) {
            for (Path sibling : siblings) {
                if (!sibling.equals(dir)) {
                    StartCache other = new StartCache(sibling, archive);
                    other.hold(false).ifPresent(lock -> {
                        try (FileChannel channel = lock.channel()) {
                            deleteTree(sibling);
                        } catch (IOException ignored) {
                            // still in use on a system without file locks, or not ours to delete: left for later
                        }
                    });
                }
            }
        } catch (IOException ignored) {
            // nothing to tidy
        }
    }

    static String fingerprint(HowStarted how) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((how.javaHome() + "\n" + how.javaVersion() + "\n").getBytes(StandardCharsets.UTF_8));
            List<Path> entries = how.packagedJar() != null ? List.of(how.packagedJar()) : how.classPath();
            for (Path entry : entries) {
                digest.update((entry.toAbsolutePath() + "\n").getBytes(StandardCharsets.UTF_8));
                if (Files.isDirectory(entry)) {
                    try (Stream<Path> files = Files.walk(entry)) {
                        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                            digest.update(describe(file).getBytes(StandardCharsets.UTF_8));
                        }
                    }
                } else if (Files.exists(entry)) {
                    digest.update(describe(entry).getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return file + " " + attributes.size() + " " + attributes.lastModifiedTime().toMillis() + "\n";
    }

    private static void jarUp(Path directory, Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
                Stream<Path> files = Files.walk(directory)) {
            // directories get entries too: Spring finds components by listing a package's directory
            for (Path path : files.filter(path -> !path.equals(directory) && !path.endsWith("META-INF/MANIFEST.MF")).sorted()
                    .toList()) {
                String name = directory.relativize(path).toString().replace('\\', '/');
                boolean isDirectory = Files.isDirectory(path);
                out.putNextEntry(new ZipEntry(isDirectory ? name + "/" : name));
                if (!isDirectory) {
                    Files.copy(path, out);
                }
                out.closeEntry();
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, @Nullable IOException failure) throws IOException {
                Files.delete(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
