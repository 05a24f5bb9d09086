package cn.majordecision.consultation.web;

import cn.majordecision.consultation.OpinionRateLimiter;
import cn.majordecision.consultation.PublicConsultations;
import cn.majordecision.consultation.PublicConsultations.OpinionInput;
import cn.majordecision.consultation.PublicConsultations.PublicConsultation;
import cn.majordecision.consultation.PublicConsultations.Receipt;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The public consultation portal: no login. Personal data never appears in these answers. */
@RestController
@RequestMapping("/api/public/consultations")
class PublicConsultationController {

    private final PublicConsultations consultations;
    private final OpinionRateLimiter limiter;
    private final boolean trustForwardedFor;

    PublicConsultationController(PublicConsultations consultations, OpinionRateLimiter limiter,
            @Value("${app.consultation.trust-forwarded-for:false}") boolean trustForwardedFor) {
        this.consultations = consultations;
        this.limiter = limiter;
        this.trustForwardedFor = trustForwardedFor;
    }

    @GetMapping
    List<PublicConsultation> open() {
        return consultations.open();
    }

    @GetMapping("/{number}")
    PublicConsultation consultation(@PathVariable("number") String caseNumber) {
        return consultations.consultation(caseNumber);
    }

    @PostMapping("/{number}/opinions")
    ResponseEntity<?> submit(@PathVariable("number") String caseNumber, @RequestBody OpinionInput input,
            HttpServletRequest request) {
        Optional<ResponseEntity<ProblemDetail>> tooMany = tooMany(request);
        if (tooMany.isPresent()) {
            return tooMany.get();
        }
        Receipt receipt = consultations.submit(caseNumber, input);
        return ResponseEntity.created(URI.create("/api/public/consultations/" + receipt.caseNumber()))
                .body(receipt);
    }

    @PostMapping(path = "/{number}/opinions/{receipt}/attachment", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> attach(@PathVariable("number") String caseNumber, @PathVariable String receipt,
            @RequestParam(name = "file", required = false) MultipartFile file, HttpServletRequest request) {
        Optional<ResponseEntity<ProblemDetail>> tooMany = tooMany(request);
        if (tooMany.isPresent()) {
            return tooMany.get();
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(consultations.attach(caseNumber, receipt, file));
    }

    /** One address may not flood the portal: 429 with the seconds to wait. */
    private Optional<ResponseEntity<ProblemDetail>> tooMany(HttpServletRequest request) {
        Duration wait = limiter.acquire(address(request));
        if (wait.isZero()) {
            return Optional.empty();
        }
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "提交过于频繁，请 %d 秒后再试。".formatted(seconds));
        problem.setTitle("提交过于频繁");
        problem.setProperty("code", "TOO_MANY_OPINIONS");
        return Optional.of(ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem));
    }

    /** The client's address; a proxy's X-Forwarded-For only when configured, and then its last (proxy-added) entry. */
    private String address(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (trustForwardedFor && forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            return hops[hops.length - 1].strip();
        }
        return request.getRemoteAddr();
    }
}
