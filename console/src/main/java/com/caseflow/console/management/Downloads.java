package com.caseflow.console.management;

import com.caseflow.console.services.ServiceApi;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriBuilder;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * A service's Excel export passed through to the browser as it came: the same bytes, content type and file name (the
 * service names its files in Chinese); the console adds nothing and converts nothing.
 */
final class Downloads {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private Downloads() {
    }

    static ResponseEntity<byte[]> xlsx(ServiceApi service, Function<UriBuilder, URI> uri, String fallbackName) {
        ResponseEntity<byte[]> file = service.download(client -> client.get().uri(uri)
                .accept(XLSX)
                .retrieve().toEntity(byte[].class));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(file.getHeaders().getContentType() == null ? XLSX
                : file.getHeaders().getContentType());
        ContentDisposition disposition = file.getHeaders().getContentDisposition();
        headers.setContentDisposition(disposition.getFilename() != null ? disposition
                : ContentDisposition.attachment().filename(fallbackName + ".xlsx", StandardCharsets.UTF_8).build());
        // a report is personal data about staff: not kept by shared caches
        headers.setCacheControl("private, no-store");
        return ResponseEntity.ok().headers(headers).body(file.getBody() == null ? new byte[0] : file.getBody());
    }
}
