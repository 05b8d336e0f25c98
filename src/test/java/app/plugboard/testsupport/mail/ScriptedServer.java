package app.plugboard.testsupport.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.SSLServerSocket;

/**
 * A misbehaving mail server for the tests: each connection follows a script (greet and go silent,
 * hang up after CAPABILITY, answer like another protocol...). Plain, or implicit TLS with the
 * test certificate for "localhost".
 */
public final class ScriptedServer extends TestServerSocket {

    /** What the server does with one connection. */
    @FunctionalInterface
    public interface Script {
        void run(LineIo io) throws IOException;
    }

    private final Script script;
    private final CountDownLatch closed = new CountDownLatch(1);

    private ScriptedServer(ServerSocket server, Script script) {
        super(server, "scripted-server");
        this.script = script;
    }

    public static ScriptedServer plain(Script script) {
        try {
            ScriptedServer server = new ScriptedServer(loopback(50), script);
            server.begin();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ScriptedServer tls(Script script) {
        return tls(TestTls.serverContext(), script);
    }

    /** Implicit TLS presenting what {@code context} holds (an expired certificate, say). */
    public static ScriptedServer tls(javax.net.ssl.SSLContext context, Script script) {
        try {
            SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory()
                    .createServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
            ScriptedServer server = new ScriptedServer(socket, script);
            server.begin();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Accepts and never says a word (nor answers a TLS handshake) until the test ends. */
    public static ScriptedServer silent() {
        ScriptedServer[] self = new ScriptedServer[1];
        self[0] = plain(io -> self[0].awaitClose());
        return self[0];
    }

    @Override
    void handle(Socket socket) throws IOException {
        script.run(new LineIo(socket));
    }

    /** For scripts that hold the connection open until the test is over. */
    public void awaitClose() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        super.close();
    }
}
