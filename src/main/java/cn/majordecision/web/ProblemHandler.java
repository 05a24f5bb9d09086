package cn.majordecision.web;

import cn.majordecision.shared.DomainException;
import cn.majordecision.shared.FieldViolation;
import cn.majordecision.shared.TooManyRequests;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every refusal into a problem response a clerk can act on; anything else is a bug and is logged. */
@RestControllerAdvice
class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final long maxDocumentBytes;

    ProblemHandler(@Value("${app.documents.max-size:50MB}") DataSize maxDocument) {
        this.maxDocumentBytes = maxDocument.toBytes();
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e) {
        HttpStatus status = switch (e.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
        };
        ResponseEntity<ProblemDetail> response = Problems.response(status, e.code(), e.getMessage(), e.violations());
        if (e instanceof TooManyRequests tooMany) {
            return ResponseEntity.status(status).headers(response.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(tooMany.retryAfter().toSeconds()))
                    .body(response.getBody());
        }
        return response;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException e) {
        List<FieldViolation> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldViolation(error.getField(), "INVALID", error.getDefaultMessage()))
                .toList();
        return Problems.response(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "提交的内容有误，请按提示修改后重新提交。", errors);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> invalidParameter(ConstraintViolationException e) {
        List<FieldViolation> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldViolation(lastNode(v.getPropertyPath().toString()), "INVALID", v.getMessage()))
                .toList();
        return Problems.response(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "请求参数有误。", errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return Problems.response(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "提交了系统不认识的字段。",
                    List.of(new FieldViolation(path(unknown), "UNKNOWN_FIELD", "没有“" + unknown.getPropertyName() + "”这一项，请勿提交多余字段。")));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return Problems.response(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "字段的值类型不正确。",
                    List.of(new FieldViolation(path(mapping), "TYPE", "该项的值类型不正确或不在可选范围内。")));
        }
        String detail = cause instanceof JsonProcessingException
                ? "请求内容格式不正确：须为 JSON 对象，且不能嵌套过深或过长。" : "请求内容缺失或无法读取。";
        return Problems.response(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", detail, List.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return Problems.response(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "请求参数有误。",
                List.of(new FieldViolation(e.getName(), "TYPE", "参数“" + e.getName() + "”的值不正确。")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return Problems.response(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "缺少请求参数。",
                List.of(new FieldViolation(e.getParameterName(), "REQUIRED", "缺少参数“" + e.getParameterName() + "”。")));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        return Problems.response(HttpStatus.NOT_FOUND, "NOT_FOUND", "请求的地址不存在。", List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return Problems.response(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", "该地址不支持此操作（" + e.getMethod() + "）。", List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return Problems.response(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", "请以 application/json 格式提交。", List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return Problems.response(HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE", "该地址不提供所要求的格式（Accept）。", List.of());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        String detail = "上传的文件过大（每个文件上限 " + Problems.size(maxDocumentBytes) + "），请压缩或拆分后上传。";
        return Problems.response(HttpStatus.PAYLOAD_TOO_LARGE, "FILE_TOO_LARGE", detail,
                List.of(new FieldViolation("file", "FILE_TOO_LARGE", detail)));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e) {
        log.info("Unreadable multipart request: {}", e.getMessage());
        return Problems.response(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
                "上传内容无法读取：请以 multipart/form-data 格式提交文件。", List.of());
    }

    @ExceptionHandler({ConcurrencyFailureException.class, DataIntegrityViolationException.class})
    ResponseEntity<ProblemDetail> concurrent(RuntimeException e) {
        log.info("Concurrent change refused: {}", e.getMessage());
        return Problems.response(HttpStatus.CONFLICT, "CONCURRENT_CHANGE", "数据刚被他人修改，请刷新后重试。", List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return Problems.response(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "系统内部错误，请联系管理员。", List.of());
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String lastNode(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
