package app.plugboard.testsupport;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/** What {@link CleanDatabase} does: {@link Tables#truncateAll} with the test context's {@link JdbcTemplate}. */
class CleanDatabaseExtension implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        Tables.truncateAll(SpringExtension.getApplicationContext(context).getBean(JdbcTemplate.class));
    }
}
