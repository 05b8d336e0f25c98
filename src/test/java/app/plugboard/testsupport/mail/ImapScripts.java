package app.plugboard.testsupport.mail;

import java.io.IOException;

/** IMAP servers that misbehave in the ways the connection check must explain. */
public final class ImapScripts {

    private ImapScripts() {
    }

    /** Greets, answers CAPABILITY, then hangs up on the next command (the login). */
    public static ScriptedServer.Script closeAfterCapability() {
        return io -> {
            io.send("* OK IMAP4rev1 ready");
            String line;
            while ((line = io.line()) != null) {
                if (!LineIo.command(line).equals("CAPABILITY")) {
                    return; // hang up
                }
                io.send("* CAPABILITY IMAP4rev1", LineIo.tag(line) + " OK done");
            }
        };
    }

    /** Answers like an SMTP server. */
    public static ScriptedServer.Script smtpGreeting() {
        return io -> {
            io.send("220 mail.example.com ESMTP ready");
            while (io.line() != null) {
                io.send("502 5.5.2 what?");
            }
        };
    }

    /** Refuses the login because the account has too many connections open. */
    public static ScriptedServer.Script tooManyConnections() {
        return io -> {
            io.send("* OK IMAP4rev1 ready");
            String line;
            while ((line = io.line()) != null) {
                String tag = LineIo.tag(line);
                switch (LineIo.command(line)) {
                    case "CAPABILITY" -> io.send("* CAPABILITY IMAP4rev1", tag + " OK done");
                    case "LOGIN" -> io.send(tag + " NO [LIMIT] Too many simultaneous connections. (Failure)");
                    case "LOGOUT" -> {
                        io.send("* BYE", tag + " OK done");
                        return;
                    }
                    default -> io.send(tag + " BAD unknown");
                }
            }
        };
    }

    /** Says goodbye in its greeting: the connection limit per address is reached. */
    public static ScriptedServer.Script byeGreeting() {
        return io -> io.send("* BYE Too many connections from your IP address");
    }

    /**
     * Greets, then answers CAPABILITY with an untagged line every {@code everyMillis}, never
     * finishing: each read is within the read timeout, the whole is not.
     */
    public static ScriptedServer.Script dribble(long everyMillis) {
        return io -> {
            io.send("* OK IMAP4rev1 ready");
            if (io.line() == null) {
                return;
            }
            try {
                for (int i = 0; i < 10_000; i++) {
                    io.send("* OK still thinking");
                    Thread.sleep(everyMillis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    /** An SMTP server that refuses every login. */
    public static ScriptedServer.Script smtpRefusingLogin() {
        return io -> {
            io.send("220 smtp.example.com ESMTP ready");
            String line;
            while ((line = io.line()) != null) {
                String verb = line.split(" ", 2)[0].toUpperCase(java.util.Locale.ROOT);
                switch (verb) {
                    case "EHLO" -> io.send("250-smtp.example.com", "250 AUTH PLAIN LOGIN");
                    case "AUTH" -> io.send("535 5.7.8 Authentication credentials invalid");
                    case "QUIT" -> {
                        io.send("221 bye");
                        return;
                    }
                    default -> io.send("503 5.5.1 authenticate first");
                }
            }
        };
    }

    /** A port whose accept queue is full: a connection attempt gets no answer and times out. */
    public static FullBacklog fullBacklog() throws IOException {
        return FullBacklog.open();
    }
}
