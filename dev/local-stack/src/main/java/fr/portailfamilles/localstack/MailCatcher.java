package fr.portailfamilles.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.json.JsonMapper;

/**
 * An SMTP server that keeps the newest messages (GreenMail), and a small HTTP page and JSON API that show
 * them, newest first and a page at a time: {@code GET /?page=}, {@code GET /api/messages?page=&size=&to=}
 * ({@code {items, page, size, total, kept, dropped}}), {@code DELETE /api/messages} forgets them. Both
 * listen on the loopback interface only.
 * <p>
 * It must survive a rush (an opening sends tens of thousands of e-mails): every message goes into one
 * catch-all mailbox, of which at most {@link #DEFAULT_KEPT} are kept (older ones are dropped and counted),
 * and a request only reads and serialises the page it returns.
 */
public final class MailCatcher implements AutoCloseable {

    /** Messages kept: a few MB of e-mails, enough to find a recent one; a rush's older ones are dropped. */
    public static final int DEFAULT_KEPT = 2_000;
    /** Page size bounds: one answer stays small whatever a caller asks for. */
    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 200;
    /** When full, this share of the oldest goes at once, so the mailbox is not rewritten on every message. */
    private static final int DROP_DIVISOR = 10;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Pattern LINK = Pattern.compile("https?://(?:(?!&quot;|&#39;|&lt;|&gt;)[^\\s<>\"])+");
    private static final DateTimeFormatter DISPLAYED = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss", Locale.FRANCE)
            .withZone(ZoneId.systemDefault());

    /** One received message as the page and the API show it; the id is its place in the catch-all mailbox. */
    public record CaughtMessage(long id, String from, List<String> to, String subject, Instant date, String text,
            String html) {
    }

    /** One page of messages, newest first; {@code dropped} counts the older ones no longer kept. */
    public record MessagePage(List<CaughtMessage> items, int page, int size, long total, int kept, long dropped) {
    }

    private final GreenMail greenMail;
    private final MailFolder inbox;
    private final int kept;
    private final AtomicLong dropped;
    private final HttpServer http;
    private final ExecutorService executor;

    private MailCatcher(GreenMail greenMail, MailFolder inbox, int kept, AtomicLong dropped, HttpServer http,
            ExecutorService executor) {
        this.greenMail = greenMail;
        this.inbox = inbox;
        this.kept = kept;
        this.dropped = dropped;
        this.http = http;
        this.executor = executor;
    }

    public static MailCatcher start(int smtpPort, int httpPort) {
        return start(smtpPort, httpPort, DEFAULT_KEPT);
    }

    public static MailCatcher start(int smtpPort, int httpPort, int kept) {
        if (kept < DROP_DIVISOR) {
            throw new IllegalArgumentException("Keep at least " + DROP_DIVISOR + " messages, not " + kept);
        }
        String loopback = InetAddress.getLoopbackAddress().getHostAddress();
        GreenMail greenMail = new GreenMail(new ServerSetup(smtpPort, loopback, ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        MailFolder inbox;
        GreenMailUser catchAll;
        try {
            catchAll = greenMail.setUser("catch-all@localhost", "catch-all", "catch-all");
            inbox = greenMail.getManagers().getImapHostManager().getInbox(catchAll);
        }
        catch (FolderException ex) {
            greenMail.stop();
            throw new IllegalStateException("Mail catcher mailbox could not be created", ex);
        }
        AtomicLong dropped = new AtomicLong();
        // Every recipient's message lands in the one mailbox, in arrival order, with room made first.
        greenMail.getUserManager().setMessageDeliveryHandler((message, address) -> {
            makeRoom(inbox, kept, dropped);
            return catchAll;
        });
        ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "mail-catcher-http");
            thread.setDaemon(true);
            return thread;
        });
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), httpPort), 0);
            MailCatcher catcher = new MailCatcher(greenMail, inbox, kept, dropped, http, executor);
            http.createContext("/", catcher::handle);
            http.setExecutor(executor);
            http.start();
            return catcher;
        }
        catch (IOException ex) {
            greenMail.stop();
            executor.shutdownNow();
            throw new UncheckedIOException("Mail catcher page could not listen on port " + httpPort, ex);
        }
    }

    public GreenMail greenMail() {
        return greenMail;
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public String url() {
        return "http://localhost:" + http.getAddress().getPort();
    }

    /** Messages dropped so far to keep the newest {@code kept}. */
    public long dropped() {
        return dropped.get();
    }

    /**
     * One page of the kept messages, newest first, only those to {@code to} (any recipient, ignoring case)
     * when it is not null. Only the page's messages are parsed.
     */
    public MessagePage messages(int page, int size, String to) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page >= 0 and 1 <= size <= " + MAX_PAGE_SIZE);
        }
        List<StoredMessage> newestFirst = new ArrayList<>(inbox.getMessages());
        Collections.reverse(newestFirst);
        if (to != null) {
            newestFirst = newestFirst.stream().filter(stored -> isTo(stored.getMimeMessage(), to)).toList();
        }
        long from = (long) page * size;
        List<CaughtMessage> items = newestFirst.stream().skip(from).limit(size)
                .map(stored -> describe(stored.getUid(), stored.getMimeMessage())).toList();
        return new MessagePage(items, page, size, newestFirst.size(), kept, dropped.get());
    }

    /** Forgets every message received so far. */
    public void clear() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        }
        catch (Exception ex) {
            throw new IllegalStateException("Could not purge the mail catcher", ex);
        }
    }

    /** Before a message is stored: when {@code kept} are there, the oldest tenth goes. */
    private static void makeRoom(MailFolder inbox, int kept, AtomicLong dropped) {
        synchronized (inbox) {
            List<StoredMessage> stored = inbox.getMessages();
            if (stored.size() < kept) {
                return;
            }
            int excess = stored.size() - kept + kept / DROP_DIVISOR;
            for (StoredMessage old : stored.subList(0, excess)) {
                old.setFlag(Flags.Flag.DELETED, true);
            }
            try {
                inbox.expunge();
                dropped.addAndGet(excess);
            }
            catch (FolderException ex) {
                throw new IllegalStateException("Could not drop old messages from the mail catcher", ex);
            }
        }
    }

    private static boolean isTo(MimeMessage message, String to) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null && Arrays.stream(recipients).map(MailCatcher::address).anyMatch(to::equalsIgnoreCase);
        }
        catch (MessagingException ex) {
            return false;
        }
    }

    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
        greenMail.stop();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/api/messages") && method.equals("GET")) {
                MessagePage page;
                try {
                    page = messages(intParameter(exchange, "page", 0), intParameter(exchange, "size", DEFAULT_PAGE_SIZE),
                            queryParameter(exchange, "to"));
                }
                catch (IllegalArgumentException bad) {
                    respondJson(exchange, 400, "application/problem+json", Map.of("title", "Paramètres invalides",
                            "status", 400, "detail", bad.getMessage()));
                    return;
                }
                respondJson(exchange, 200, "application/json", page);
            }
            else if (path.equals("/api/messages") && method.equals("DELETE")) {
                clear();
                exchange.sendResponseHeaders(204, -1);
            }
            else if (path.equals("/") && method.equals("GET")) {
                int page = Math.max(0, intOrZero(queryParameter(exchange, "page")));
                respond(exchange, 200, "text/html", page(messages(page, DEFAULT_PAGE_SIZE, null)));
            }
            else {
                respond(exchange, 404, "text/plain", "Not found: " + method + " " + path);
            }
        }
        catch (RuntimeException ex) {
            respond(exchange, 500, "text/plain", String.valueOf(ex));
        }
    }

    private static int intParameter(HttpExchange exchange, String name, int defaultValue) {
        String value = queryParameter(exchange, name);
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value);
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException(name + " is not a number: " + value);
        }
    }

    private static int intOrZero(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value);
        }
        catch (NumberFormatException ex) {
            return 0;
        }
    }

    /** Streams the JSON (Jackson) to the client: nothing the size of the whole answer is built in memory first. */
    private static void respondJson(HttpExchange exchange, int status, String contentType, Object body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType + "; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            JSON.writeValue(out, body);
        }
    }

    private static String queryParameter(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType + "; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static CaughtMessage describe(long id, MimeMessage message) {
        try {
            Address[] from = message.getFrom();
            Address[] recipients = message.getAllRecipients();
            StringBuilder text = new StringBuilder();
            StringBuilder html = new StringBuilder();
            collectBodies(message, text, html);
            String plain = text.isEmpty() && !html.isEmpty() ? stripTags(html.toString()) : text.toString();
            Instant date = message.getSentDate() == null ? null : message.getSentDate().toInstant();
            return new CaughtMessage(id,
                    from == null || from.length == 0 ? "" : from[0].toString(),
                    recipients == null ? List.of() : Arrays.stream(recipients).map(MailCatcher::address).toList(),
                    message.getSubject() == null ? "" : message.getSubject(),
                    date, plain, html.toString());
        }
        catch (MessagingException | IOException ex) {
            return new CaughtMessage(id, "", List.of(), "(unreadable message: " + ex.getMessage() + ")", null, "", "");
        }
    }

    private static String address(Address address) {
        return address instanceof jakarta.mail.internet.InternetAddress internet ? internet.getAddress() : address.toString();
    }

    private static void collectBodies(Part part, StringBuilder text, StringBuilder html)
            throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return;
        }
        if (part.isMimeType("text/plain")) {
            text.append(part.getContent());
        }
        else if (part.isMimeType("text/html")) {
            html.append(part.getContent());
        }
        else if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int index = 0; index < multipart.getCount(); index++) {
                BodyPart child = multipart.getBodyPart(index);
                collectBodies(child, text, html);
            }
        }
        else if (part.isMimeType("message/rfc822") && part.getContent() instanceof Message nested) {
            collectBodies(nested, text, html);
        }
    }

    private static String stripTags(String html) {
        return html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", "")
                .replaceAll("(?i)<br\\s*/?>|</p>|</div>|</li>|</h[1-6]>", "\n")
                .replaceAll("<[^>]+>", "")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
                .replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    private static String page(MessagePage messages) {
        List<CaughtMessage> newestFirst = messages.items();
        StringBuilder out = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="fr"><head><meta charset="utf-8">
                <meta http-equiv="refresh" content="10">
                <title>Courriels reçus — Portail Familles (local)</title>
                <style>
                body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem;color:#1e1e1e}
                article{border:1px solid #ccc;border-radius:6px;padding:1rem;margin:1rem 0}
                h2{font-size:1.1rem;margin:0 0 .5rem} dl{display:grid;grid-template-columns:8rem 1fr;margin:0}
                dt{font-weight:600} dd{margin:0} pre{white-space:pre-wrap;background:#f6f6f6;padding:.75rem}
                </style></head><body>
                <h1>Courriels reçus <small>(received e-mails)</small></h1>
                """);
        out.append("<p>").append(messages.total())
                .append(" message(s) gardé(s), les ").append(messages.kept()).append(" plus récents au plus");
        if (messages.dropped() > 0) {
            out.append(" ; ").append(messages.dropped()).append(" plus ancien(s) effacé(s)");
        }
        out.append(". JSON : <a href=\"/api/messages\">/api/messages</a>. ")
                .append("Page actualisée toutes les 10 s (refreshes every 10 s).</p>\n");
        long pages = Math.max(1, (messages.total() + messages.size() - 1) / messages.size());
        out.append("<nav><p>Page ").append(messages.page() + 1).append(" sur ").append(pages);
        if (messages.page() > 0) {
            out.append(" — <a href=\"/?page=").append(messages.page() - 1).append("\">plus récents</a>");
        }
        if (messages.page() + 1 < pages) {
            out.append(" — <a href=\"/?page=").append(messages.page() + 1).append("\">plus anciens</a>");
        }
        out.append("</p></nav>\n");
        if (newestFirst.isEmpty()) {
            out.append("<p>Aucun courriel pour l'instant (no e-mail yet).</p>\n");
        }
        for (CaughtMessage message : newestFirst) {
            out.append("<article><h2>").append(escape(message.subject())).append("</h2><dl>")
                    .append("<dt>À (to)</dt><dd>").append(escape(String.join(", ", message.to()))).append("</dd>")
                    .append("<dt>De (from)</dt><dd>").append(escape(message.from())).append("</dd>")
                    .append("<dt>Date</dt><dd>")
                    .append(message.date() == null ? "" : DISPLAYED.format(message.date())).append("</dd>")
                    .append("</dl><pre>").append(linkify(escape(message.text()))).append("</pre></article>\n");
        }
        return out.append("</body></html>\n").toString();
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static String linkify(String escaped) {
        Matcher matcher = LINK.matcher(escaped);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(
                    "<a href=\"" + matcher.group() + "\">" + matcher.group() + "</a>"));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
