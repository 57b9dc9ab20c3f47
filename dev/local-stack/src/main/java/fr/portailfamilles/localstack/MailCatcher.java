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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * An SMTP server that keeps every message (GreenMail), and a small HTTP page and JSON API that show
 * them: {@code GET /} lists the messages, {@code GET /api/messages[?to=address]} returns them as JSON,
 * {@code DELETE /api/messages} forgets them. Both listen on the loopback interface only.
 */
public final class MailCatcher implements AutoCloseable {

    private static final Pattern LINK = Pattern.compile("https?://(?:(?!&quot;|&#39;|&lt;|&gt;)[^\\s<>\"])+");
    private static final DateTimeFormatter DISPLAYED = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss", Locale.FRANCE)
            .withZone(ZoneId.systemDefault());

    /** One received message as the page and the API show it. */
    public record CaughtMessage(int id, String from, List<String> to, String subject, Instant date, String text,
            String html) {
    }

    private final GreenMail greenMail;
    private final HttpServer http;
    private final ExecutorService executor;

    private MailCatcher(GreenMail greenMail, HttpServer http, ExecutorService executor) {
        this.greenMail = greenMail;
        this.http = http;
        this.executor = executor;
    }

    public static MailCatcher start(int smtpPort, int httpPort) {
        String loopback = InetAddress.getLoopbackAddress().getHostAddress();
        GreenMail greenMail = new GreenMail(new ServerSetup(smtpPort, loopback, ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "mail-catcher-http");
            thread.setDaemon(true);
            return thread;
        });
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), httpPort), 0);
            MailCatcher catcher = new MailCatcher(greenMail, http, executor);
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

    /** Every message received so far, oldest first. */
    public List<CaughtMessage> messages() {
        MimeMessage[] received = greenMail.getReceivedMessages();
        List<CaughtMessage> messages = new ArrayList<>(received.length);
        for (int index = 0; index < received.length; index++) {
            messages.add(describe(index + 1, received[index]));
        }
        return messages;
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
                String to = queryParameter(exchange, "to");
                List<CaughtMessage> selected = messages().stream()
                        .filter(message -> to == null || message.to().stream().anyMatch(to::equalsIgnoreCase))
                        .toList();
                respond(exchange, 200, "application/json", json(selected));
            }
            else if (path.equals("/api/messages") && method.equals("DELETE")) {
                clear();
                exchange.sendResponseHeaders(204, -1);
            }
            else if (path.equals("/") && method.equals("GET")) {
                respond(exchange, 200, "text/html", page(messages()));
            }
            else {
                respond(exchange, 404, "text/plain", "Not found: " + method + " " + path);
            }
        }
        catch (RuntimeException ex) {
            respond(exchange, 500, "text/plain", String.valueOf(ex));
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

    private static CaughtMessage describe(int id, MimeMessage message) {
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

    static String json(List<CaughtMessage> messages) {
        StringBuilder out = new StringBuilder("[");
        for (CaughtMessage message : messages) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append("{\"id\":").append(message.id())
                    .append(",\"from\":").append(jsonString(message.from()))
                    .append(",\"to\":[");
            for (int index = 0; index < message.to().size(); index++) {
                out.append(index == 0 ? "" : ",").append(jsonString(message.to().get(index)));
            }
            out.append("],\"subject\":").append(jsonString(message.subject()))
                    .append(",\"date\":").append(message.date() == null ? "null" : jsonString(message.date().toString()))
                    .append(",\"text\":").append(jsonString(message.text()))
                    .append(",\"html\":").append(jsonString(message.html()))
                    .append('}');
        }
        return out.append(']').toString();
    }

    private static String jsonString(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String page(List<CaughtMessage> messages) {
        List<CaughtMessage> newestFirst = new ArrayList<>(messages);
        Collections.reverse(newestFirst);
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
        out.append("<p>").append(messages.size())
                .append(" message(s). JSON : <a href=\"/api/messages\">/api/messages</a>. ")
                .append("Page actualisée toutes les 10 s (refreshes every 10 s).</p>\n");
        if (messages.isEmpty()) {
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
