package app.plugboard.testsupport.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Locale;
import javax.net.ssl.SSLSocket;

/**
 * Sits in front of a plain GreenMail port and counts the connections it gets. As a relay it just
 * passes bytes on; as a STARTTLS front it speaks the protocol's opening itself (greeting,
 * capabilities with STARTTLS), upgrades to TLS with the test certificate, and then relays the
 * rest to GreenMail (whose own greeting it swallows), so GreenMail serves IMAP or SMTP over
 * STARTTLS, which it cannot do itself.
 */
public final class StartTlsFront extends TestServerSocket {

    public enum Mode { RELAY, IMAP_STARTTLS, SMTP_STARTTLS }

    private final Mode mode;
    private final int backendPort;

    private StartTlsFront(Mode mode, int backendPort) throws IOException {
        super(loopback(50), "front-" + mode.name().toLowerCase(Locale.ROOT));
        this.mode = mode;
        this.backendPort = backendPort;
    }

    public static StartTlsFront start(Mode mode, int backendPort) {
        try {
            StartTlsFront front = new StartTlsFront(mode, backendPort);
            front.begin();
            return front;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    void handle(Socket client) throws IOException {
        Socket front = switch (mode) {
            case RELAY -> client;
            case IMAP_STARTTLS -> imapOpening(client);
            case SMTP_STARTTLS -> smtpOpening(client);
        };
        if (front == null) {
            return;
        }
        keep(front);
        try (Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort)) {
            keep(backend);
            if (mode != Mode.RELAY) {
                new LineIo(backend).line(); // GreenMail's greeting: the client had ours
            }
            Thread upstream = pump(front.getInputStream(), backend.getOutputStream(), backend);
            pump(backend.getInputStream(), front.getOutputStream(), front).join();
            upstream.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(front);
        }
    }

    private static Socket imapOpening(Socket client) throws IOException {
        LineIo io = new LineIo(client);
        io.send("* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] front ready");
        String line;
        while ((line = io.line()) != null) {
            String tag = LineIo.tag(line);
            switch (LineIo.command(line)) {
                case "CAPABILITY" -> io.send("* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED", tag + " OK done");
                case "NOOP" -> io.send(tag + " OK done");
                case "LOGOUT" -> {
                    io.send("* BYE", tag + " OK done");
                    return null;
                }
                case "STARTTLS" -> {
                    io.send(tag + " OK begin TLS now");
                    return upgrade(client);
                }
                default -> io.send(tag + " BAD STARTTLS first");
            }
        }
        return null;
    }

    private static Socket smtpOpening(Socket client) throws IOException {
        LineIo io = new LineIo(client);
        io.send("220 front ESMTP ready");
        String line;
        while ((line = io.line()) != null) {
            String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
            switch (verb) {
                case "EHLO" -> io.send("250-front", "250 STARTTLS");
                case "HELO" -> io.send("250 front");
                case "QUIT" -> {
                    io.send("221 bye");
                    return null;
                }
                case "STARTTLS" -> {
                    io.send("220 go ahead");
                    return upgrade(client);
                }
                default -> io.send("530 5.7.0 STARTTLS first");
            }
        }
        return null;
    }

    private static SSLSocket upgrade(Socket client) throws IOException {
        SSLSocket tls = (SSLSocket) TestTls.serverContext().getSocketFactory()
                .createSocket(client, client.getInetAddress().getHostAddress(), client.getPort(), true);
        tls.setUseClientMode(false);
        tls.startHandshake();
        return tls;
    }

    private static Thread pump(InputStream from, OutputStream to, Socket closeWhenDone) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                int read;
                while ((read = from.read(buffer)) != -1) {
                    to.write(buffer, 0, read);
                    to.flush();
                }
            } catch (IOException e) {
                // one side went away
            } finally {
                closeQuietly(closeWhenDone);
            }
        }, "front-pump");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
