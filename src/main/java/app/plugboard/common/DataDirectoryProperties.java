package app.plugboard.common;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where a local Plugboard keeps its state: the embedded database and a generated key. */
@ConfigurationProperties("plugboard")
public record DataDirectoryProperties(Path dataDir) {

    public DataDirectoryProperties {
        dataDir = dataDir.toAbsolutePath().normalize();
    }
}
