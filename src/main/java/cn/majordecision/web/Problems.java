package cn.majordecision.web;

import cn.majordecision.shared.FieldViolation;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds RFC 9457 problem responses with a stable {@code code} and the offending fields. */
final class Problems {

    private Problems() {
    }

    static ProblemDetail problem(HttpStatus status, String code, String detail, List<FieldViolation> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/docs/index.html#problem-" + code.toLowerCase().replace('_', '-')));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    /** A size as people read it: whole megabytes, or kilobytes below one megabyte. */
    static String size(long bytes) {
        return bytes >= 1024 * 1024 ? (bytes / (1024 * 1024)) + " MB" : (bytes / 1024) + " KB";
    }

    /** For filters and security handlers, which answer before Spring MVC. */
    static void write(HttpServletResponse response, ObjectMapper mapper, HttpStatus status, String code, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        mapper.writeValue(response.getOutputStream(), problem(status, code, detail, List.of()));
    }

    /** As {@link #write(HttpServletResponse, ObjectMapper, HttpStatus, String, String)}, naming the offending field. */
    static void write(HttpServletResponse response, ObjectMapper mapper, HttpStatus status, String code, String detail,
            String field) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        mapper.writeValue(response.getOutputStream(), problem(status, code, detail, List.of(new FieldViolation(field, code, detail))));
    }

    static ResponseEntity<ProblemDetail> response(HttpStatus status, String code, String detail,
            List<FieldViolation> errors) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(status, code, detail, errors));
    }
}
