package app.plugboard.integration.imap;

import app.plugboard.common.InputProblem;
import app.plugboard.common.InvalidInputException;
import app.plugboard.common.UserId;
import app.plugboard.integration.CheckResult;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationSettings;
import jakarta.mail.Address;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.SendFailedException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Mail for the assistant's workflows, through the same guarded, time-limited connections as the
 * connection check: the recent messages of a folder, one message's text, and sending a plain text
 * message through the mailbox's SMTP server. Folders are opened read-only, so nothing here marks a
 * message read. Failures are {@link MailException}s (what to fix, and the status it means) or, for
 * values a workflow passed, {@link InvalidInputException}s.
 *
 * <p>An owner's integration is named by its id, whatever its type: IMAP mail logs in with its password,
 * and a type that signs in with OAuth (Gmail, Outlook) gives its mailbox through a {@link MailboxSource},
 * logging in with XOAUTH2 and a fresh access token; when the server refuses that token, it is renewed
 * once and the operation tried again.
 */
@Component
public class MailAccess {

    /** The most messages {@link #recent} lists at once. */
    public static final int MAX_RECENT = 100;
    /** The most characters of text {@link #read} returns. */
    public static final int MAX_TEXT = 100_000;
    /** The most recipients one message may have. */
    public static final int MAX_RECIPIENTS = 50;

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final Pattern HIDDEN_HTML = Pattern.compile("(?is)<(script|style|head)\\b.*?</\\1\\s*>");
    private static final Pattern PARAGRAPH_END = Pattern.compile("(?i)</(p|h[1-6]|table|ul|ol|blockquote)\\s*>");
    private static final Pattern LINE_BREAKING_TAG = Pattern.compile("(?i)<(br|/div|/li|/tr)\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t]*(\\n[ \\t]*){2,}");

    private final MailConnector connector;
    private final @Nullable IntegrationService integrations;
    private final List<MailboxSource> sources;

    /** Only for the mailboxes of settings in hand (tests). */
    MailAccess(MailConnector connector) {
        this(connector, null, List.of());
    }

    @Autowired
    MailAccess(MailConnector connector, @Nullable IntegrationService integrations, List<MailboxSource> sources) {
        this.connector = connector;
        this.integrations = integrations;
        this.sources = List.copyOf(sources);
    }

    /** {@link #recent(ImapSettings, String, int)} of one of the owner's mail integrations, whatever its type. */
    public List<MailSummary> recent(UserId owner, IntegrationId id, String folder, int limit) {
        return withMailbox(owner, id, mailbox -> recent(mailbox, folder, limit));
    }

    /** {@link #read(ImapSettings, MessageRef)} of one of the owner's mail integrations, whatever its type. */
    public MailMessage read(UserId owner, IntegrationId id, MessageRef ref) {
        return withMailbox(owner, id, mailbox -> read(mailbox, ref));
    }

    /** {@link #send(ImapSettings, OutgoingMail)} from one of the owner's mail integrations, whatever its type. */
    public void send(UserId owner, IntegrationId id, OutgoingMail mail) {
        withMailbox(owner, id, mailbox -> {
            send(mailbox, mail);
            return null;
        });
    }

    /** The newest messages of {@code folder}, newest first, at most {@code limit} (1 to {@link #MAX_RECENT}). */
    public List<MailSummary> recent(ImapSettings settings, String folder, int limit) {
        return recent(Mailbox.of(settings), folder, limit);
    }

    /** One message, with its text. */
    public MailMessage read(ImapSettings settings, MessageRef ref) {
        return read(Mailbox.of(settings), ref);
    }

    /** Sends {@code mail} from the mailbox's address (its username) through its SMTP server. */
    public void send(ImapSettings settings, OutgoingMail mail) {
        if (settings.smtpServer() == null) {
            throw noSmtp();
        }
        send(Mailbox.of(settings), mail);
    }

    private <T> T withMailbox(UserId owner, IntegrationId id, Function<Mailbox, T> work) {
        if (integrations == null) {
            throw new IllegalStateException("no integrations to open");
        }
        IntegrationSettings settings = integrations.settings(owner, id);
        if (settings instanceof ImapSettings imap) {
            return work.apply(Mailbox.of(imap));
        }
        for (MailboxSource source : sources) {
            Optional<Mailbox> mailbox = source.mailbox(owner, id, settings);
            if (mailbox.isPresent()) {
                try {
                    return work.apply(mailbox.get());
                } catch (MailException e) {
                    Optional<Mailbox> renewed = e.loginRefused() ? source.afterRefusedLogin(owner, id, settings) : Optional.empty();
                    if (renewed.isEmpty()) {
                        throw e;
                    }
                    return work.apply(renewed.get());
                }
            }
        }
        throw new MailException(CheckResult.error(integrations.get(owner, id).label() + " is not a mailbox ("
                + settings.type().displayName() + "), so there is no mail to read or send through it.", null));
    }

    private List<MailSummary> recent(Mailbox settings, String folder, int limit) {
        if (limit < 1 || limit > MAX_RECENT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_RECENT);
        }
        return connector.imap(settings, connector.deadlineFromNow(), store -> {
            Folder open = openReadOnly(store, folder);
            try {
                int count = open.getMessageCount();
                if (count == 0) {
                    return List.of();
                }
                Message[] messages = open.getMessages(Math.max(1, count - limit + 1), count);
                FetchProfile profile = new FetchProfile();
                profile.add(FetchProfile.Item.ENVELOPE);
                profile.add(FetchProfile.Item.FLAGS);
                profile.add(UIDFolder.FetchProfileItem.UID);
                open.fetch(messages, profile);
                UIDFolder uids = (UIDFolder) open;
                long validity = uids.getUIDValidity();
                List<MailSummary> summaries = new ArrayList<>();
                for (Message message : messages) {
                    summaries.add(new MailSummary(new MessageRef(folder, validity, uids.getUID(message)), from(message),
                            subject(message), date(message), !message.isSet(Flags.Flag.SEEN)));
                }
                Collections.reverse(summaries);
                return summaries;
            } finally {
                open.close(false);
            }
        });
    }

    private MailMessage read(Mailbox settings, MessageRef ref) {
        return connector.imap(settings, connector.deadlineFromNow(), store -> {
            Folder open = openReadOnly(store, ref.folder());
            try {
                UIDFolder uids = (UIDFolder) open;
                Message message = uids.getUIDValidity() == ref.uidValidity() ? uids.getMessageByUID(ref.uid()) : null;
                if (message == null) {
                    throw new MailException(CheckResult.error("That message is no longer in " + ref.folder()
                            + ": it was moved or deleted.", null));
                }
                boolean unread = !message.isSet(Flags.Flag.SEEN);
                StringBuilder text = new StringBuilder();
                boolean truncated = appendText(message, text);
                List<String> to = new ArrayList<>();
                Address[] recipients = message.getRecipients(Message.RecipientType.TO);
                for (Address address : recipients == null ? new Address[0] : recipients) {
                    to.add(display(address));
                }
                return new MailMessage(ref, from(message), to, subject(message), date(message), unread,
                        text.toString().strip(), truncated);
            } finally {
                open.close(false);
            }
        });
    }

    private static MailException noSmtp() {
        return new MailException(CheckResult.error("No SMTP server is set for this mailbox, so Plugboard cannot send "
                + "from it: add one in its settings.", ImapSettings.SMTP_SERVER));
    }

    private void send(Mailbox settings, OutgoingMail mail) {
        if (settings.smtp() == null) {
            throw noSmtp();
        }
        InternetAddress from = sender(settings.username());
        InternetAddress[] to = recipients(mail.to());
        String subject = CONTROL.matcher(mail.subject()).replaceAll(" ").strip();
        connector.smtp(settings, connector.deadlineFromNow(), (session, transport) -> {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(from);
            message.setRecipients(Message.RecipientType.TO, to);
            message.setSubject(subject, "UTF-8");
            message.setText(mail.text(), "UTF-8");
            message.setSentDate(new Date());
            message.saveChanges();
            try {
                transport.sendMessage(message, to);
            } catch (SendFailedException refused) {
                Address[] invalid = refused.getInvalidAddresses();
                throw new MailException(CheckResult.error("The SMTP server refused to send the message"
                        + (invalid == null || invalid.length == 0 ? "." : " to " + String.join(", ",
                                Arrays.stream(invalid).map(MailAccess::display).toList()) + "."), null));
            }
            return null;
        });
    }

    private static Folder openReadOnly(Store store, String name) throws MessagingException {
        Folder folder = store.getFolder(name);
        if (!folder.exists()) {
            throw new MailException(CheckResult.error("There is no folder \"" + name + "\" in this mailbox.", null));
        }
        folder.open(Folder.READ_ONLY);
        return folder;
    }

    private static InternetAddress sender(String username) {
        try {
            InternetAddress address = new InternetAddress(username, true);
            if (address.getAddress().indexOf('@') < 0) {
                throw new AddressException("no domain");
            }
            return address;
        } catch (AddressException e) {
            throw new MailException(CheckResult.error("The username " + username + " is not an email address, so it "
                    + "cannot be the sender: sending needs a mailbox whose login is its address.", ImapSettings.USERNAME));
        }
    }

    private static InternetAddress[] recipients(List<String> to) {
        if (to.isEmpty() || to.size() > MAX_RECIPIENTS) {
            throw new InvalidInputException(new InputProblem("to", "A message needs 1 to " + MAX_RECIPIENTS + " recipients."));
        }
        InternetAddress[] addresses = new InternetAddress[to.size()];
        for (int i = 0; i < to.size(); i++) {
            String recipient = to.get(i);
            try {
                addresses[i] = new InternetAddress(recipient.strip(), true);
                if (CONTROL.matcher(recipient).find() || addresses[i].getAddress().indexOf('@') < 0) {
                    throw new AddressException("not an address");
                }
            } catch (AddressException e) {
                throw new InvalidInputException(new InputProblem("to", "\"" + recipient.strip()
                        + "\" is not an email address: use one such as bob@example.com."));
            }
        }
        return addresses;
    }

    private static String from(Message message) throws MessagingException {
        Address[] from = message.getFrom();
        return from == null || from.length == 0 ? "(unknown sender)" : display(from[0]);
    }

    private static String display(Address address) {
        return address instanceof InternetAddress internet ? internet.toUnicodeString() : address.toString();
    }

    private static String subject(Message message) throws MessagingException {
        String subject = message.getSubject();
        return subject == null || subject.isBlank() ? "(no subject)" : subject.strip();
    }

    private static @Nullable Instant date(Message message) throws MessagingException {
        Date date = message.getSentDate() != null ? message.getSentDate() : message.getReceivedDate();
        return date == null ? null : date.toInstant();
    }

    /** Appends the readable text of {@code part}; true when it was cut at {@link #MAX_TEXT}. */
    private static boolean appendText(Part part, StringBuilder text) throws MessagingException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return false;
        }
        if (part.isMimeType("text/plain")) {
            return append(text, content(part));
        }
        if (part.isMimeType("text/html")) {
            return append(text, htmlToText(content(part)));
        }
        if (part.isMimeType("multipart/alternative")) {
            Multipart alternatives = multipart(part);
            Part chosen = null;
            for (int i = 0; i < alternatives.getCount() && chosen == null; i++) {
                if (alternatives.getBodyPart(i).isMimeType("text/plain")) {
                    chosen = alternatives.getBodyPart(i);
                }
            }
            for (int i = alternatives.getCount() - 1; i >= 0 && chosen == null; i--) {
                chosen = alternatives.getBodyPart(i); // the richest form comes last
            }
            return chosen != null && appendText(chosen, text);
        }
        if (part.isMimeType("multipart/*")) {
            Multipart parts = multipart(part);
            for (int i = 0; i < parts.getCount(); i++) {
                if (appendText(parts.getBodyPart(i), text)) {
                    return true;
                }
            }
            return false;
        }
        if (part.isMimeType("message/rfc822")) {
            try {
                return part.getContent() instanceof Part nested && appendText(nested, text);
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }

    private static Multipart multipart(Part part) throws MessagingException {
        try {
            if (part.getContent() instanceof Multipart multipart) {
                return multipart;
            }
        } catch (IOException e) {
            // treated as empty below
        }
        return new jakarta.mail.internet.MimeMultipart();
    }

    /** The decoded text of a text part; when its charset is unknown, its bytes read as UTF-8. */
    private static String content(Part part) throws MessagingException {
        try {
            Object content = part.getContent();
            if (content instanceof String string) {
                return string;
            }
        } catch (IOException e) {
            // an unknown charset, say: read the bytes below
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readNBytes(MAX_TEXT * 4), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean append(StringBuilder text, String part) {
        String more = part.replace("\r\n", "\n").replace('\r', '\n');
        if (!text.isEmpty() && !more.isBlank()) {
            text.append("\n\n");
        }
        int room = MAX_TEXT - text.length();
        if (more.length() > room) {
            text.append(more, 0, Math.max(0, room));
            return true;
        }
        text.append(more);
        return false;
    }

    /** HTML as plain text, roughly: no scripts or styles, line breaks where blocks end, no tags, the common entities. */
    static String htmlToText(String html) {
        String text = HIDDEN_HTML.matcher(html).replaceAll("");
        text = PARAGRAPH_END.matcher(text).replaceAll("\n\n");
        text = LINE_BREAKING_TAG.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll("");
        text = text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&apos;", "'").replace("&amp;", "&");
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        return BLANK_LINES.matcher(text).replaceAll("\n\n").strip();
    }
}
