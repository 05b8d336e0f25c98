package app.plugboard.testsupport.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Lines over a socket, read byte by byte (so nothing is buffered beyond a line: the bytes after
 * STARTTLS belong to TLS).
 */
public final class LineIo {

    private final InputStream in;
    private final OutputStream out;

    public LineIo(Socket socket) throws IOException {
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** The next line without its CRLF, or null at the end of the stream. */
    public @Nullable String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }

    /** Sends each line with CRLF. */
    public void send(String... lines) throws IOException {
        for (String line : lines) {
            out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        out.flush();
    }

    /** The IMAP tag of a command line ("A1 LOGIN ..." gives "A1"). */
    public static String tag(String line) {
        int space = line.indexOf(' ');
        return space < 0 ? line : line.substring(0, space);
    }

    /** The IMAP command of a command line, upper case ("A1 login x" gives "LOGIN"). */
    public static String command(String line) {
        String[] parts = line.split(" ", 3);
        return parts.length < 2 ? "" : parts[1].toUpperCase(java.util.Locale.ROOT);
    }
}
