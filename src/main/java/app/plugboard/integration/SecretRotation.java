package app.plugboard.integration;

import app.plugboard.crypto.UnreadableSecretException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-encrypts every integration's secrets under the newest key, row by row, so that older keys can
 * leave the keyring. Nobody re-enters anything; what the owners see does not change.
 */
@Service
public class SecretRotation {

    private static final int PAGE = 200;
    private static final int ATTEMPTS = 5;
    private static final Logger log = LoggerFactory.getLogger(SecretRotation.class);

    private final IntegrationRepository repository;
    private final SettingsCodec codec;
    private final TransactionTemplate transactions;

    SecretRotation(IntegrationRepository repository, SettingsCodec codec, TransactionTemplate transactions) {
        this.repository = repository;
        this.codec = codec;
        this.transactions = transactions;
    }

    /**
     * @param unreadable integrations whose secrets no configured key decrypts (left untouched)
     */
    public record Report(int examined, int reencrypted, List<IntegrationId> unreadable) {
    }

    public Report reencryptAll() {
        int examined = 0;
        int reencrypted = 0;
        List<IntegrationId> unreadable = new ArrayList<>();
        IntegrationId after = new IntegrationId(new UUID(0, 0)); // the smallest uuid in PostgreSQL's order
        List<Integration> page;
        do {
            page = repository.findPageAfter(after, PAGE);
            for (Integration integration : page) {
                examined++;
                try {
                    if (reencrypt(integration.id())) {
                        reencrypted++;
                    }
                } catch (UnreadableSecretException e) {
                    log.warn("Integration {} could not be re-encrypted: {}", integration.id(), e.getMessage());
                    unreadable.add(integration.id());
                }
                after = integration.id();
            }
        } while (page.size() == PAGE);
        log.info("Re-encryption done: {} integrations examined, {} moved to the current key, {} unreadable.",
                examined, reencrypted, unreadable.size());
        return new Report(examined, reencrypted, List.copyOf(unreadable));
    }

    private boolean reencrypt(IntegrationId id) {
        for (int attempt = 1; ; attempt++) {
            try {
                Boolean changed = transactions.execute(status -> {
                    Integration current = repository.findById(id).orElse(null);
                    if (current == null || codec.isUnderCurrentKey(current)) {
                        return false;
                    }
                    current.reencrypt(codec.reencrypt(current));
                    repository.save(current);
                    return true;
                });
                return Boolean.TRUE.equals(changed);
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
