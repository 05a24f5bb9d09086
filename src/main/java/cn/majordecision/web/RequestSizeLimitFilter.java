package cn.majordecision.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API bodies larger than the configured limit before anything reads them. A document upload (multipart, to a
 * case's documents or a public opinion's attachment) may be as large as the document limit allows; the service then
 * applies the smaller limit of its use.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // right after RequestIdFilter, so a refusal carries the request id
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private static final Pattern DOCUMENT_UPLOAD = Pattern.compile(
            "/api/cases/[^/]+/documents/?|/api/public/consultations/[^/]+/opinions/[^/]+/attachment/?");

    private final long maxBytes;
    private final long maxUploadBytes;
    private final ObjectMapper mapper;

    RequestSizeLimitFilter(@Value("${app.max-request-bytes:1048576}") long maxBytes,
            @Value("${app.documents.max-request-size:51MB}") DataSize maxUpload, ObjectMapper mapper) {
        this.maxBytes = maxBytes;
        this.maxUploadBytes = maxUpload.toBytes();
        this.mapper = mapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isDocumentUpload(request)) { // a body of unknown length is bounded by the multipart parser's request limit
            if (request.getContentLengthLong() > maxUploadBytes) {
                Problems.write(response, mapper, HttpStatus.PAYLOAD_TOO_LARGE, "FILE_TOO_LARGE",
                        "上传的文件过大（整个请求上限 " + Problems.size(maxUploadBytes) + "），请压缩或拆分后上传。", "file");
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxBytes || (request.getContentLengthLong() < 0
                && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding")))) {
            Problems.write(response, mapper, HttpStatus.PAYLOAD_TOO_LARGE, "REQUEST_TOO_LARGE",
                    "提交的内容过大（上限 " + (maxBytes / 1024) + " KB），请精简后重试。");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isDocumentUpload(HttpServletRequest request) {
        String type = request.getContentType();
        return "POST".equals(request.getMethod()) && type != null
                && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
                && DOCUMENT_UPLOAD.matcher(request.getRequestURI()).matches();
    }
}
