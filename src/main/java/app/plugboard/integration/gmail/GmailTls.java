package app.plugboard.integration.gmail;

import javax.net.ssl.SSLSocketFactory;

/**
 * How the connection to Gmail's IMAP does TLS: with the JVM's trust store, certificate and host
 * name checked. Tests replace it with one that trusts their stand-in's certificate (and still
 * checks the host name).
 */
public record GmailTls(SSLSocketFactory socketFactory) {
}
