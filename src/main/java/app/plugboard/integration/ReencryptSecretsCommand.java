package app.plugboard.integration;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar plugboard.jar reencrypt-secrets}: moves every stored secret to the current key,
 * prints what it did and exits (status 1 when some secret could not be read).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReencryptSecretsCommand implements ApplicationRunner {

    static final String COMMAND = "reencrypt-secrets";

    private final SecretRotation rotation;
    private final ConfigurableApplicationContext context;

    ReencryptSecretsCommand(SecretRotation rotation, ConfigurableApplicationContext context) {
        this.rotation = rotation;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.getNonOptionArgs().contains(COMMAND)) {
            return;
        }
        SecretRotation.Report report = rotation.reencryptAll();
        System.out.printf("Re-encrypted %d of %d integrations under the current key; %d could not be read%s%n",
                report.reencrypted(), report.examined(), report.unreadable().size(),
                report.unreadable().isEmpty() ? "." : ": " + report.unreadable());
        int status = report.unreadable().isEmpty() ? 0 : 1;
        System.exit(SpringApplication.exit(context, () -> status));
    }
}
