package com.caseflow.console.services;

import java.net.URI;
import java.util.Locale;

/**
 * A call's recording is kept by the phone platform; the console only links to it. The address comes from outside (the
 * platform's event), so only an absolute http(s) address becomes a link — never {@code javascript:} or the like.
 */
public final class RecordingLinks {

    private RecordingLinks() {
    }

    public static String safe(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null ? uri.toString() : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
