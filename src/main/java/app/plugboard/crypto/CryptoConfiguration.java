package app.plugboard.crypto;

import app.plugboard.common.DataDirectoryProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

    @Bean
    SecretCipher secretCipher(EncryptionProperties encryption, DataDirectoryProperties data, Environment environment) {
        return new KeyringLoader(encryption, data.dataDir(), environment.matchesProfiles("prod")).load();
    }
}
