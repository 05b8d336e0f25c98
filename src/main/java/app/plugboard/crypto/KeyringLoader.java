package app.plugboard.crypto;

import static java.nio.file.attribute.PosixFilePermission.GROUP_EXECUTE;
import static java.nio.file.attribute.PosixFilePermission.GROUP_READ;
import static java.nio.file.attribute.PosixFilePermission.GROUP_WRITE;
import static java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE;
import static java.nio.file.attribute.PosixFilePermission.OTHERS_READ;
import static java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE;

import app.plugboard.common.StartupProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the keyring from the configuration. With no key configured, a local run generates one
 * into the data directory (readable by its owner only) and warns; the prod profile refuses.
 */
final class KeyringLoader {

    static final String KEY_FILE = "encryption.key";
    private static final String GENERATE = "Generate one with `openssl rand -base64 32`";
    private static final Logger log = LoggerFactory.getLogger(KeyringLoader.class);

    private final EncryptionProperties properties;
    private final Path dataDir;
    private final boolean production;

    KeyringLoader(EncryptionProperties properties, Path dataDir, boolean production) {
        this.properties = properties;
        this.dataDir = dataDir;
        this.production = production;
    }

    SecretCipher load() {
        List<EncryptionKey> older = new ArrayList<>();
        for (String oldKey : properties.oldKeyList()) {
            older.add(parse(oldKey, "A key in PLUGBOARD_ENCRYPTION_OLD_KEYS"));
        }
        Path keyFile = dataDir.resolve(KEY_FILE);
        EncryptionKey current;
        if (properties.hasKey()) {
            current = parse(properties.key(), "PLUGBOARD_ENCRYPTION_KEY");
            if (Files.exists(keyFile)) {
                EncryptionKey generated = parse(read(keyFile), "The generated key in " + keyFile);
                if (!generated.id().equals(current.id())) {
                    older.add(generated);
                    log.info("The key generated earlier into {} still decrypts secrets stored under it; run the "
                            + "reencrypt-secrets command to move them to PLUGBOARD_ENCRYPTION_KEY, then delete the file.", keyFile);
                }
            }
        } else if (production) {
            throw new StartupProblem(
                    "PLUGBOARD_ENCRYPTION_KEY is not set, and the prod profile does not start without it.",
                    GENERATE + ", keep it somewhere safe (losing it loses every stored credential) "
                            + "and set PLUGBOARD_ENCRYPTION_KEY.");
        } else {
            current = parse(readOrGenerate(keyFile), "The generated key in " + keyFile);
        }
        log.info("Secrets are encrypted with AES-256-GCM under key {} ({} older key(s) accepted for decryption).",
                current.id(), older.size());
        return new SecretCipher(current, older);
    }

    private static EncryptionKey parse(String base64, String source) {
        try {
            return EncryptionKey.fromBase64(base64);
        } catch (IllegalArgumentException e) {
            throw new StartupProblem(source + " is not a 256-bit key in base64.",
                    GENERATE + " and use its output as it is.");
        }
    }

    private String readOrGenerate(Path keyFile) {
        if (Files.exists(keyFile)) {
            log.warn("PLUGBOARD_ENCRYPTION_KEY is not set: using the key generated earlier into {}.", keyFile);
            return read(keyFile);
        }
        byte[] key = new byte[EncryptionKey.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        String base64 = Base64.getEncoder().encodeToString(key);
        try {
            Files.createDirectories(keyFile.getParent());
            createOwnerOnly(keyFile);
            Files.writeString(keyFile, base64 + "\n", StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException e) {
            return read(keyFile);
        } catch (IOException e) {
            throw new StartupProblem("Could not write a new encryption key into " + keyFile + ".",
                    "Make the data directory writable (PLUGBOARD_DATA_DIR), or set PLUGBOARD_ENCRYPTION_KEY. " + GENERATE + ".", e);
        }
        log.warn("PLUGBOARD_ENCRYPTION_KEY is not set. A new key was generated into {}. Stored credentials are "
                + "encrypted with it: back it up, or they are lost with it. For a real deployment set "
                + "PLUGBOARD_ENCRYPTION_KEY (the prod profile requires it).",
                keyFile);
        return base64;
    }

    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
    }

    private static String read(Path keyFile) {
        refuseIfOpenToOthers(keyFile);
        try {
            return Files.readString(keyFile, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new StartupProblem("Could not read the encryption key in " + keyFile + ".",
                    "Make the file readable by the user running Plugboard, or set PLUGBOARD_ENCRYPTION_KEY.", e);
        }
    }

    /**
     * Whoever can read the key file can read every stored credential (and whoever can write it can swap
     * the key): a file open to other users is refused, with the fix. File systems without POSIX
     * permissions (Windows) are left to their own access control.
     */
    private static void refuseIfOpenToOthers(Path keyFile) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(keyFile);
        } catch (UnsupportedOperationException | IOException e) {
            return; // not POSIX; or unreadable, which reading it reports
        }
        String open = either(permissions, GROUP_READ, OTHERS_READ) ? "readable"
                : either(permissions, GROUP_WRITE, OTHERS_WRITE) ? "writable"
                : either(permissions, GROUP_EXECUTE, OTHERS_EXECUTE) ? "executable"
                : null;
        if (open != null) {
            throw new StartupProblem("The encryption key file " + keyFile + " is " + open + " by others ("
                    + PosixFilePermissions.toString(permissions) + ").",
                    "Run: chmod 600 " + keyFile + " (then start Plugboard again).");
        }
    }

    private static boolean either(Set<PosixFilePermission> permissions, PosixFilePermission one, PosixFilePermission other) {
        return permissions.contains(one) || permissions.contains(other);
    }
}
