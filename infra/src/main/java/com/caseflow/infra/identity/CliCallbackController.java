package com.caseflow.infra.identity;

import java.time.Duration;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The redirect URI of the {@code caseflow-cli} client. {@code infra/bin/token} reads the code from the redirect and
 * never comes here; someone going through the flow in a browser sees the code (or the error) on this page, as plain
 * text, to exchange it together with their PKCE code verifier.
 */
@RestController
class CliCallbackController {

    static final String PATH = "/cli/callback";

    private final Duration tokenLifetime;

    CliCallbackController(IdentityProperties properties) {
        this.tokenLifetime = properties.accessTokenTimeToLive();
    }

    @GetMapping(path = PATH, produces = "text/plain;charset=UTF-8")
    String callback(@RequestParam(name = "code", required = false) String code,
            @RequestParam(name = "error", required = false) String error,
            @RequestParam(name = "error_description", required = false) String description) {
        if (code != null) {
            return "Authorization code: " + code + "\n\nExchange it within 5 minutes: POST /oauth2/token with "
                    + "grant_type=authorization_code, code, redirect_uri, client_id=caseflow-cli and your "
                    + "code_verifier."
                    + "\nOr simply run: infra/bin/token STAFF_ID\nA token lasts " + tokenLifetime.toMinutes()
                    + " minutes; this client gets no refresh token: run it again for a new one.\n";
        }
        if (error != null) {
            return "The authorization failed: " + error + (description == null ? "" : " — " + description) + "\n";
        }
        return "Nothing to show: this page receives the authorization code of the caseflow-cli client.\n";
    }
}
