package app.plugboard.storage;

import app.plugboard.common.StartupProblem;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.springframework.beans.factory.DisposableBean;

/**
 * The embedded PostgreSQL, started on its own thread while Spring builds the rest of the
 * application (it takes a second or more, mostly PostgreSQL's own start). Whoever needs it
 * waits in {@link #await()}; closing the application context stops it, started or not yet.
 */
final class EmbeddedDatabaseLaunch implements DisposableBean {

    static final String BEAN_NAME = "plugboard.embeddedDatabaseLaunch";

    private final CompletableFuture<EmbeddedDatabase> launch;

    private EmbeddedDatabaseLaunch(CompletableFuture<EmbeddedDatabase> launch) {
        this.launch = launch;
    }

    static EmbeddedDatabaseLaunch begin(Path dataDir, int port) {
        CompletableFuture<EmbeddedDatabase> launch = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                launch.complete(EmbeddedDatabase.start(dataDir, port));
            } catch (Throwable failure) {
                launch.completeExceptionally(failure);
            }
        }, "embedded-postgres-start");
        starter.setDaemon(true);
        starter.start();
        return new EmbeddedDatabaseLaunch(launch);
    }

    EmbeddedDatabase await() {
        try {
            return launch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the embedded PostgreSQL was starting", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StartupProblem problem) {
                throw problem;
            }
            throw new IllegalStateException("the embedded PostgreSQL did not start", e.getCause());
        }
    }

    @Override
    public void destroy() throws Exception {
        try {
            launch.join().close();
        } catch (CompletionException e) {
            // it never started: nothing to stop
        }
    }
}
