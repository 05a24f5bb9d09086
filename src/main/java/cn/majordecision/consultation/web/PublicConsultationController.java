package cn.majordecision.consultation.web;

import cn.majordecision.consultation.OpinionRateLimiter;
import cn.majordecision.consultation.PublicConsultations;
import cn.majordecision.consultation.PublicConsultations.OpinionInput;
import cn.majordecision.consultation.PublicConsultations.PublicConsultation;
import cn.majordecision.consultation.PublicConsultations.Receipt;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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

    PublicConsultationController(PublicConsultations consultations, OpinionRateLimiter limiter) {
        this.consultations = consultations;
        this.limiter = limiter;
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
    ResponseEntity<Receipt> submit(@PathVariable("number") String caseNumber, @RequestBody OpinionInput input,
            HttpServletRequest request) {
        limiter.admit(request, "TOO_MANY_OPINIONS");
        Receipt receipt = consultations.submit(caseNumber, input);
        return ResponseEntity.created(URI.create("/api/public/consultations/" + receipt.caseNumber()))
                .body(receipt);
    }

    @PostMapping(path = "/{number}/opinions/{receipt}/attachment", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Receipt> attach(@PathVariable("number") String caseNumber, @PathVariable String receipt,
            @RequestParam(name = "file", required = false) MultipartFile file, HttpServletRequest request) {
        limiter.admit(request, "TOO_MANY_OPINIONS");
        return ResponseEntity.status(HttpStatus.CREATED).body(consultations.attach(caseNumber, receipt, file));
    }
}
