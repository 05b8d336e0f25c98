package app.plugboard.web;

import app.plugboard.integration.signin.ConditionalOnSignIn;
import app.plugboard.integration.signin.SignInFlow;
import app.plugboard.integration.signin.SignInPaths;
import app.plugboard.integration.signin.SignInSettings;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in pages of the {@link SignInFlow}: the confirmation ("Connect a Gmail account to Discord
 * user @name?"), the callbacks, and the result; what they say of the service comes from the flow.
 * Every answer is {@code no-store}, sends no referrer, loads nothing from elsewhere; every callback
 * answers with a redirect (303), so the code leaves the address bar.
 * Addresses are built from {@code PLUGBOARD_PUBLIC_URL}, never from the request. No session: what
 * ties the steps together is in the database, bound to the Discord user, and a cookie that binds the
 * callback to the browser that confirmed.
 */
@Controller
@ConditionalOnSignIn
class OAuthPages {

    private static final Logger log = LoggerFactory.getLogger(OAuthPages.class);

    private final SignInFlow flow;
    private final SignInSettings settings;
    private final AtomicLong lastBusyLog = new AtomicLong(System.nanoTime() - TimeUnit.MINUTES.toNanos(2));

    OAuthPages(SignInFlow flow, SignInSettings settings) {
        this.flow = flow;
        this.settings = settings;
    }

    @GetMapping(SignInPaths.CONNECT + "{link}")
    ResponseEntity<String> confirmation(@PathVariable String link, CsrfToken csrf) {
        return flow.confirmation(link).map(confirmation -> {
            String title = "Connect " + confirmation.service();
            HtmlPage page = HtmlPage.titled(title).heading(title, "")
                    .paragraph("Connect " + article(confirmation.service()) + " " + confirmation.service() + " account to ",
                            confirmation.ownerName(), "?");
            if (confirmation.account() == null) {
                page.paragraph("It becomes the integration ", confirmation.label(), ".");
            } else {
                page.paragraph("Sign in again as " + confirmation.account() + " for ", confirmation.label(), ".");
            }
            page.note("Only continue if you asked for this link in Discord yourself. If someone sent it to you, close "
                    + "this tab: continuing would let their Plugboard read your mail.");
            if (confirmation.discordSignIn()) {
                page.note("First, sign in with Discord: Plugboard checks that you are the person named above.");
            }
            page.note(confirmation.consent());
            page.postButton(confirmation.confirmAt().toString(), csrf.getParameterName(), csrf.getToken(),
                    confirmation.discordSignIn() ? "Sign in with Discord" : "Continue to " + confirmation.provider());
            return html(HttpStatus.OK, page);
        }).orElseGet(this::expiredPage);
    }

    /** "a Gmail account", "an Outlook account". */
    private static String article(String service) {
        return !service.isEmpty() && "AEIOU".indexOf(Character.toUpperCase(service.charAt(0))) >= 0 ? "an" : "a";
    }

    @PostMapping(SignInPaths.CONNECT + "{link}")
    ResponseEntity<String> confirm(@PathVariable String link) {
        return redirect(flow.confirm(link));
    }

    /** Only the {@link SignInPaths#CALLBACK_SERVERS} get here: the web port denies every other callback address. */
    @GetMapping(SignInPaths.CALLBACK + "{server}")
    ResponseEntity<String> callback(@PathVariable String server, @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String code, @RequestParam(required = false) @Nullable String error,
            @RequestParam(name = "error_description", required = false) @Nullable String errorDescription,
            @CookieValue(name = BrowserBinding.SECURE, required = false) @Nullable String secureBinding,
            @CookieValue(name = BrowserBinding.PLAIN, required = false) @Nullable String plainBinding) {
        return redirect(flow.callback(server, new SignInFlow.Callback(state, code, error, errorDescription,
                binding(secureBinding, plainBinding))));
    }

    @GetMapping(SignInPaths.RESULT + "{id}")
    ResponseEntity<String> result(@PathVariable String id) {
        return flow.result(id).map(result -> html(HttpStatus.OK, HtmlPage.titled(result.title())
                        .heading(result.title(), result.connected() ? "ok" : "no")
                        .paragraph(result.detail())
                        .note(result.connected() ? "Plugboard told you in the chat as well." : "Plugboard told you in the chat as well; "
                                + "nothing from this sign-in was kept.")))
                .orElseGet(this::expiredPage);
    }

    @GetMapping(SignInPaths.EXPIRED)
    ResponseEntity<String> expired() {
        return expiredPage();
    }

    /**
     * The web port's few database connections are all taken (a flood of requests), or the database
     * is away: "busy", come back shortly. Logged at most once a minute, so a flood does not flood the log.
     */
    @ExceptionHandler(DataAccessResourceFailureException.class)
    ResponseEntity<String> busy() {
        long now = System.nanoTime();
        long last = lastBusyLog.get();
        if (now - last > TimeUnit.MINUTES.toNanos(1) && lastBusyLog.compareAndSet(last, now)) {
            log.warn("Sign-in pages answered 503: the web port's database connections were all in use, or the database "
                    + "did not answer (PLUGBOARD_WEB_DB_POOL_SIZE)");
        }
        ResponseEntity<String> page = html(HttpStatus.SERVICE_UNAVAILABLE, HtmlPage.titled("Busy")
                .heading("Plugboard is busy", "no")
                .paragraph("Too many sign-ins are under way, or Plugboard cannot reach its database right now. Nothing "
                        + "was connected.")
                .paragraph("Try again in a minute. If the page then says the link has expired, run the command in "
                        + "Discord again for a new one."));
        return ResponseEntity.status(page.getStatusCode()).headers(page.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, "30").body(page.getBody());
    }

    private ResponseEntity<String> expiredPage() {
        return html(HttpStatus.NOT_FOUND, HtmlPage.titled("Link expired").heading("This link has expired", "no")
                .paragraph("Sign-in links work once, for a few minutes, in the browser where they were opened. "
                        + "Nothing was connected.")
                .paragraph("Run the command in Discord again (/integration add, or Re-authenticate) for a new link."));
    }

    private @Nullable String binding(@Nullable String secure, @Nullable String plain) {
        return settings.secureCookies() ? secure : plain;
    }

    private ResponseEntity<String> redirect(SignInFlow.Step step) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(step.location())
                .headers(OAuthPages::safeHeaders);
        if (step.browserBinding() != null) {
            response.header(HttpHeaders.SET_COOKIE, BrowserBinding.cookie(step.browserBinding(),
                    settings.secureCookies(), settings.linkLifetime().plus(Duration.ofMinutes(5))).toString());
        }
        return response.body("");
    }

    private ResponseEntity<String> html(HttpStatus status, HtmlPage page) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .headers(OAuthPages::safeHeaders)
                .header("Content-Security-Policy", "default-src 'none'; style-src " + HtmlPage.STYLE_HASH
                        + "; form-action 'self' " + settings.formTargets() + "; base-uri 'none'; frame-ancestors 'none'")
                .body(page.render());
    }

    private static void safeHeaders(HttpHeaders headers) {
        headers.setCacheControl("no-store");
        headers.set("Referrer-Policy", "no-referrer");
        headers.setPragma("no-cache");
    }

    /** The cookie that binds a callback to the browser that confirmed (its hash is stored with the state). */
    static final class BrowserBinding {
        static final String SECURE = "__Host-plugboard-signin";
        static final String PLAIN = "plugboard-signin";

        private BrowserBinding() {
        }

        static ResponseCookie cookie(String value, boolean secure, Duration maxAge) {
            return ResponseCookie.from(secure ? SECURE : PLAIN, value)
                    .path("/")
                    .httpOnly(true)
                    .secure(secure)
                    .sameSite("Lax")
                    .maxAge(maxAge)
                    .build();
        }
    }
}
