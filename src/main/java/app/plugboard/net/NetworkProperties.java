package app.plugboard.net;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param allowedRanges CIDR ranges an operator opens on purpose although they are private or
 *                      special (a self-hosted mail server on the LAN); none by default
 */
@ConfigurationProperties("plugboard.network")
public record NetworkProperties(@DefaultValue List<String> allowedRanges) {
}
