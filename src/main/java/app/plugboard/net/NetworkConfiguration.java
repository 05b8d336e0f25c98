package app.plugboard.net;

import app.plugboard.common.StartupProblem;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NetworkConfiguration {

    private static final Logger log = LoggerFactory.getLogger(NetworkConfiguration.class);

    @Bean
    HostResolver hostResolver() {
        return HostResolver.SYSTEM;
    }

    @Bean
    DestinationGuard destinationGuard(HostResolver resolver, NetworkProperties properties) {
        List<AddressRange> allowed = new ArrayList<>();
        for (String cidr : properties.allowedRanges()) {
            if (cidr.isBlank()) {
                continue;
            }
            try {
                allowed.add(AddressRange.parse(cidr));
            } catch (IllegalArgumentException e) {
                throw new StartupProblem("PLUGBOARD_NETWORK_ALLOWED_RANGES (plugboard.network.allowed-ranges) is not valid: "
                        + e.getMessage() + ".",
                        "Give comma-separated CIDR ranges such as 192.168.1.0/24,fd00::/8, or leave it empty.");
            }
        }
        if (!allowed.isEmpty()) {
            log.warn("Connections to user-supplied hosts may reach these otherwise blocked ranges: {}", allowed);
        }
        return new DestinationGuard(resolver, allowed);
    }
}
